using Casus.Domain.Privacy;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Casus.Projections.Privacy;

/// <summary>The current state of each destruction list, kept inline (same transaction as its events) by the domain's own
/// <see cref="Vernietigingslijst.Evolve"/>: the verklaring van vernietiging once carried out.</summary>
public partial class VernietigingslijstProjectie : SingleStreamProjection<Vernietigingslijst, Guid>
{
    /// <summary>Only list events: a casus command then does not look for a list document of its stream (a round trip).</summary>
    public VernietigingslijstProjectie() => IncludeType<IVernietigingslijstGebeurtenis>();

    public override Vernietigingslijst? Evolve(Vernietigingslijst? snapshot, Guid id, IEvent e) =>
        e.Data is IVernietigingslijstGebeurtenis gebeurtenis ? Vernietigingslijst.Evolve(snapshot, gebeurtenis) : snapshot;

    /// <summary>Registers the projection, the event types of destruction lists and erasure requests, and the list's indexed
    /// columns (region, status).</summary>
    public static void Configureer(StoreOptions opts)
    {
        CasusStore.RegistreerGebeurtenissen<IVernietigingslijstGebeurtenis>(opts);
        opts.Events.AddEventType<WisverzoekAfgehandeld>();
        opts.Projections.Add(new VernietigingslijstProjectie(), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        opts.Schema.For<Vernietigingslijst>()
            .Duplicate(l => l.Regio)
            .Duplicate(l => l.Status);
    }

    /// <summary>The table of the list documents.</summary>
    public const string Tabel = $"{CasusStore.Schema}.mt_doc_vernietigingslijst";
}
