namespace Casus.Api.Http;

/// <summary>The largest request body the API reads (<c>Casus:Http:MaxBodyBytes</c>, default 1 MiB): a larger one is
/// 413 <c>body-te-groot</c>, announced by Content-Length or found while reading a chunked body.</summary>
public static class BodyLimiet
{
    public const string Setting = "Casus:Http:MaxBodyBytes";
    private const long Standaard = 1024 * 1024;
    private static readonly object Sleutel = new();

    /// <summary>The maximum for this request, as the middleware chose it: the import endpoint takes whole files
    /// (<see cref="Import.ImportEndpoints.MaxBodySetting"/>).</summary>
    public static long Maximum(HttpContext http) => http.Items.TryGetValue(Sleutel, out var maximum) && maximum is long m ? m : Standaard;

    public static IApplicationBuilder UseBodyLimiet(this IApplicationBuilder app)
    {
        // Read once: IConfiguration takes a lock on every read, which the command profile showed as the largest source of
        // monitor contention (docs/benchmarks.md).
        var configuratie = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var algemeen = configuratie.GetValue(Setting, Standaard);
        var import = configuratie.GetValue(Import.ImportEndpoints.MaxBodySetting, Import.ImportEndpoints.StandaardMaxBody);
        return app.Use(async (http, next) =>
        {
            var maximum = http.Request.Path.StartsWithSegments(Import.ImportEndpoints.Pad, StringComparison.Ordinal) ? import : algemeen;
            http.Items[Sleutel] = maximum;
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
}
