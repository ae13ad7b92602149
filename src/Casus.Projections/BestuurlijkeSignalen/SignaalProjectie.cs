using Casus.Domain.BestuurlijkeSignalen;
using JasperFx.Events;
using Marten;
using Marten.Events.Aggregation;

namespace Casus.Projections.BestuurlijkeSignalen;

/// <summary>The current state of each bestuurlijk signaal, kept inline (same transaction as its events) by the domain's own
/// <see cref="BestuurlijkSignaal.Evolve(BestuurlijkSignaal?, ISignaalGebeurtenis)"/>, with the next term dated for the term
/// monitoring's index (<c>volgende_termijn</c>), as <see cref="Casussen.CasusProjectie"/> does for a casus.</summary>
public partial class SignaalProjectie : SingleStreamProjection<BestuurlijkSignaal, Guid>
{
    /// <summary>Only signaal events: a casus command then does not look for a signaal document of its stream (a round trip).</summary>
    public SignaalProjectie() => IncludeType<ISignaalGebeurtenis>();

    public override BestuurlijkSignaal? Evolve(BestuurlijkSignaal? snapshot, Guid id, IEvent e) =>
        e.Data is ISignaalGebeurtenis gebeurtenis ? SignaalTermijnen.MetVolgende(BestuurlijkSignaal.Evolve(snapshot, gebeurtenis)) : snapshot;

    /// <summary>Registers the projection, the event types and the document's indexed columns (step, next term).</summary>
    public static void Configureer(StoreOptions opts)
    {
        CasusStore.RegistreerGebeurtenissen<ISignaalGebeurtenis>(opts);
        opts.Projections.Add(new SignaalProjectie(), JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        opts.Schema.For<BestuurlijkSignaal>()
            .Duplicate(s => s.Stap)
            .Duplicate(s => s.VolgendeTermijn)
            .Duplicate(s => s.IngediendOp);
    }

    /// <summary>The table of the signaal documents (the sweep and the jaarcijfers query it).</summary>
    public const string Tabel = $"{CasusStore.Schema}.mt_doc_bestuurlijksignaal";
}
