using System.Globalization;
using Casus.Api.Beveiliging;
using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Projections.Overzichten;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Casus.Api.Overzichten;

/// <summary>The overviews: a partner's dashboard, a region's RIEC overview and the jaarcijfers. They hold no personal data
/// (numbers, dates, ids), are read from the async projections, and say up to which event sequence they are current.</summary>
public static class OverzichtEndpoints
{
    /// <summary>Configuration key: after how many days without activity a partner's open casus counts as quiet (default 30).</summary>
    public const string StilNaDagenKey = "Casus:Dashboard:StilNaDagen";

    public static void MapOverzichtEndpoints(this IEndpointRouteBuilder app)
    {
        var overzichten = app.MapGroup("/api/v1").WithTags("Overzichten").RequireAuthorization()
            .AddEndpointFilter<VerantwoordingFilter>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        overzichten.MapGet("/partners/{organisatieId}/dashboard", async (string organisatieId, [FromQuery] string? stilNaDagen,
                NpgsqlDataSource database, TimeProvider clock, IConfiguration configuration,
                Domain.Termijnen.Termijnbeleid termijnen, HttpContext http, CancellationToken ct) =>
            {
                var actor = http.Actor();
                var toegang = Toegangsregels.PartnerDashboardLezen(actor, organisatieId);
                if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
                var v = new InputValidator(default);
                var dagen = v.Integer(stilNaDagen, "stilNaDagen", 1, 3650, configuration.GetValue(StilNaDagenKey, 30));
                if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
                return TypedResults.Ok(await PartnerDashboardAntwoord.LeesAsync(organisatieId, actor, database, clock.GetUtcNow(), dagen,
                    termijnen, $"/api/v1/partners/{Uri.EscapeDataString(organisatieId)}", ct));
            })
            .WithName("partnerdashboard-opvragen")
            .WithSummary("Het dashboard van een partnerorganisatie: de tellingen")
            .WithDescription("Voor medewerkers van die organisatie (partner-medewerker) en auditors (een regionale auditor ziet alleen " +
                "de casussen van de eigen regio's). Tellingen, in één keer uit de database: de casussen waaraan de organisatie " +
                "deelneemt (als indiener of aangesloten partner) per stap; de informatieverzoeken aan haar die nog niet beantwoord " +
                "zijn (`openInformatieverzoeken`) en de geadviseerde interventies voor haar die nog niet geregistreerd zijn " +
                "(`openInterventieadviezen`); hoeveel daarvan binnenkort verlopen of verlopen zijn (`verlooptBinnenkort`, `verlopen`, " +
                "zie docs/termijnen.md); en de open casussen waarin zij langer dan `stilNaDagen` dagen (standaard 30) niets deed " +
                "(`stilleCasussen`). De lijsten zelf staan, per pagina, achter `links`. Alleen nummers en data, geen persoonsgegevens. " +
                "`actualiteit.actueelTot` is de gebeurtenis (volgnummer) tot waar het dashboard is bijgewerkt; " +
                "`actualiteit.laatsteGebeurtenis` de nieuwste in de eventstore.")
            .Produces<PartnerDashboardAntwoord>();

        MapPartnerLijst(overzichten, "informatieverzoeken", "partner-informatieverzoeken-opvragen",
            "De openstaande informatieverzoeken aan een partnerorganisatie, per pagina",
            "De informatieverzoeken aan de organisatie die nog niet beantwoord zijn, oudste eerst, met leeftijd in dagen, de laatste " +
            "dag van hun termijn (`antwoordVoor`) en de stand daarvan (`lopend`, `verloopt-binnenkort`, `verlopen`).",
            (organisatieId, actor, database, nu, termijnen, paging, _, http, ct) =>
                PartnerLijsten.VerzoekenAsync(organisatieId, actor, database, nu, termijnen, paging, http, ct));
        MapPartnerLijst(overzichten, "interventieadviezen", "partner-interventieadviezen-opvragen",
            "De geadviseerde interventies voor een partnerorganisatie die nog niet geregistreerd zijn, per pagina",
            "Oudste advies eerst, met instrument, leeftijd in dagen, de laatste dag om de interventie te registreren " +
            "(`registrerenVoor`: de adviesdatum plus de termijn) en de stand daarvan (`lopend`, `verloopt-binnenkort`, `verlopen`).",
            (organisatieId, actor, database, nu, termijnen, paging, _, http, ct) =>
                PartnerLijsten.AdviezenAsync(organisatieId, actor, database, nu, termijnen, paging, http, ct));
        MapPartnerLijst(overzichten, "stille-casussen", "partner-stille-casussen-opvragen",
            "De open casussen waarin een partnerorganisatie lang niets deed, per pagina",
            "De open casussen waarin de organisatie langer dan `stilNaDagen` dagen (standaard 30) niets deed (niet handelde, niet " +
            "werd bevraagd en geen advies kreeg), het langst stille eerst, met stap, laatste activiteit en het aantal dagen stil.",
            (organisatieId, actor, database, nu, _, paging, dagen, http, ct) =>
                PartnerLijsten.StilAsync(organisatieId, actor, database, nu, dagen, paging, http, ct));

        overzichten.MapGet("/regios/{regio}/overzicht", async (string regio, [FromQuery] string? van, [FromQuery] string? tot,
                NpgsqlDataSource database, TimeProvider clock, DutchCalendar calendar, HttpContext http, CancellationToken ct) =>
            {
                if (Names.Parse<RiecRegio>(regio) is not { } riec) return Problems.Result(Problems.RegioNotFound(regio));
                var toegang = Toegangsregels.RegioOverzichtLezen(http.Actor(), riec);
                if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
                var vandaag = calendar.Today;
                var v = new InputValidator(vandaag);
                var totMaand = Maand(v, tot, "tot") ?? new DateOnly(vandaag.Year, vandaag.Month, 1);
                var vanMaand = Maand(v, van, "van") ?? totMaand.AddMonths(-11);
                if (v.IsValid && (vanMaand > totMaand || vanMaand < totMaand.AddMonths(-119)))
                    v.Add("van", "invalid", "van ligt niet na tot, en hoogstens 120 maanden ervoor.");
                if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
                var actualiteit = await Actualiteit.LeesAsync(database, ct);
                return TypedResults.Ok(await RiecOverzicht.BerekenAsync(database, actualiteit, riec, clock.GetUtcNow(), vandaag, vanMaand, totMaand, ct));
            })
            .WithName("riec-overzicht-opvragen")
            .WithSummary("Het overzicht van een RIEC-regio: casussen per stap en per maand")
            .WithDescription("Voor riec-coordinatoren, -analisten en auditors van de regio. Per stap het aantal casussen met de mediaan " +
                "en de oudste leeftijd in dagen, sinds het signaal en sinds de casus in die stap kwam (afgesloten casussen alleen geteld). " +
                "Per maand (`van` tot en met `tot`, als jjjj-mm; standaard de laatste twaalf maanden) de casussen waarvan het signaal " +
                "binnenkwam en die werden afgesloten. Per stap ook `verlopenTermijnen`: de termijnen die verstreken zonder dat het " +
                "verwachte feit plaatsvond en nog openstaan (docs/termijnen.md). Definities: docs/figures.md.")
            .Produces<RiecOverzicht>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        overzichten.MapGet("/jaarcijfers/{jaar:int}", async (int jaar, NpgsqlDataSource database,
                DutchCalendar calendar, HttpContext http, CancellationToken ct) =>
            {
                var toegang = Toegangsregels.JaarcijfersLezen(http.Actor());
                if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
                if (jaar < 2000 || jaar > calendar.Today.Year)
                    return Problems.Result(Problems.Validation([new InvalidParam("jaar", "invalid", $"Een jaar van 2000 tot en met {calendar.Today.Year}.")]));
                var actualiteit = await Actualiteit.LeesAsync(database, ct);
                var cijfers = await Jaarcijfers.BerekenAsync(database, actualiteit, jaar, ct);
                if (!http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/csv", StringComparison.OrdinalIgnoreCase)))
                    return TypedResults.Ok(cijfers);
                http.Response.Headers["Actualiteit-Actueel-Tot"] = actualiteit.ActueelTot.ToString(CultureInfo.InvariantCulture);
                http.Response.Headers["Actualiteit-Laatste-Gebeurtenis"] = actualiteit.LaatsteGebeurtenis.ToString(CultureInfo.InvariantCulture);
                return Results.Text(cijfers.AlsCsv(r => Names.Of(r)), "text/csv; charset=utf-8");
            })
            .WithName("jaarcijfers-opvragen")
            .WithSummary("De jaarcijfers (jaarverslag Tabel 1 en 2) per regio en landelijk")
            .WithDescription("Voor de LIEC en riec-coordinatoren. Tabel 1: behandelde casussen (rij 2), naar bron (2a-2f), thema's (3a-3f), " +
                "interventieadviezen naar instrument (4, 4a-4d, Bibob apart); Tabel 2: opgelegd, geïnd of verrekend en beslag, in euro's. " +
                "Elke regio telt op dezelfde manier, uit dezelfde gebeurtenissen; definities in docs/figures.md. JSON, of CSV met " +
                "`Accept: text/csv` (dan staat de actualiteit in de headers `Actualiteit-Actueel-Tot` en `Actualiteit-Laatste-Gebeurtenis`).")
            // One entry for both media types: a second Produces for 200 would replace the JSON schema in the document.
            .Produces<Jaarcijfers>(StatusCodes.Status200OK, "application/json", "text/csv");
    }

    /// <summary>One of the paged lists behind a partner dashboard: the same access as the dashboard, <c>page</c> and
    /// <c>pageSize</c> as every list, <c>Link</c> headers to the neighbouring pages.</summary>
    private static void MapPartnerLijst<T>(RouteGroupBuilder overzichten, string segment, string naam, string samenvatting, string beschrijving,
        Func<string, Domain.Toegang.Actor, NpgsqlDataSource, DateTimeOffset, Domain.Termijnen.Termijnbeleid, Paging, int, HttpContext, CancellationToken, Task<Pagina<T>>> lees)
    {
        overzichten.MapGet($"/partners/{{organisatieId}}/{segment}", async (string organisatieId, [FromQuery] string? page,
                [FromQuery] string? pageSize, [FromQuery] string? stilNaDagen, NpgsqlDataSource database, TimeProvider clock,
                IConfiguration configuration, Domain.Termijnen.Termijnbeleid termijnen, HttpContext http, CancellationToken ct) =>
            {
                var actor = http.Actor();
                var toegang = Toegangsregels.PartnerDashboardLezen(actor, organisatieId);
                if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
                var v = new InputValidator(default);
                var paging = Paging.Parse(v, page, pageSize);
                var dagen = v.Integer(stilNaDagen, "stilNaDagen", 1, 3650, configuration.GetValue(StilNaDagenKey, 30));
                if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
                return TypedResults.Ok(await lees(organisatieId, actor, database, clock.GetUtcNow(), termijnen, paging, dagen, http, ct));
            })
            .WithName(naam)
            .WithSummary(samenvatting)
            .WithDescription($"Voor wie het dashboard van de organisatie mag zien (een regionale auditor alleen de casussen van de eigen " +
                $"regio's). {beschrijving} `page` begint bij 1; `pageSize` is 20 tenzij opgegeven, hoogstens {Paging.MaxPageSize}; " +
                "`count` is het totaal. Links naar de volgende en vorige pagina staan in de body en in de `Link`-header. " +
                "Alleen nummers en data, geen persoonsgegevens.")
            .Produces<Pagina<T>>();
    }

    private static DateOnly? Maand(InputValidator v, string? value, string name)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var maand)) return maand;
        v.Add(name, "invalid", "Een maand als jjjj-mm, bijvoorbeeld 2026-01.");
        return null;
    }
}
