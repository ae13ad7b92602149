namespace Casus.Api.Http;

/// <summary>Headers every response carries (NL GOV API Design Rules /core/version-header and
/// /core/transport/security-headers), and a 404 for paths with a trailing slash (/core/no-trailing-slash).</summary>
public static class ApiHeaders
{
    public const string Version = "1.0.0";

    public static IApplicationBuilder UseApiHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers["API-Version"] = Version;
            headers.XContentTypeOptions = "nosniff";
            if (!http.Request.Path.StartsWithSegments("/swagger"))
            {
                headers.CacheControl = "no-store";
                headers.XFrameOptions = "DENY";
                headers.ContentSecurityPolicy = "frame-ancestors 'none'";
            }
            return Task.CompletedTask;
        });
        var path = http.Request.Path.Value;
        if (path is { Length: > 1 } && path.EndsWith('/') && !http.Request.Path.StartsWithSegments("/swagger"))
        {
            await Problems.Write(http, Problems.TrailingSlash(path));
            return;
        }
        await next(http);
    });
}
