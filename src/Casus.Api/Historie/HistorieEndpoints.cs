using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Historie;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.Historie;

/// <summary>For auditors: a casus as it was (peildatum or version), the changes between two versions, the full dossier,
/// and tamper evidence (the hash chain of one casus, and periodic checks of a whole region). Every request passes
/// <see cref="VerantwoordingFilter"/>, so each replay, export and check is itself in the audit log.</summary>
public static class HistorieEndpoints
{
    private const string Toegang = "Alleen voor auditors van de regio van de casus en landelijke auditors: anderen die de casus " +
        "mogen zien krijgen 403, alle anderen 404 (alsof de casus niet bestaat). Het verzoek komt zelf in het auditlog.";

    public static void MapHistorieEndpoints(this IEndpointRouteBuilder app)
    {
        var historie = app.MapGroup("/api/v1").WithTags("Historie").RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        historie.MapGet("/casussen/{casusId:guid}/historie", ([FromQuery] string? peildatum, [FromQuery] string? versie, Guid casusId,
                HistorieQueries queries, CasusHistoriebron bron, HttpContext http, CancellationToken ct) =>
                queries.Stand(bron, casusId, peildatum, versie, http, ct, (s, moment) => new HistorischeStand(casusId, s.Versie, s.Tijdstip, moment, s.Stand)))
            .WithName("historische-stand-opvragen")
            .WithSummary("De stand van een casus op een peildatum of bij een versie (auditors)")
            .WithDescription("Geef precies één van `peildatum` (ISO 8601-tijdstip; de stand na de laatste gebeurtenis op of vóór dat " +
                "moment) en `versie` (1 tot en met de huidige versie). De stand wordt opnieuw opgebouwd uit de gebeurtenissen. Het " +
                "antwoord noemt de versie en het tijdstip van de laatste toegepaste gebeurtenis. Een peildatum vóór de eerste " +
                "gebeurtenis: 404 `historie.geen-stand`. " + Toegang + " De subjecten in de stand komen in het verwerkingenlogboek.")
            .Produces<HistorischeStand>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        historie.MapGet("/casussen/{casusId:guid}/verschillen", ([FromQuery] string? van, [FromQuery] string? tot, Guid casusId,
                HistorieQueries queries, CasusHistoriebron bron, HttpContext http, CancellationToken ct) =>
                queries.Verschillen(bron, casusId, van, tot, WilTekst(http), http, ct,
                    (vanaf, totaan, wijzigingen, velden) => new CasusVerschillen(casusId, vanaf, totaan, wijzigingen, velden)))
            .WithName("verschillen-opvragen")
            .WithSummary("Wat veranderde er tussen twee versies van een casus (auditors)")
            .WithDescription("`van` (0 of meer, exclusief) en `tot` (inclusief, hoogstens de huidige versie) zijn verplicht. Per " +
                "gebeurtenis ertussen: versie, type, tijdstip, gebruiker, organisatie, de velden die de gebeurtenis vastlegde en een " +
                "leesbare regel; daarnaast de velden van de casus waarvan de waarde tussen beide versies verschilt. Met " +
                "`Accept: text/plain` alleen de leesbare regels. " + Toegang)
            // One entry for both media types: a second Produces for 200 would replace the JSON schema in the document.
            .Produces<CasusVerschillen>(StatusCodes.Status200OK, "application/json", "text/plain")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        historie.MapGet("/casussen/{casusId:guid}/dossier", (Guid casusId, HistorieQueries queries, CasusHistoriebron bron, HttpContext http,
                CancellationToken ct) => queries.Dossier(bron, casusId, "casus", http, ct, d => new Dossier(casusId, d.GegenereerdOp,
                d.GegenereerdDoor, d.Stand, Ketenverificatie.Van(casusId, d.Keten, d.GegenereerdOp), d.Gebeurtenissen, d.Auditrecords, d.Verwerkingen)))
            .WithName("dossier-exporteren")
            .WithSummary("Het volledige dossier van een casus als één JSON-document om te archiveren (auditors)")
            .WithDescription("De huidige stand, elke gebeurtenis met metadata (gebruiker, organisatie, trace- en span-id, " +
                "verwerkingsactiviteit, doel, grondslag, hash), elk auditrecord en elke verwerking van de casus, de uitkomst van de " +
                "ketencontrole, en wanneer en door wie het dossier is gemaakt. `Content-Disposition` stelt een bestandsnaam voor. " + Toegang)
            .Produces<Dossier>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status500InternalServerError);

        historie.MapGet("/casussen/{casusId:guid}/keten", (Guid casusId, HistorieQueries queries, CasusHistoriebron bron, HttpContext http,
                CancellationToken ct) => queries.Keten(bron, casusId, http, ct, (uitslag, nu) => Ketenverificatie.Van(casusId, uitslag, nu)))
            .WithName("keten-controleren")
            .WithSummary("De hashketen van een casus controleren (auditors)")
            .WithDescription("Berekent de hash van elke opgeslagen gebeurtenis opnieuw uit wat PostgreSQL nu bevat (zie " +
                "docs/history.md) en antwoordt `ok`, of `gebroken` met de eerste versie die niet klopt en de reden. Toont geen " +
                "persoonsgegevens. " + Toegang)
            .Produces<Ketenverificatie>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        historie.MapPost("/regios/{regio}/ketencontroles", (string regio, Ketencontroles controles, HttpContext http, CancellationToken ct) =>
                controles.Uitvoeren(regio, http, ct))
            .WithName("ketencontrole-uitvoeren")
            .WithSummary("De hashketens van alle casussen van een regio controleren en de uitkomst vastleggen (auditors)")
            .WithDescription("Voor auditors van de regio en landelijke auditors. Controleert elke casus van de regio en legt de " +
                "uitkomst vast als gebeurtenis `KetencontroleUitgevoerd` in een eigen stroom: wie, namens welke organisatie, wanneer, " +
                "hoeveel stromen en welke gebroken zijn (met de eerste gebroken versie). Antwoordt 201 met die uitkomst.")
            .Produces<KetencontroleUitgevoerd>(StatusCodes.Status201Created);

        historie.MapGet("/regios/{regio}/ketencontroles", (string regio, [FromQuery] string? page, [FromQuery] string? pageSize,
                Ketencontroles controles, HttpContext http, CancellationToken ct) => controles.Lijst(regio, page, pageSize, http, ct))
            .WithName("ketencontroles-opvragen")
            .WithSummary("De uitgevoerde ketencontroles van een regio, nieuwste eerst (auditors)")
            .WithDescription("Voor auditors van de regio en landelijke auditors. `page` begint bij 1; `pageSize` is 20 tenzij " +
                "opgegeven, hoogstens 100.")
            .Produces<Pagina<KetencontroleUitgevoerd>>();

        historie.MapGet("/regios/{regio}/ketencontroles/{controleId:guid}", (string regio, Guid controleId, Ketencontroles controles,
                HttpContext http, CancellationToken ct) => controles.Een(regio, controleId, http, ct))
            .WithName("ketencontrole-opvragen")
            .WithSummary("Eén uitgevoerde ketencontrole (auditors)")
            .WithDescription("Voor auditors van de regio en landelijke auditors.")
            .Produces<KetencontroleUitgevoerd>()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    public static bool WilTekst(HttpContext http) =>
        http.Request.GetTypedHeaders().Accept is { Count: > 0 } accept
        && accept.Any(a => a.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase))
        && !accept.Any(a => a.MediaType.Value?.Contains("json", StringComparison.OrdinalIgnoreCase) == true);
}
