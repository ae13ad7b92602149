namespace Casus.Api.Http;

/// <summary>A casus's ETag is its event stream version, e.g. <c>"7"</c>.</summary>
public static class ETags
{
    public static string For(long version) => $"\"{version}\"";

    /// <summary>Whether an If-Match header value matches the current version: <c>*</c>, <c>"7"</c> or (leniently, for
    /// people typing into Swagger UI) <c>7</c>; a list matches when any entry does. Weak tags never match (RFC 9110).</summary>
    public static bool Matches(string ifMatch, long currentVersion) =>
        ifMatch.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(tag => tag == "*" || tag.Trim('"') == currentVersion.ToString());
}
