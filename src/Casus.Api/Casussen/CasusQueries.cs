using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Marten;
using Marten.Linq;

namespace Casus.Api.Casussen;

/// <summary>One row of the casus list: enough to find a casus, no personal data of subjects.</summary>
public sealed record CasusSamenvatting(
    Guid Id, long Versie, Stap Stap, RiecRegio Regio, DateOnly SignaalDatum, Organisatie Indiener, IReadOnlyList<Thema> Themas);

/// <summary>A page of results (ZGW shape): total count, links to the neighbouring pages, the rows.</summary>
public sealed record Pagina<T>(long Count, string? Next, string? Previous, IReadOnlyList<T> Results);

/// <summary>An event of a casus as the history shows it.</summary>
public sealed record Gebeurtenis(long Versie, string Type, DateTimeOffset Tijdstip, object Gegevens);

/// <summary>The read side of the casus endpoints.</summary>
public sealed class CasusQueries(IQuerySession session)
{
    public const int MaxPageSize = 100;

    public async Task<IResult> Get(Guid casusId, string? ifNoneMatch, HttpContext http, CancellationToken ct)
    {
        var casus = await session.LoadAsync<IntegraleCasus>(casusId, ct);
        if (casus is null) return Problems.Result(Problems.CasusNotFound(casusId));
        http.Response.Headers.ETag = ETags.For(casus.Versie);
        if (ifNoneMatch is not null && ETags.Matches(ifNoneMatch, casus.Versie)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(casus);
    }

    public async Task<IResult> List(string? stap, string? regio, string? page, string? pageSize, HttpContext http, CancellationToken ct)
    {
        var v = new InputValidator(default);
        var stapFilter = ParseEnum<Stap>(v, stap, "stap");
        var regioFilter = ParseEnum<RiecRegio>(v, regio, "regio");
        var pagina = ParseInt(v, page, "page", 1, 1, int.MaxValue);
        var grootte = ParseInt(v, pageSize, "pageSize", 20, 1, MaxPageSize);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));

        IQueryable<IntegraleCasus> query = session.Query<IntegraleCasus>().Stats(out QueryStatistics stats);
        if (stapFilter is { } s) query = query.Where(c => c.Stap == s);
        if (regioFilter is { } r) query = query.Where(c => c.Regio == r);
        var rows = await query
            .OrderByDescending(c => c.SignaalDatum).ThenBy(c => c.Id)
            .Skip((pagina - 1) * grootte).Take(grootte)
            .Select(c => new CasusSamenvatting(c.Id, c.Versie, c.Stap, c.Regio, c.SignaalDatum, c.Indiener, c.Themas))
            .ToListAsync(ct);

        string Link(int p) => CommandRoutes.Base + QueryWith(http, p);
        var next = (long)pagina * grootte < stats.TotalResults ? Link(pagina + 1) : null;
        var previous = pagina > 1 ? Link(pagina - 1) : null;
        var links = new[] { (next, "next"), (previous, "prev") }.Where(l => l.Item1 is not null).Select(l => $"<{l.Item1}>; rel=\"{l.Item2}\"");
        if (links.Any()) http.Response.Headers.Link = string.Join(", ", links);
        return TypedResults.Ok(new Pagina<CasusSamenvatting>(stats.TotalResults, next, previous, rows));
    }

    public async Task<IResult> History(Guid casusId, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(casusId, token: ct);
        if (events.Count == 0) return Problems.Result(Problems.CasusNotFound(casusId));
        return TypedResults.Ok(events.Select(e => new Gebeurtenis(e.Version, e.EventType.Name, e.Timestamp, e.Data)).ToList());
    }

    private static string QueryWith(HttpContext http, int page)
    {
        var query = http.Request.Query.Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(value => (Key: q.Key, Value: value ?? "")))
            .Append((Key: "page", Value: page.ToString()));
        return "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
    }

    private static T? ParseEnum<T>(InputValidator v, string? value, string name) where T : struct, Enum
    {
        if (value is null) return null;
        var match = Enum.GetValues<T>().Where(e => Names.Of(e) == value).Cast<T?>().FirstOrDefault();
        if (match is null) v.Add(name, "invalid", $"Onbekende waarde; kies uit: {string.Join(", ", Names.All<T>())}.");
        return match;
    }

    private static int ParseInt(InputValidator v, string? value, string name, int standard, int min, int max)
    {
        if (value is null) return standard;
        if (int.TryParse(value, out var n) && n >= min && n <= max) return n;
        v.Add(name, "invalid", $"Een geheel getal van {min} tot en met {max}.");
        return standard;
    }
}
