using Casus.Domain.Casussen;
using Casus.Domain.Notificaties;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Casus.Api.Notificaties;

/// <summary>Deliver <see cref="Aflevering"/> <paramref name="AfleveringId"/> (again, when <paramref name="Herbezorging"/>:
/// on request, also to a paused subscription or after it was given up).</summary>
public sealed record AfleveringVersturen(Guid AfleveringId, bool Herbezorging = false);

/// <summary>Turns the facts of a change into deliveries, in the transaction of that change: one <see cref="Aflevering"/>
/// per fact and matching subscription, and its <see cref="AfleveringVersturen"/> message through the outbox of the same
/// transaction. So a fact is never told without being committed, and never committed without being told. Sending happens
/// afterwards, on Wolverine's durable queue: a slow or failing receiver never slows down or fails the change.</summary>
public sealed class Notificatieplanner(IOptions<WebhookInstellingen> opties, TimeProvider clock)
{
    /// <summary>Plans in <paramref name="session"/> the deliveries for the change of <paramref name="voor"/> into
    /// <paramref name="na"/> by <paramref name="gebeurtenissen"/>, publishing through <paramref name="outbox"/> (enrolled in
    /// that session). <paramref name="basisUrl"/>: the API's URL as the request reached it, when there is a request.</summary>
    public async Task PlanAsync(IDocumentSession session, IMessageBus outbox, IntegraleCasus? voor, IntegraleCasus na,
        IReadOnlyList<ICasusGebeurtenis> gebeurtenissen, string traceParent, string? basisUrl, CancellationToken ct)
    {
        var feiten = Feiten.Uit(voor, na, gebeurtenissen);
        if (feiten.Count == 0) return;
        var organisaties = feiten.Select(f => f.OrganisatieId).Distinct().ToArray();
        var abonnementen = await session.Query<Abonnement>().Where(a => organisaties.Contains(a.OrganisatieId)).ToListAsync(ct);
        if (abonnementen.Count == 0) return;
        var instellingen = opties.Value;
        var nu = clock.GetUtcNow();
        foreach (var feit in feiten)
        foreach (var abonnement in abonnementen.Where(a => a.OrganisatieId == feit.OrganisatieId && a.Wil(feit.Soort, na.Regio)))
        {
            var id = Guid.CreateVersion7();
            var actief = abonnement.Status == AbonnementStatus.Actief;
            session.Store(new Aflevering
            {
                Id = id, AbonnementId = abonnement.Id, OrganisatieId = feit.OrganisatieId, CasusId = feit.CasusId, Soort = feit.Soort,
                Bericht = CloudEvent.Van(feit, na.Regio, id, nu, instellingen.Bron, instellingen.PubliekeUrl ?? basisUrl ?? "", traceParent).AlsJson(),
                TraceParent = traceParent, AangemaaktOp = nu,
                Status = actief ? AfleveringStatus.Onderweg : AfleveringStatus.Gepauzeerd,
            });
            if (actief) await outbox.PublishAsync(new AfleveringVersturen(id));
        }
    }
}
