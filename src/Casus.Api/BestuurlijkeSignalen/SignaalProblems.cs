using Casus.Api.Http;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Casussen;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>The problem+json answers particular to bestuurlijke signalen (the shared ones come from <see cref="Problems"/>).</summary>
public static class SignaalProblems
{
    public static ProblemDetails NietGevonden(Guid signaalId) =>
        Create(StatusCodes.Status404NotFound, "bestuurlijk-signaal.niet-gevonden", "Bestuurlijk signaal niet gevonden",
            $"Er is geen bestuurlijk signaal {signaalId}.");

    public static ProblemDetails VersieVerouderd(long huidigeVersie) =>
        Create(StatusCodes.Status412PreconditionFailed, "bestuurlijk-signaal.versie-verouderd", "Verouderde versie",
            $"If-Match past niet bij de huidige versie {ETags.For(huidigeVersie)}: het signaal is intussen gewijzigd.", ("huidigeVersie", huidigeVersie));

    public static ProblemDetails GelijktijdigeWijziging() =>
        Create(StatusCodes.Status409Conflict, "bestuurlijk-signaal.gelijktijdige-wijziging", "Gelijktijdige wijziging",
            "Een ander verzoek wijzigde het signaal tegelijk; er is niets vastgelegd. Haal het signaal opnieuw op en probeer het nog eens.");

    public static ProblemDetails Regel(Regelschending schending, Guid signaalId) => schending switch
    {
        SignaalStapNietToegestaan s when s.Huidig is { } huidig => Create(StatusCodes.Status409Conflict, s.Code, "Niet toegestaan in deze stap",
            $"{Names.Of(s.Commando)} is niet toegestaan in stap {Names.Of(huidig)}. " +
            $"Toegestaan: {(s.Toegestaan.Count == 0 ? "niets" : string.Join(", ", s.Toegestaan.Select(Names.Of)))}.",
            ("huidigeStap", Names.Of(huidig)),
            ("toegestaneCommandos", s.Toegestaan.Select(c => SignaalRoutes.Describe(c, signaalId)).ToList())),
        SignaalBevroren b => Create(StatusCodes.Status409Conflict, b.Code, "Definitief ingediend", b.Melding,
            ("huidigeStap", Names.Of(b.Huidig)), ("inhoudHash", b.InhoudHash)),
        // Subject or object information in the text: an invalid request, every field named (never the value).
        SubjectgegevensGevonden g => Create(StatusCodes.Status400BadRequest, g.Code, "Subject- of objectgegevens in het signaal", g.Melding,
            ("invalidParams", g.Vondsten.Select(v => new InvalidParam(v.Veld, v.Soort, v.Reden)).ToList())),
        _ => Create(StatusCodes.Status409Conflict, schending.Code, "Regel geschonden", schending.Melding),
    };

    private static ProblemDetails Create(int status, string code, string title, string detail, params (string Key, object Value)[] extensions)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        problem.Extensions["code"] = code;
        foreach (var (key, value) in extensions) problem.Extensions[key] = value;
        return problem;
    }
}
