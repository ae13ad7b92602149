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
/// <summary>The subscriptions of <paramref name="Organisaties"/>, loaded with the casus before the change.</summary>
public sealed record VoorgeladenAbonnementen(IReadOnlySet<string> Organisaties, IReadOnlyList<Abonnement> Abonnementen);

public sealed class Notificatieplanner(IOptions<WebhookInstellingen> opties, TimeProvider clock)
{
    /// <summary>Plans in <paramref name="session"/> the deliveries for the change of <paramref name="voor"/> into
    /// <paramref name="na"/> by <paramref name="gebeurtenissen"/>, publishing through <paramref name="outbox"/> (enrolled in
    /// that session). <paramref name="basisUrl"/>: the API's URL as the request reached it, when there is a request.</summary>
    public async Task PlanAsync(IDocumentSession session, IMessageBus outbox, IntegraleCasus? voor, IntegraleCasus na,
        IReadOnlyList<ICasusGebeurtenis> gebeurtenissen, string traceParent, string? basisUrl, CancellationToken ct,
        VoorgeladenAbonnementen? voorgeladen = null)
    {
        var feiten = Feiten.Uit(voor, na, gebeurtenissen);
        if (feiten.Count == 0) return;
        var organisaties = feiten.Select(f => f.OrganisatieId).Distinct().ToArray();
        // The subscriptions of the organisations already taking part came with the casus (one round trip); only an
        // organisation that joins by this change needs a query of its own.
        var ontbrekend = voorgeladen is null ? organisaties : organisaties.Where(o => !voorgeladen.Organisaties.Contains(o)).ToArray();
        var abonnementen = voorgeladen?.Abonnementen.Where(a => organisaties.Contains(a.OrganisatieId)).ToList() ?? [];
        if (ontbrekend.Length > 0)
            abonnementen.AddRange(await session.Query<Abonnement>().Where(a => ontbrekend.Contains(a.OrganisatieId)).ToListAsync(ct));
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

    /// <summary>The organisations taking part in <paramref name="casus"/> (submitter and partners): whose subscriptions
    /// <see cref="VanDeelnemers"/> loads.</summary>
    public static IReadOnlySet<string> Deelnemers(IntegraleCasus casus) =>
        casus.Partners.Select(p => p.Organisatie.Id).Append(casus.Indiener.Id).ToHashSet();

    /// <summary>Adds to <paramref name="batch"/> the query for the subscriptions of the organisations taking part in casus
    /// <paramref name="casusId"/> as stored (its document), so they come in the same round trip as the casus.</summary>
    public static Task<IReadOnlyList<Abonnement>> VanDeelnemers(Marten.Services.BatchQuerying.IBatchedQuery batch, Guid casusId) =>
        batch.Query<Abonnement>($$"""
            where d.data ->> 'organisatieId' in (
              select c.data -> 'indiener' ->> 'id' from {{Casus.Projections.CasusStore.Schema}}.mt_doc_integralecasus c where c.id = ?
              union all
              select p -> 'organisatie' ->> 'id' from {{Casus.Projections.CasusStore.Schema}}.mt_doc_integralecasus c,
                jsonb_array_elements(c.data -> 'partners') p where c.id = ?)
            """, casusId, casusId);
}
