using Casus.Api.Casussen;
using Casus.Domain.Casussen;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.Http;

/// <summary>Every error answer of the API: RFC 9457 problem+json with a stable <c>code</c> (shared with the
/// domain's rule codes) and, for invalid input, <c>invalidParams</c> listing every invalid field.</summary>
public static class Problems
{
    public static ProblemDetails Validation(IEnumerable<InvalidParam> invalidParams) =>
        Create(StatusCodes.Status400BadRequest, "ongeldige-invoer", "Ongeldige invoer",
            "Een of meer velden zijn ongeldig; zie invalidParams.", ("invalidParams", invalidParams.ToList()));

    public static ProblemDetails CasusNotFound(Guid casusId) =>
        Create(StatusCodes.Status404NotFound, "casus.niet-gevonden", "Casus niet gevonden", $"Er is geen casus {casusId}.");

    public static ProblemDetails RegioNotFound(string regio) =>
        Create(StatusCodes.Status404NotFound, "regio.niet-gevonden", "Regio niet gevonden",
            $"Er is geen RIEC-regio '{regio}'; kies uit: {string.Join(", ", Names.All<Domain.Gedeeld.RiecRegio>())}.");

    public static ProblemDetails StaleVersion(long currentVersion) =>
        Create(StatusCodes.Status412PreconditionFailed, "casus.versie-verouderd", "Verouderde versie",
            $"If-Match past niet bij de huidige versie {ETags.For(currentVersion)}: de casus is intussen gewijzigd. " +
            "Haal de casus opnieuw op en beslis opnieuw.", ("huidigeVersie", currentVersion));

    /// <summary>A casus of the region already has the region's reference (one reference, one casus).</summary>
    public const string ReferentieBestaatCode = "casus.referentie-bestaat";

    public static ProblemDetails ReferentieBestaat(string regio, string referentie, Guid bestaand) =>
        Create(StatusCodes.Status409Conflict, ReferentieBestaatCode, "Referentie bestaat al",
            $"Regio {regio} heeft al een casus met referentie '{referentie}' ({bestaand}); er is niets vastgelegd.", ("casusId", bestaand));

    public static ProblemDetails OndermijningsbeeldNotFound(Guid beeldId) =>
        Create(StatusCodes.Status404NotFound, "ondermijningsbeeld.niet-gevonden", "Ondermijningsbeeld niet gevonden",
            $"Er is geen ondermijningsbeeld {beeldId} in deze regio.");

    public static ProblemDetails OndermijningsbeeldReferentieBestaat(string regio, string referentie, Guid bestaand) =>
        Create(StatusCodes.Status409Conflict, "ondermijningsbeeld.referentie-bestaat", "Referentie bestaat al",
            $"Regio {regio} heeft al een ondermijningsbeeld met referentie '{referentie}' ({bestaand}); er is niets vastgelegd.",
            ("ondermijningsbeeldId", bestaand));

    public static ProblemDetails ImportLooptAl(string detail) => Create(StatusCodes.Status409Conflict, Import.Importcodes.LooptAl, "Import loopt al", detail);

    public static ProblemDetails ConcurrentChange() =>
        Create(StatusCodes.Status409Conflict, "casus.gelijktijdige-wijziging", "Gelijktijdige wijziging",
            "Een ander verzoek wijzigde de casus tegelijk; er is niets vastgelegd. Haal de casus opnieuw op en probeer het nog eens.");

    public static ProblemDetails RuleBroken(Regelschending schending, Guid casusId) => schending switch
    {
        StapNietToegestaan s when s.Huidig is { } huidig => Create(StatusCodes.Status409Conflict, s.Code, "Niet toegestaan in deze stap",
            $"{Names.Of(s.Commando)} is niet toegestaan in stap {Names.Of(huidig)}. " +
            $"Toegestaan: {(s.Toegestaan.Count == 0 ? "niets (de casus is afgesloten)" : string.Join(", ", s.Toegestaan.Select(Names.Of)))}.",
            ("huidigeStap", Names.Of(huidig)),
            ("toegestaneCommandos", s.Toegestaan.Select(c => CommandRoutes.Describe(c, casusId)).ToList())),
        _ => Create(StatusCodes.Status409Conflict, schending.Code, "Regel geschonden", schending.Melding),
    };

    /// <param name="wat">"casus …" or "bestuurlijk signaal …".</param>
    /// <param name="peildatum">The moment asked for.</param>
    public static ProblemDetails NoStateYet(string wat, DateTimeOffset peildatum) =>
        Create(StatusCodes.Status404NotFound, "historie.geen-stand", "Geen stand op dit moment",
            $"{char.ToUpperInvariant(wat[0])}{wat[1..]} had op {peildatum:O} nog geen gebeurtenissen; kies een later moment of een versie.");

    /// <param name="wat">"casus …" or "bestuurlijk signaal …".</param>
    /// <param name="ketenPad">The path of its chain check.</param>
    public static ProblemDetails UnreadableHistory(string wat, string ketenPad) =>
        Create(StatusCodes.Status500InternalServerError, "historie.onleesbaar", "Historie onleesbaar",
            $"De opgeslagen gebeurtenissen van {wat} zijn niet meer te lezen als gebeurtenissen; ze zijn mogelijk " +
            $"na het vastleggen gewijzigd. De ketencontrole (GET {ketenPad}) wijst de eerste gewijzigde versie aan.");

    public static ProblemDetails KetencontroleNotFound(Guid controleId) =>
        Create(StatusCodes.Status404NotFound, "ketencontrole.niet-gevonden", "Ketencontrole niet gevonden", $"Er is geen ketencontrole {controleId} in deze regio.");

    public static ProblemDetails NotAuthenticated(string detail) =>
        Create(StatusCodes.Status401Unauthorized, "toegang.niet-aangemeld", "Niet aangemeld", detail);

    public static ProblemDetails Forbidden(Domain.Toegang.Toegangsbesluit besluit) =>
        Create(StatusCodes.Status403Forbidden, besluit.Code, "Niet toegestaan", besluit.Reden);

    public static ProblemDetails TrailingSlash(string path) =>
        Create(StatusCodes.Status404NotFound, "pad-met-slash", "Niet gevonden",
            $"Paden eindigen niet op '/'; probeer {path.TrimEnd('/')}.");

    public static ProblemDetails MalformedJson(IEnumerable<InvalidParam> invalidParams) =>
        Create(StatusCodes.Status400BadRequest, "ongeldige-json", "Ongeldige JSON",
            "De body is geen geldige JSON voor dit verzoek; zie invalidParams.", ("invalidParams", invalidParams.ToList()));

    public static ProblemDetails UnsupportedMediaType(string? contentType) =>
        Create(StatusCodes.Status415UnsupportedMediaType, "mediatype-niet-ondersteund", "Mediatype niet ondersteund",
            $"Stuur de body als JSON met Content-Type: application/json{(string.IsNullOrEmpty(contentType) ? " (er is geen Content-Type meegestuurd)" : $", niet {contentType}")}.");

    public static ProblemDetails NotAcceptable(IEnumerable<string> mediaTypes) =>
        Create(StatusCodes.Status406NotAcceptable, "mediatype-niet-beschikbaar", "Mediatype niet beschikbaar",
            $"Dit antwoord is er alleen als {string.Join(" of ", mediaTypes)}; pas de Accept-header aan.");

    public static ProblemDetails TooLarge(long maximum) =>
        Create(StatusCodes.Status413PayloadTooLarge, "body-te-groot", "Body te groot", $"De body is groter dan het maximum van {maximum} bytes.");

    public static ProblemDetails IdempotencyKeyReused(string sleutel) =>
        Create(StatusCodes.Status422UnprocessableEntity, "idempotentie.sleutel-hergebruikt", "Idempotency-Key hergebruikt",
            $"De Idempotency-Key '{sleutel}' is al gebruikt voor een ander verzoek (andere methode, pad of body); er is niets uitgevoerd. " +
            "Gebruik per nieuw verzoek een nieuwe sleutel, en dezelfde alleen om precies hetzelfde verzoek te herhalen.");

    public static ProblemDetails DatabaseUnavailable(int retryAfterSeconds) =>
        Create(StatusCodes.Status503ServiceUnavailable, "database.niet-beschikbaar", "Database niet beschikbaar",
            $"De database is tijdelijk niet bereikbaar; er is niets vastgelegd. Probeer het over {retryAfterSeconds} seconden opnieuw.");

    /// <summary>A problem for an answer the framework made without one of ours (unmatched route, wrong method, crash):
    /// the same shape, a stable code and Dutch text per status.</summary>
    public static void Complete(ProblemDetails problem, HttpContext http)
    {
        if (problem.Extensions.ContainsKey("code")) return;
        var (code, title, detail) = problem.Status switch
        {
            StatusCodes.Status404NotFound => ("niet-gevonden", "Niet gevonden", $"Er is geen resource op {http.Request.Path}."),
            StatusCodes.Status405MethodNotAllowed => ("methode-niet-toegestaan", "Methode niet toegestaan",
                $"{http.Request.Method} is niet toegestaan op {http.Request.Path}; de header Allow noemt wat wel kan."),
            StatusCodes.Status415UnsupportedMediaType => ("mediatype-niet-ondersteund", "Mediatype niet ondersteund",
                "Stuur de body als JSON met Content-Type: application/json."),
            StatusCodes.Status413PayloadTooLarge => ("body-te-groot", "Body te groot", "De body is te groot."),
            StatusCodes.Status406NotAcceptable => ("mediatype-niet-beschikbaar", "Mediatype niet beschikbaar", "Pas de Accept-header aan."),
            StatusCodes.Status400BadRequest => ("ongeldig-verzoek", "Ongeldig verzoek", "Het verzoek is niet te verwerken."),
            _ => ("interne-fout", "Interne fout", "Er ging iets mis in de API; er is niets vastgelegd. Meld het met de traceId als het blijft gebeuren."),
        };
        problem.Title = title;
        problem.Detail = detail;
        problem.Extensions["code"] = code;
    }

    public static IResult Result(ProblemDetails problem) => TypedResults.Problem(problem);

    public static ProblemDetails VernietigingslijstNotFound(Guid lijstId) =>
        Create(StatusCodes.Status404NotFound, "vernietigingslijst.niet-gevonden", "Vernietigingslijst niet gevonden", $"Er is geen vernietigingslijst {lijstId}.");

    public static ProblemDetails WisverzoekNotFound(Guid verzoekId) =>
        Create(StatusCodes.Status404NotFound, "wisverzoek.niet-gevonden", "Wisverzoek niet gevonden", $"Er is geen wisverzoek {verzoekId}.");

    /// <summary>An erasure request of which no casus could be erased: per casus why not (a running casus, the bewaarplicht with
    /// its last day). Nothing was changed; the refusal and its reasons are in the audit log.</summary>
    public static ProblemDetails WissenGeweigerd(IReadOnlyList<Domain.Privacy.Wisuitkomst> uitkomsten) =>
        Create(StatusCodes.Status409Conflict, Domain.Privacy.Privacyregels.WissenGeweigerd, "Wissen geweigerd",
            "De gegevens mogen (nog) niet worden gewist: " + string.Join(" ", uitkomsten.Select(u => $"Casus {u.CasusId}: {u.Reden}")),
            ("uitkomsten", uitkomsten));

    public static ProblemDetails AbonnementNotFound(Guid abonnementId) =>
        Create(StatusCodes.Status404NotFound, "abonnement.niet-gevonden", "Abonnement niet gevonden",
            $"De organisatie heeft geen abonnement {abonnementId}.");

    public static ProblemDetails AfleveringNotFound(Guid afleveringId) =>
        Create(StatusCodes.Status404NotFound, "aflevering.niet-gevonden", "Aflevering niet gevonden",
            $"Er is geen aflevering {afleveringId} van dit abonnement.");

    public static async Task Write(HttpContext http, ProblemDetails problem)
    {
        http.Response.StatusCode = problem.Status!.Value;
        var writer = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        if (await writer.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem })) return;
        // The Accept header admits no JSON (a 406 is exactly that case): an error is problem+json all the same.
        http.Request.Headers.Accept = "application/problem+json";
        await writer.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    private static ProblemDetails Create(int status, string code, string title, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }
}
