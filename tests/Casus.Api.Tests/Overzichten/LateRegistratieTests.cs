using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Tests.Overzichten;

/// <summary>A casus registered late counts in the year it happened: registered in January 2026 with the dates of December 2025,
/// it is handled in 2025 (and still in 2026, while open), its advice counts in 2025, and the RIEC overview counts its days in the
/// step from the business date. The same casus registered without dates would only count from 2026. A fresh database of its own.</summary>
public sealed class LateRegistratieTests(CasusApi api) : IClassFixture<CasusApi>
{
    [Fact]
    public async Task A_casus_registered_in_january_with_the_dates_of_december_counts_in_the_year_it_happened()
    {
        var limburg = Personas.CoordinatorLimburg;
        var client = api.Client(limburg);
        api.Clock.Set(new DateTimeOffset(2026, 1, 15, 10, 0, 0, TimeSpan.Zero));
        try
        {
            var gedateerd = await Casus(client, "limburg", metDatums: true);
            var ongedateerd = await Casus(client, "noord-holland", metDatums: false);

            api.Clock.Set(CasusApi.Now);
            await api.WachtOpOverzichtenAsync();
            var liec = api.Client(Personas.Liec);
            var in2025 = await Regios(liec, 2025);
            var in2026 = await Regios(liec, 2026);

            Assert.Equal((1, 1, 1), (in2025["limburg"]["behandeld"], in2025["limburg"]["interventieadviezen"], in2025["limburg"]["bestuurlijk"]));
            Assert.Equal((1, 0), (in2026["limburg"]["behandeld"], in2026["limburg"]["interventieadviezen"]));
            // Registered without dates: everything happened on the day it was registered, in 2026.
            Assert.Equal((0, 0), (in2025["noord-holland"]["behandeld"], in2025["noord-holland"]["interventieadviezen"]));
            Assert.Equal((1, 1), (in2026["noord-holland"]["behandeld"], in2026["noord-holland"]["interventieadviezen"]));

            var casus = (await client.Get($"/api/v1/casussen/{gedateerd}")).AssertStatus(HttpStatusCode.OK).Body!;
            Assert.Equal(("2025-12-10", "2025-12-20"), (casus["opgenomenOp"]!.GetValue<string>(), casus["stapSinds"]!.GetValue<string>()));
            var overzicht = (await client.Get("/api/v1/regios/limburg/overzicht?van=2025-12&tot=2026-01")).AssertStatus(HttpStatusCode.OK).Body!;
            var uitvoeren = overzicht["perStap"]!.AsArray().Single(s => s!["stap"]!.GetValue<string>() == "uitvoeren")!;
            var dagen = DateOnly.FromDateTime(CasusApi.Now.UtcDateTime).DayNumber - new DateOnly(2025, 12, 20).DayNumber;
            Assert.Equal((1, dagen), (uitvoeren["aantal"]!.GetValue<int>(), uitvoeren["inStapOudste"]!.GetValue<int>()));
            Assert.Equal(1, overzicht["perMaand"]![0]!["geopend"]!.GetValue<int>());
            Assert.NotEqual(gedateerd, ongedateerd);
        }
        finally
        {
            api.Clock.Set(CasusApi.Now);
        }
    }

    /// <summary>A signaal of 1 December 2025, explored, taken up, analysed and advised (one bestuurlijk intervention) on the dates
    /// of December 2025, or (<paramref name="metDatums"/> false) without dates, so on the day of registration.</summary>
    private static async Task<Guid> Casus(CasusClient client, string regio, bool metDatums)
    {
        var riec = Personas.Coordinator(Enum.Parse<RiecRegio>(regio.Replace("-", ""), ignoreCase: true));
        var id = await client.NewCasus(Examples.Signaal(regio, "2025-12-01"));
        object Op(object body, string datum) => metDatums ? Examples.OpDatum(body, datum) : Examples.ZonderDatum(body);
        await client.Commands(id,
            new Step("verkenning", Op(Examples.Verkenning, "2025-12-03"), riec),
            new Step("verkenningsbesluit", Op(Examples.Opnemen, "2025-12-10"), riec),
            new Step("analyse", Op(Examples.Analyse, "2025-12-15"), riec),
            new Step("interventieadviezen", Examples.OpDatum(new
            {
                interventies = new object[] { new { instrument = "bestuurlijk", partnerId = Examples.TilburgId, omschrijving = "Sluiting pand." } },
                datum = "2025-12-20",
            }, metDatums ? "2025-12-20" : "2026-01-15"), riec));
        return id;
    }

    private static async Task<Dictionary<string, Dictionary<string, int>>> Regios(CasusClient liec, int jaar) =>
        (await liec.Get($"/api/v1/jaarcijfers/{jaar}")).AssertStatus(HttpStatusCode.OK).Body!["regios"]!.AsArray()
            .ToDictionary(r => r!["regio"]!.GetValue<string>(),
                r => r!["tabel1"]!.AsObject().ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()));
}
