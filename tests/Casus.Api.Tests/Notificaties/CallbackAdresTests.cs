using System.Net;
using Casus.Api.Notificaties;

namespace Casus.Api.Tests.Notificaties;

/// <summary>Outside Development a callback may not point inward: refused when registered, and again when the delivery
/// connects (after DNS resolution), unless a network is explicitly allowed.</summary>
public sealed class CallbackAdresTests
{
    private static readonly WebhookInstellingen Productie = new();

    [Theory]
    [InlineData("http://partner.example/hook", "Alleen https")]
    [InlineData("https://127.0.0.1/hook", "intern")]
    [InlineData("https://10.1.2.3/hook", "intern")]
    [InlineData("https://172.20.0.1/hook", "intern")]
    [InlineData("https://192.168.1.1/hook", "intern")]
    [InlineData("https://169.254.169.254/latest/meta-data", "intern")]
    [InlineData("https://[::1]/hook", "intern")]
    [InlineData("https://[fd00::1]/hook", "intern")]
    [InlineData("https://[fe80::1]/hook", "intern")]
    [InlineData("https://[::ffff:127.0.0.1]/hook", "intern")]
    [InlineData("https://localhost/hook", "localhost")]
    [InlineData("https://user:pw@partner.example/hook", "gebruikersnaam")]
    [InlineData("ftp://partner.example/hook", "Geen geldige")]
    [InlineData("/relative", "Geen geldige")]
    public void Inward_plain_or_odd_urls_are_refused_outside_development(string url, string reden) =>
        Assert.Contains(reden, CallbackAdres.Ongeldig(url, Productie));

    [Theory]
    [InlineData("https://partner.example/hook")]
    [InlineData("https://203.0.113.10:8443/casus")]
    public void Public_https_urls_are_accepted(string url) => Assert.Null(CallbackAdres.Ongeldig(url, Productie));

    [Fact]
    public void An_explicitly_allowed_network_is_accepted_and_development_allows_local_addresses()
    {
        Assert.Null(CallbackAdres.Ongeldig("https://10.20.1.5/hook", new WebhookInstellingen { ToegestaneNetwerken = ["10.20.0.0/16"] }));
        Assert.NotNull(CallbackAdres.Ongeldig("https://10.21.1.5/hook", new WebhookInstellingen { ToegestaneNetwerken = ["10.20.0.0/16"] }));
        Assert.Null(CallbackAdres.Ongeldig("http://127.0.0.1:5000/hook", new WebhookInstellingen { LokaleAdressenToestaan = true }));
    }

    [Fact]
    public async Task A_name_that_resolves_to_an_internal_address_is_refused_when_the_delivery_connects()
    {
        await using var ontvanger = new Ontvanger();
        await ontvanger.StartAsync();
        using var http = new HttpClient(CallbackAdres.Handler(Productie));

        var fout = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync($"http://localhost:{ontvanger.Poort}/hook", new StringContent("{}")));
        Assert.Contains("intern", fout.Message);
        Assert.Empty(ontvanger.Berichten);

        using var lokaal = new HttpClient(CallbackAdres.Handler(new WebhookInstellingen { LokaleAdressenToestaan = true }));
        Assert.Equal(HttpStatusCode.NoContent, (await lokaal.PostAsync($"http://localhost:{ontvanger.Poort}/hook", new StringContent("{}"))).StatusCode);
    }
}
