using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Termijnen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Api.Tests.Notificaties;

/// <summary>The API with webhooks to the loopback interface allowed and short retries (0.5 s, 1 s, then 1 s apart), pausing
/// a subscription after 4 failed attempts in a row; and a real receiver.</summary>
public sealed class WebhookApi : TermijnApi
{
    public WebhookApi()
    {
        Instellingen["Casus:Webhooks:LokaleAdressenToestaan"] = "true";
        Instellingen["Casus:Webhooks:PauzeNaMislukkingen"] = "4";
        string[] herhalingen = ["00:00:00.5", "00:00:01", "00:00:01", "00:00:01", "00:00:01", "00:00:01"];
        for (var i = 0; i < herhalingen.Length; i++) Instellingen[$"Casus:Webhooks:Herhalingen:{i}"] = herhalingen[i];
    }

    public Ontvanger Ontvanger { get; } = new();

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Ontvanger.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await Ontvanger.DisposeAsync();
        await base.DisposeAsync();
    }

    public static Actor Integratiebeheerder(string organisatieId, string naam, PartnerType type) =>
        new($"integratie@{organisatieId}", new Organisatie(organisatieId, naam, type), new HashSet<RiecRegio>(), false,
            new HashSet<Rol> { Rol.Integratiebeheerder });

    public static readonly Actor BeheerBelastingdienst = Integratiebeheerder(Examples.BelastingdienstId, "Belastingdienst", PartnerType.Belastingdienst);
    public static readonly Actor BeheerTilburg = Integratiebeheerder(Examples.TilburgId, "Gemeente Tilburg", PartnerType.Gemeente);
    public const string DouaneId = "00000001003214369111";
    public static readonly Actor BeheerDouane = Integratiebeheerder(DouaneId, "Douane", PartnerType.Douane);

    /// <summary>Registers a subscription of <paramref name="als"/>'s organisation on the receiver's <paramref name="pad"/>;
    /// returns its id and its secret.</summary>
    public async Task<(Guid Id, string Geheim)> AbonneerAsync(Actor als, string pad, params string[] soorten)
    {
        var antwoord = (await Client(als).Post($"/api/v1/partners/{als.Organisatie.Id}/abonnementen",
            new { callbackUrl = Ontvanger.Url(pad), soorten })).AssertStatus(HttpStatusCode.Created).Body!;
        return (antwoord["abonnement"]!["id"]!.GetValue<Guid>(), antwoord["geheim"]!.GetValue<string>());
    }

    public async Task<JsonNode> AfleveringenAsync(Actor als, Guid abonnementId) =>
        (await Client(als).Get($"/api/v1/partners/{als.Organisatie.Id}/abonnementen/{abonnementId}/afleveringen"))
            .AssertStatus(HttpStatusCode.OK).Body!;
}
