using Casus.Api.Beveiliging;
using Casus.Api.Casussen;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Domain.Verwerkingen;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.Verantwoording;

/// <summary>Asks for the processing log of one data subject (AVG art. 15): the identifying fields, never in the URL.</summary>
public sealed record VerwerkingenZoekRequest([property: System.ComponentModel.DataAnnotations.Required] SubjectRequest? Subject)
{
    public static VerwerkingenZoekRequest Example { get; } = new(SubjectRequest.Example);
}

/// <summary>For auditors: the audit log (who did what) and the processing log per data subject (what happened to whom).
/// These reads are themselves recorded in the audit log.</summary>
public static class VerantwoordingEndpoints
{
    public static void MapVerantwoordingEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/verwerkingsactiviteiten", (Domain.Privacy.Bewaarbeleid beleid) => TypedResults.Ok(Verwerkingsregister.Met(beleid)))
            .RequireAuthorization()
            .WithTags("Verantwoording")
            .WithName("verwerkingsactiviteiten-opvragen")
            .WithSummary("Het register van verwerkingsactiviteiten")
            .WithDescription("Eén activiteit per stap, met doel, grondslag en bewaartermijn (zoals ingesteld; docs/privacy.md), en een " +
                "versie; daarna de activiteiten van het systeem zelf (termijnbewaking, vernietiging, rechten van betrokkenen). Elk record in het " +
                "verwerkingenlogboek en elke gebeurtenis verwijst naar een activiteit (id en versie).")
            .Produces<IReadOnlyList<Verwerkingsactiviteit>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        var auditor = app.MapGroup("/api/v1").WithTags("Verantwoording").RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        auditor.MapGet("/casussen/{casusId:guid}/auditrecords", (Guid casusId, [FromQuery] string? page, [FromQuery] string? pageSize,
                Historie.HistorieQueries queries, Historie.CasusHistoriebron bron, AuditLog audit, HttpContext http, CancellationToken ct) =>
                queries.Logboek(bron, casusId, page, pageSize, http, ct,
                    paging => audit.ZoekAsync(casusId, null, null, null, null, null, paging.Skip, paging.PageSize, ct)))
            .WithName("auditrecords-van-casus")
            .WithSummary("Het auditlog van één casus (auditors van de regio)")
            .WithDescription("Elk verzoek dat de casus raakte, ook het lezen en elke weigering: tijdstip, gebruiker, organisatie, " +
                "rollen, actie, resultaat (HTTP-status), reden van een weigering, herkomst en trace-id. Oudste eerst.")
            .Produces<Pagina<AuditRecord>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        auditor.MapGet("/casussen/{casusId:guid}/verwerkingen", (Guid casusId, [FromQuery] string? page, [FromQuery] string? pageSize,
                Historie.HistorieQueries queries, Historie.CasusHistoriebron bron, Verwerkingslog verwerkingen, HttpContext http,
                CancellationToken ct) => queries.Logboek(bron, casusId, page, pageSize, http, ct,
                    paging => verwerkingen.ZoekAsync(null, casusId, null, paging.Skip, paging.PageSize, ct)))
            .WithName("verwerkingen-van-casus")
            .WithSummary("Het verwerkingenlogboek van één casus (auditors van de regio)")
            .WithDescription("Elke verwerking van elk subject van de casus: tijdstip, verwerkingsactiviteit, status, trace-id en de " +
                "betrokken organisaties (via het auditlog). Subjecten staan er alleen als pseudoniem in; dit antwoord noemt ze niet.")
            .Produces<Pagina<Verwerking>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        auditor.MapGet("/auditrecords", async ([FromQuery] string? organisatie, [FromQuery] string? gebruiker, [FromQuery] string? van,
                [FromQuery] string? tot, [FromQuery] string? page, [FromQuery] string? pageSize, AuditLog audit, HttpContext http, CancellationToken ct) =>
            {
                var actor = http.Actor();
                if (!Toegangsregels.IsAuditor(actor)) return Problems.Result(Problems.Forbidden(AlleenAuditors));
                var v = new InputValidator(default);
                var vanaf = Tijdstip(v, van, "van");
                var totaan = Tijdstip(v, tot, "tot");
                if (vanaf is not null && totaan is not null && totaan <= vanaf) v.Add("tot", "invalid", "tot ligt na van.");
                var paging = Paging.Parse(v, page, pageSize);
                if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
                var (total, rows) = await audit.ZoekAsync(null, organisatie, gebruiker, vanaf, totaan, Regios(actor), paging.Skip, paging.PageSize, ct);
                return TypedResults.Ok(paging.Answer(http, total, rows));
            })
            .WithName("auditrecords-zoeken")
            .WithSummary("Het auditlog van een organisatie of gebruiker over een periode (auditors)")
            .WithDescription("Filters: `organisatie` (id), `gebruiker` (id), `van` en `tot` (ISO 8601 tijdstippen, `tot` exclusief). " +
                "Een auditor van een regio ziet de records van casussen in die regio; een landelijke auditor alles.")
            .Produces<Pagina<AuditRecord>>();

        auditor.MapPost("/verwerkingen/_zoek", async (VerwerkingenZoekRequest body, [FromQuery] string? page, [FromQuery] string? pageSize,
                Pseudonimisering pseudoniemen, Verwerkingslog verwerkingen, DutchCalendar calendar, HttpContext http, CancellationToken ct) =>
            {
                var actor = http.Actor();
                if (!Toegangsregels.MagVerwerkingenZoeken(actor))
                    return Problems.Result(Problems.Forbidden(Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt,
                        "Het verwerkingenlogboek van een betrokkene is voor auditors en privacyfunctionarissen.")));
                var v = new InputValidator(calendar.Today);
                var subject = v.Required(body.Subject, "subject", (s, _) => s.ToSubject(v));
                var paging = Paging.Parse(v, page, pageSize);
                if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
                var (total, rows) = await verwerkingen.ZoekAsync(pseudoniemen.Van(subject), null,
                    Regios(actor, Domain.BestuurlijkeSignalen.SignaalVerwerking.Regio), paging.Skip, paging.PageSize, ct);
                return TypedResults.Ok(paging.Answer(http, total, rows));
            })
            .WithName("verwerkingen-zoeken")
            .WithSummary("Welke verwerkingen raakten deze persoon of dit object? (AVG art. 15, auditors en privacyfunctionarissen)")
            .WithDescription("Geef de identificerende gegevens van het subject (zoals bij het toevoegen van een subject); de API " +
                "berekent het pseudoniem en geeft elke verwerking: tijdstip, verwerkingsactiviteit, casus, status, trace-id en de " +
                "organisaties die erbij betrokken waren (via het auditlog). Zijn de gegevens in een casus vernietigd (bewaartermijn " +
                "verstreken, gewist op verzoek), dan staat dat er als verwerking met status `vernietigd` of `gewist`, en noemt elk record " +
                "van die casus `gegevensVernietigdOp`. De gegevens staan in de body, niet in de URL.")
            .WithMetadata(new RequestExample(VerwerkingenZoekRequest.Example))
            .Produces<Pagina<Verwerking>>();
    }

    private static readonly Toegangsbesluit AlleenAuditors =
        Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt, "Het auditlog en het verwerkingenlogboek zijn alleen voor auditors.");

    /// <summary>The regions whose records an auditor sees, and <paramref name="ook"/> (the national records of bestuurlijke
    /// signalen, which every auditor sees); null for a national auditor (everything).</summary>
    private static string[]? Regios(Actor actor, params string[] ook) =>
        actor.Landelijk ? null : [.. actor.Regios.Select(r => Names.Of(r)), .. ook];

    private static DateTimeOffset? Tijdstip(InputValidator v, string? value, string name)
    {
        if (value is null) return null;
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t))
            return t.ToUniversalTime();
        v.Add(name, "invalid", "Een tijdstip volgens ISO 8601, bijvoorbeeld 2026-11-01T00:00:00Z.");
        return null;
    }
}
