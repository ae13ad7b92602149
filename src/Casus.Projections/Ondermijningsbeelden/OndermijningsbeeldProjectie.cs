using Casus.Domain.Ondermijningsbeelden;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Casus.Projections.Ondermijningsbeelden;

/// <summary>The registered ondermijningsbeelden, one document per stream, kept inline by the domain's own
/// <see cref="Ondermijningsbeeld.Evolve"/>. The jaarcijfers count them (Tabel 1 row 1) and a signaal names one.</summary>
public partial class OndermijningsbeeldProjectie : SingleStreamProjection<Ondermijningsbeeld, Guid>
{
    /// <summary>Only beeld events: a casus command then does not look for a beeld document of its stream (a round trip).</summary>
    public OndermijningsbeeldProjectie() => IncludeType<IOndermijningsbeeldGebeurtenis>();

    public override Ondermijningsbeeld? Evolve(Ondermijningsbeeld? snapshot, Guid id, IEvent e) =>
        e.Data is IOndermijningsbeeldGebeurtenis gebeurtenis ? Ondermijningsbeeld.Evolve(snapshot, gebeurtenis) : snapshot;

    /// <summary>Registers the projection, the event types and the indexed columns (region, reference).</summary>
    public static void Configureer(StoreOptions opts)
    {
        CasusStore.RegistreerGebeurtenissen<IOndermijningsbeeldGebeurtenis>(opts);
        opts.Projections.Add(new OndermijningsbeeldProjectie(), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        opts.Schema.For<Ondermijningsbeeld>()
            .Duplicate(b => b.Regio)
            .Duplicate(b => b.Referentie);
    }

    /// <summary>The table of the beeld documents (the jaarcijfers query it).</summary>
    public const string Tabel = $"{CasusStore.Schema}.mt_doc_ondermijningsbeeld";
}
