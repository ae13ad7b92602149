using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Verantwoording;

namespace Casus.Api.Tests.Historie;

/// <summary>Stored events changed so that they no longer read as events: every history answer (historie, verschillen,
/// dossier) is the documented problem historie.onleesbaar, whatever the damage; the chain check still names the version.</summary>
public sealed class OnleesbareHistorieTests(CasusApi api) : IClassFixture<CasusApi>
{
    private readonly CasusClient _client = api.Client();

    public static TheoryData<string, string> Schades() => new()
    {
        { "een getal waar tekst hoort", "data = jsonb_set(data, '{coordinator}', '{\"x\": 1}')" },
        { "een onbekend gebeurtenistype", "type = 'bestaat_niet', mt_dotnet_type = 'Bestaat.Niet, Nergens'" },
        { "geen object", "data = '[]'::jsonb" },
    };

    [Theory]
    [MemberData(nameof(Schades))]
    public async Task Every_history_endpoint_answers_historie_onleesbaar(string schade, string set)
    {
        var id = await _client.NewCasus();
        await _client.Commands(id, Examples.ToInformatieDelen);
        // v2 is VerkenningGestart.
        await new LogReader(api.ConnectionString).Execute($"update casus.mt_events set {set} where stream_id = '{id}' and version = 2");
        var auditor = _client.As(Personas.Auditor);

        foreach (var pad in new[] { $"historie?versie=4", "verschillen?van=0&tot=4", "verschillen?van=1&tot=3", "dossier" })
        {
            var response = await auditor.Get($"/api/v1/casussen/{id}/{pad}");
            Assert.True(response.Status == HttpStatusCode.InternalServerError && response.Code == "historie.onleesbaar",
                $"{schade}, {pad}: {(int)response.Status} {response.Body}");
        }
        var keten = (await auditor.Get($"/api/v1/casussen/{id}/keten")).AssertStatus(HttpStatusCode.OK).Body!;
        Assert.Equal(2, keten["eersteGebrokenVersie"]!.GetValue<long>());
    }
}
