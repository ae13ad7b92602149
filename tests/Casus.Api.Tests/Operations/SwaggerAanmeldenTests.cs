using System.Diagnostics;
using System.Security.Cryptography;
using Casus.Api.Database;
using Casus.Api.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Casus.Api.Tests.Operations;

/// <summary>Outside Development, a user signs in from Swagger UI's Authorize button at a trusted OIDC provider
/// (authorization code + PKCE) and calls the API with the token obtained: in chromium, against npm oidc-provider.</summary>
public sealed class SwaggerAanmeldenTests(ITestOutputHelper output)
{
    [BrowserFact]
    public async Task In_production_a_user_signs_in_with_swagger_uis_authorize_button_and_calls_the_api()
    {
        var idpPoort = PostgresInstallation.FindFreePort();
        var uitgever = "Casus__Tokens__Uitgevers__0__";
        using var api = await ApiProcess.StartAsync("casus-swagger", await PostgresServer.CreateDatabaseAsync(), RandomNumberGenerator.GetBytes(32),
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Casus__Pseudonimisering__Sleutel"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                ["Casus__Persoonsgegevens__Sleutel"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
                [uitgever + "Authority"] = $"http://127.0.0.1:{idpPoort}",
                [uitgever + "Audience"] = "urn:casus:api",
                [uitgever + "VereistHttps"] = "false",
                [uitgever + "SwaggerClientId"] = "casus-swagger",
                [uitgever + "Scopes__0"] = "openid",
                [uitgever + "Scopes__1"] = "casus",
            });
        var origin = api.Address.ToString().TrimEnd('/');
        using var idp = Browsertest.Start("idp.mjs", idpPoort.ToString(System.Globalization.CultureInfo.InvariantCulture), origin);
        try
        {
            await WachtTotBereikbaar(new Uri($"http://127.0.0.1:{idpPoort}/.well-known/openid-configuration"));
            using var browser = Browsertest.Start("swagger-aanmelden.mjs", origin);
            var uitvoer = browser.StandardOutput.ReadToEndAsync();
            var fouten = browser.StandardError.ReadToEndAsync();
            await browser.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
            output.WriteLine(await uitvoer);
            Assert.True(browser.ExitCode == 0, $"{await uitvoer}{await fouten}{Environment.NewLine}API:{Environment.NewLine}{api.Output}");
        }
        finally
        {
            idp.Kill();
        }
    }

    private static async Task WachtTotBereikbaar(Uri adres)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var klok = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                (await http.GetAsync(adres)).EnsureSuccessStatusCode();
                return;
            }
            catch (Exception) when (klok.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(200);
            }
        }
    }
}
