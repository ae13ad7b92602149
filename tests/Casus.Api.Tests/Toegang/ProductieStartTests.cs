using System.Net;
using Casus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Casus.Api.Tests.Toegang;

/// <summary>In Production the API refuses to start unless it knows which issuer's tokens for which audience it accepts:
/// otherwise it would accept tokens made with the development issuer and audience.</summary>
public sealed class ProductieStartTests
{
    [Theory]
    [InlineData(null, "casus-api")]
    [InlineData("https://idp.example.nl", null)]
    [InlineData(null, null)]
    public async Task Production_without_issuer_or_audience_refuses_to_start(string? issuer, string? audience)
    {
        await using var api = new ProductieApi(await PostgresServer.CreateDatabaseAsync(), issuer, audience);

        var e = Assert.ThrowsAny<Exception>(() => api.CreateClient());
        Assert.Contains("Casus:Tokens:Issuer and Casus:Tokens:Audience", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_issuer_and_audience_starts()
    {
        await using var api = new ProductieApi(await PostgresServer.CreateDatabaseAsync(), "https://idp.example.nl", "casus-api");

        var response = await api.CreateClient().GetAsync(new Uri("/api/v1/casussen", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private sealed class ProductieApi(string connectionString, string? issuer, string? audience) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            builder.UseSetting("ConnectionStrings:Casus", connectionString);
            builder.UseSetting("Casus:Tokens:SigningKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Casus:Pseudonimisering:Sleutel", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            builder.UseSetting("Casus:Persoonsgegevens:Sleutel", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            if (issuer is not null) builder.UseSetting("Casus:Tokens:Issuer", issuer);
            if (audience is not null) builder.UseSetting("Casus:Tokens:Audience", audience);
        }
    }
}
