using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Termijnen;

namespace Casus.Api.Tests.Notificaties;

/// <summary>A delivery committed by an instance that is killed (SIGKILL) before it could deliver is delivered after
/// restart, by another instance, with the same webhook-id.</summary>
public sealed class AfleveringNaKillTests(CasusApi api) : IClassFixture<CasusApi>
{
    [Fact]
    public async Task The_api_killed_between_commit_and_delivery_delivers_after_restart()
    {
        await using var ontvanger = new Ontvanger();
        await ontvanger.StartAsync();
        // The receiver hangs: the first instance is killed while its delivery is in flight, never acknowledged.
        var hangt = new TaskCompletionSource<int>();
        ontvanger.Antwoord = _ => hangt.Task;
        var instellingen = new Dictionary<string, string>
        {
            ["Casus__Termijnen__ControleSeconden"] = "0",
            ["Casus__Webhooks__LokaleAdressenToestaan"] = "true",
            ["Casus__Webhooks__Timeout"] = "00:02:00",
        };
        using var eerste = await ApiProcess.StartAsync("casus-eerste", api, instellingen);
        await eerste.PostAsync(WebhookApi.BeheerBelastingdienst, $"/api/v1/partners/{Examples.BelastingdienstId}/abonnementen",
            new { callbackUrl = ontvanger.Url("bd"), soorten = new[] { "informatie-verzocht" } });
        var id = (await eerste.PostAsync(Personas.Tilburg, "/api/v1/casussen", Examples.Signaal()))!["id"]!.GetValue<Guid>();
        foreach (var step in Examples.ToInformatieDelen) await eerste.PostAsync(step.Als, $"/api/v1/casussen/{id}/{step.Segment}", step.Body);
        await eerste.PostAsync(Personas.Coordinator(), $"/api/v1/casussen/{id}/informatieverzoeken", Examples.Verzoek);
        Assert.True(await TermijnApi.WachtOpAsync(() => Task.FromResult(ontvanger.Op("bd").Count > 0), 15), "the first instance never tried");

        eerste.KillHard();
        var eersteId = ontvanger.Op("bd")[0].Headers["webhook-id"];
        ontvanger.Antwoord = _ => Task.FromResult(204);
        hangt.SetResult(204);

        using var tweede = await ApiProcess.StartAsync("casus-tweede", api, instellingen);
        Assert.True(await TermijnApi.WachtOpAsync(() => Task.FromResult(ontvanger.Op("bd").Count > 1), 60),
            "never delivered after the restart");
        Assert.All(ontvanger.Op("bd"), b => Assert.Equal(eersteId, b.Headers["webhook-id"]));
    }
}
