namespace Casus.Api.Http;

/// <summary>Headers every response carries (NL GOV API Design Rules /core/version-header and
/// /core/transport/security-headers; HSTS is sent on every answer, also behind a TLS-terminating proxy), and a 404 for paths with a trailing slash (/core/no-trailing-slash).</summary>
public static class ApiHeaders
{
    public const string Version = "1.0.0";

    /// <summary>Configuration key: send <c>Strict-Transport-Security</c> (default: on outside Development).</summary>
    public const string HstsSetting = "Casus:Hsts";

    public static IApplicationBuilder UseApiHeaders(this WebApplication app)
    {
        var hsts = app.Configuration.GetValue(HstsSetting, !app.Environment.IsDevelopment());
        return app.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers["API-Version"] = Version;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (hsts) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
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
}
