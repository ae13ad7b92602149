using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Api.Verantwoording;
using Casus.Domain.Toegang;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Wolverine.Marten;

namespace Casus.Api.Notificaties;

/// <summary>An organisation's webhook subscriptions and their delivery log, managed by its own integration administrators.
/// Every request is audited (<see cref="VerantwoordingFilter"/>), and its changes commit with its audit record.</summary>
public static class AbonnementEndpoints
{
    public static void MapAbonnementEndpoints(this IEndpointRouteBuilder app)
    {
        var groep = app.MapGroup("/api/v1/partners/{organisatieId}/abonnementen").WithTags("Notificaties").RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .AddEndpointFilter(async (context, next) =>
            {
                var organisatieId = context.HttpContext.Request.RouteValues["organisatieId"]?.ToString() ?? "";
                var toegang = Toegangsregels.AbonnementenBeheren(context.HttpContext.Actor(), organisatieId);
                return toegang.IsToegestaan ? await next(context) : Problems.Result(Problems.Forbidden(toegang));
            })
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        groep.MapPost("", (string organisatieId, AbonnementRequest body, IDocumentSession session, IOptions<WebhookInstellingen> opties,
                TimeProvider clock, HttpContext http) =>
            {
                var v = new InputValidator(default);
                var (url, soorten, regios) = body.Valideer(v, opties.Value);
                if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
                var nu = clock.GetUtcNow();
                var geheim = Ondertekening.NieuwGeheim();
                var abonnement = new Abonnement
                {
                    Id = Guid.CreateVersion7(), OrganisatieId = organisatieId, CallbackUrl = url, Soorten = soorten, Regios = regios,
                    Geheimen = [new Ondertekeningsgeheim(geheim, nu, null)], AangemaaktOp = nu, AangemaaktDoor = http.Actor().GebruikerId,
                };
                session.Store(abonnement);
                return TypedResults.Created($"/api/v1/partners/{organisatieId}/abonnementen/{abonnement.Id}",
                    new GeheimUitgifte(AbonnementAntwoord.Van(abonnement), geheim));
            })
            .WithName("abonnement-aanmaken")
            .WithSummary("Een abonnement op feiten aanmaken (webhook)")
            .WithDescription("Voor de integratiebeheerder van de organisatie. De organisatie krijgt de gekozen soorten feiten over casussen " +
                "die zij mag zien als ondertekende CloudEvents op `callbackUrl` (docs/notificaties.md). Het antwoord bevat het " +
                "ondertekeningsgeheim (`whsec_…`); dat wordt daarna nooit meer getoond.")
            .WithMetadata(new RequestExample(AbonnementRequest.Example))
            .Produces<GeheimUitgifte>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest);

        groep.MapGet("", async (string organisatieId, IQuerySession session, CancellationToken ct) =>
                TypedResults.Ok((await session.Query<Abonnement>().Where(a => a.OrganisatieId == organisatieId)
                    .OrderBy(a => a.AangemaaktOp).ToListAsync(ct)).Select(AbonnementAntwoord.Van).ToList()))
            .WithName("abonnementen-opvragen")
            .WithSummary("De abonnementen van de organisatie")
            .WithDescription("Alle abonnementen van de eigen organisatie, oudste eerst, met status en (bij een pauze) de reden. " +
                "De waarden van de geheimen worden nooit getoond, alleen sinds wanneer en tot wanneer ze ondertekenen.")
            .Produces<List<AbonnementAntwoord>>();

        groep.MapGet("/{abonnementId:guid}", async (string organisatieId, Guid abonnementId, IQuerySession session, CancellationToken ct) =>
                await Eigen(session, organisatieId, abonnementId, ct) is { } a
                    ? TypedResults.Ok(AbonnementAntwoord.Van(a))
                    : Problems.Result(Problems.AbonnementNotFound(abonnementId)))
            .WithName("abonnement-opvragen")
            .WithSummary("Eén abonnement: status, en waarom het gepauzeerd is")
            .WithDescription("Het abonnement met `callbackUrl`, soorten, regio's, status, `pauzeReden` en het aantal mislukte pogingen op rij. " +
                "Een abonnement van een andere organisatie antwoordt 404.")
            .Produces<AbonnementAntwoord>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        groep.MapDelete("/{abonnementId:guid}", async (string organisatieId, Guid abonnementId, IDocumentSession session, CancellationToken ct) =>
            {
                if (await Eigen(session, organisatieId, abonnementId, ct) is not { } a) return Problems.Result(Problems.AbonnementNotFound(abonnementId));
                session.Delete(a);
                return TypedResults.NoContent();
            })
            .WithName("abonnement-verwijderen")
            .WithSummary("Een abonnement beëindigen; afleveringen die nog onderweg zijn, worden opgegeven")
            .WithDescription("Verwijdert het abonnement: er worden geen feiten meer bezorgd. Een aflevering die nog op een nieuwe poging " +
                "wacht, wordt opgegeven. Het afleverlog verdwijnt niet uit het auditlog.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);

        groep.MapPost("/{abonnementId:guid}/geheimen", async (string organisatieId, Guid abonnementId, IDocumentSession session,
                IOptions<WebhookInstellingen> opties, TimeProvider clock, CancellationToken ct) =>
            {
                if (await Eigen(session, organisatieId, abonnementId, ct) is not { } a) return Problems.Result(Problems.AbonnementNotFound(abonnementId));
                var nu = clock.GetUtcNow();
                var geheim = Ondertekening.NieuwGeheim();
                a.Geheimen = [.. a.Geldig(nu).Select(g => g.GeldigTot is null ? g with { GeldigTot = nu + opties.Value.RotatieOverlap } : g),
                    new Ondertekeningsgeheim(geheim, nu, null)];
                session.Store(a);
                return TypedResults.Created($"/api/v1/partners/{organisatieId}/abonnementen/{a.Id}", new GeheimUitgifte(AbonnementAntwoord.Van(a), geheim));
            })
            .WithName("geheim-roteren")
            .WithSummary("Een nieuw ondertekeningsgeheim; het vorige ondertekent nog tijdens de overlap (standaard 24 uur)")
            .WithDescription("Tijdens de overlap draagt elke aflevering twee handtekeningen in `webhook-signature`, zodat de ontvanger " +
                "zonder onderbreking kan overstappen. Het nieuwe geheim wordt alleen in dit antwoord getoond.")
            .Produces<GeheimUitgifte>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status404NotFound);

        groep.MapPost("/{abonnementId:guid}/hervatting", async (string organisatieId, Guid abonnementId, IDocumentSession session,
                IMartenOutbox outbox, CancellationToken ct) =>
            {
                if (await Eigen(session, organisatieId, abonnementId, ct) is not { } a) return Problems.Result(Problems.AbonnementNotFound(abonnementId));
                a.Status = AbonnementStatus.Actief;
                a.PauzeReden = null;
                a.GepauzeerdOp = null;
                a.OpeenvolgendeMislukkingen = 0;
                session.Store(a);
                var wachtend = await session.Query<Aflevering>()
                    .Where(x => x.AbonnementId == a.Id && x.Status == AfleveringStatus.Gepauzeerd).ToListAsync(ct);
                outbox.Enroll(session);
                foreach (var aflevering in wachtend)
                {
                    aflevering.Status = AfleveringStatus.Onderweg;
                    session.Store(aflevering);
                    await outbox.PublishAsync(new AfleveringVersturen(aflevering.Id));
                }
                return TypedResults.Ok(AbonnementAntwoord.Van(a));
            })
            .WithName("abonnement-hervatten")
            .WithSummary("Een gepauzeerd abonnement hervatten: de afleveringen die wachtten, gaan alsnog")
            .WithDescription("Een abonnement wordt gepauzeerd na te veel mislukte pogingen op rij (`Casus:Webhooks:PauzeNaMislukkingen`). " +
                "Hervatten zet het weer aan en verstuurt de feiten die tijdens de pauze zijn vastgelegd, elk met zijn eigen webhook-id.")
            .Produces<AbonnementAntwoord>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        groep.MapGet("/{abonnementId:guid}/afleveringen", async (string organisatieId, Guid abonnementId, [FromQuery] string? page,
                [FromQuery] string? pageSize, IQuerySession session, HttpContext http, CancellationToken ct) =>
            {
                var v = new InputValidator(default);
                var paging = Paging.Parse(v, page, pageSize);
                if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
                if (await Eigen(session, organisatieId, abonnementId, ct) is null) return Problems.Result(Problems.AbonnementNotFound(abonnementId));
                var query = session.Query<Aflevering>().Where(x => x.AbonnementId == abonnementId);
                var total = await query.CountAsync(ct);
                var rows = await query.OrderByDescending(x => x.AangemaaktOp).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
                return TypedResults.Ok(paging.Answer(http, total, rows.Select(AfleveringAntwoord.Van).ToList()));
            })
            .WithName("afleveringen-opvragen")
            .WithSummary("Het afleverlog van een abonnement, nieuwste eerst")
            .WithDescription("Per aflevering elke poging: tijdstip, HTTP-status van de ontvanger (of waarom die niet bereikt werd), " +
                "duur in milliseconden; en de volgende poging.")
            .Produces<Pagina<AfleveringAntwoord>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        groep.MapPost("/{abonnementId:guid}/afleveringen/{afleveringId:guid}/herbezorging", async (string organisatieId, Guid abonnementId,
                Guid afleveringId, IDocumentSession session, IMartenOutbox outbox, CancellationToken ct) =>
            {
                if (await Eigen(session, organisatieId, abonnementId, ct) is null) return Problems.Result(Problems.AbonnementNotFound(abonnementId));
                if (await session.LoadAsync<Aflevering>(afleveringId, ct) is not { } aflevering || aflevering.AbonnementId != abonnementId)
                    return Problems.Result(Problems.AfleveringNotFound(afleveringId));
                aflevering.Status = AfleveringStatus.Onderweg;
                aflevering.AfgeleverdOp = null;
                session.Store(aflevering);
                outbox.Enroll(session);
                await outbox.PublishAsync(new AfleveringVersturen(aflevering.Id, Herbezorging: true));
                return TypedResults.Accepted((string?)null, AfleveringAntwoord.Van(aflevering));
            })
            .WithName("aflevering-opnieuw-bezorgen")
            .WithSummary("Eén aflevering opnieuw bezorgen, met hetzelfde webhook-id")
            .WithDescription("Verstuurt de aflevering nog één keer, ook als ze al was afgeleverd of opgegeven, of het abonnement gepauzeerd " +
                "is. Het bericht en het webhook-id zijn dezelfde, zodat de ontvanger het kan herkennen. 202: de poging staat in de wachtrij.")
            .Produces<AfleveringAntwoord>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Abonnement?> Eigen(IQuerySession session, string organisatieId, Guid abonnementId, CancellationToken ct) =>
        await session.LoadAsync<Abonnement>(abonnementId, ct) is { } a && a.OrganisatieId == organisatieId ? a : null;
}
