namespace Casus.Api.Http;

/// <summary>The largest request body the API reads (<c>Casus:Http:MaxBodyBytes</c>, default 1 MiB): a larger one is
/// 413 <c>body-te-groot</c>, announced by Content-Length or found while reading a chunked body.</summary>
public static class BodyLimiet
{
    public const string Setting = "Casus:Http:MaxBodyBytes";
    private const long Standaard = 1024 * 1024;

    /// <summary>The maximum for this request: the import endpoint takes whole files (<see cref="Import.ImportEndpoints.MaxBodySetting"/>).</summary>
    public static long Maximum(HttpContext http) =>
        http.Request.Path.StartsWithSegments(Import.ImportEndpoints.Pad, StringComparison.Ordinal)
            ? http.RequestServices.GetRequiredService<IConfiguration>().GetValue(Import.ImportEndpoints.MaxBodySetting, Import.ImportEndpoints.StandaardMaxBody)
            : http.RequestServices.GetRequiredService<IConfiguration>().GetValue(Setting, Standaard);

    public static IApplicationBuilder UseBodyLimiet(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var maximum = Maximum(http);
        if (http.Request.ContentLength > maximum)
        {
            await Problems.Write(http, Problems.TooLarge(maximum));
            return;
        }
        if (http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = maximum;
        await next(http);
    });
}
