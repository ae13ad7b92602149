namespace Casus.Api.Http;

/// <summary>A page of results (ZGW shape): total count, links to the neighbouring pages, the rows.</summary>
public sealed record Pagina<T>(long Count, string? Next, string? Previous, IReadOnlyList<T> Results);

/// <summary>Page/pageSize query parameters (NL GOV pagination module) and the links between pages.</summary>
public sealed record Paging(int Page, int PageSize)
{
    public const int MaxPageSize = 100;
    public int Skip => (Page - 1) * PageSize;

    public static Paging Parse(InputValidator v, string? page, string? pageSize) =>
        new(v.Integer(page, "page", 1, int.MaxValue, 1), v.Integer(pageSize, "pageSize", 1, MaxPageSize, 20));

    /// <summary>The page as a response: body links and a <c>Link</c> header to the next and previous pages.</summary>
    public Pagina<T> Answer<T>(HttpContext http, long total, IReadOnlyList<T> rows)
    {
        var next = (long)Page * PageSize < total ? Link(http, Page + 1) : null;
        var previous = Page > 1 ? Link(http, Page - 1) : null;
        var links = new[] { (next, "next"), (previous, "prev") }.Where(l => l.Item1 is not null).Select(l => $"<{l.Item1}>; rel=\"{l.Item2}\"").ToList();
        if (links.Count > 0) http.Response.Headers.Link = string.Join(", ", links);
        return new Pagina<T>(total, next, previous, rows);
    }

    private static string Link(HttpContext http, int page)
    {
        var query = http.Request.Query.Where(q => q.Key != "page")
            .SelectMany(q => q.Value.Select(value => (Key: q.Key, Value: value ?? "")))
            .Append((Key: "page", Value: page.ToString()));
        return http.Request.Path + "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
    }
}
