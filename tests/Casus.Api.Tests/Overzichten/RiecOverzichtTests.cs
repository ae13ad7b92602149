using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Testdata;

namespace Casus.Api.Tests.Overzichten;

/// <summary>The RIEC overview of the generated data, against the generator's record.</summary>
[Collection(GegenereerdeData.Collectie)]
public sealed class RiecOverzichtTests(GegenereerdeData data)
{
    private static readonly DateOnly Vandaag = DateOnly.FromDateTime(CasusApi.Now.UtcDateTime);

    [Fact]
    public async Task Per_step_it_counts_the_casussen_with_the_median_and_oldest_age_since_the_signaal()
    {
        const RiecRegio regio = RiecRegio.OostNederland;
        var body = (await data.Api.Client(Landschap.Coordinator(regio)).Get("/api/v1/regios/oost-nederland/overzicht"))
            .AssertStatus(HttpStatusCode.OK).Body!;

        var casussen = data.Generatie.Casussen.Where(c => c.Regio == regio).ToList();
        var perStap = body["perStap"]!.AsArray();
        Assert.Equal(Enum.GetValues<Stap>().Select(Http.Names.Of), perStap.Select(s => s!["stap"]!.GetValue<string>()));
        foreach (var stap in Enum.GetValues<Stap>())
        {
            var rij = perStap.Single(s => s!["stap"]!.GetValue<string>() == Http.Names.Of(stap))!;
            // Ages in days since the signaal, oldest first; the median is the lower middle one (the older of two).
            var leeftijden = casussen.Where(c => c.Stap == stap).Select(c => Vandaag.DayNumber - c.SignaalDatum.DayNumber).OrderDescending().ToList();
            Assert.Equal(leeftijden.Count, rij["aantal"]!.GetValue<int>());
            if (stap == Stap.Afgesloten || leeftijden.Count == 0)
            {
                Assert.Null(rij["leeftijdMediaan"]);
                continue;
            }
            Assert.Equal(leeftijden[0], rij["leeftijdOudste"]!.GetValue<int>());
            Assert.Equal(leeftijden[(leeftijden.Count - 1) / 2], rij["leeftijdMediaan"]!.GetValue<int>());
        }
        Assert.True(casussen.Count(c => c.Stap != Stap.Afgesloten) > 5, "The region should have open casussen in the generated data.");
    }

    [Fact]
    public async Task Per_month_it_counts_signalen_that_came_in_and_casussen_that_were_closed()
    {
        const RiecRegio regio = RiecRegio.TaskforceBrabantZeeland;
        var body = (await data.Api.Client(Landschap.Coordinator(regio)).Get("/api/v1/regios/taskforce-brabant-zeeland/overzicht?van=2024-01&tot=2025-12"))
            .AssertStatus(HttpStatusCode.OK).Body!;

        var casussen = data.Generatie.Casussen.Where(c => c.Regio == regio).ToList();
        var maanden = body["perMaand"]!.AsArray();
        Assert.Equal(24, maanden.Count);
        foreach (var maand in maanden)
        {
            var m = DateOnly.ParseExact(maand!["maand"]!.GetValue<string>() + "-01", "yyyy-MM-dd");
            bool In(DateOnly? d) => d is { } x && x.Year == m.Year && x.Month == m.Month;
            Assert.Equal(casussen.Count(c => In(c.SignaalDatum)), maand["geopend"]!.GetValue<int>());
            Assert.Equal(casussen.Count(c => In(c.AfgeslotenOp)), maand["afgesloten"]!.GetValue<int>());
        }
        Assert.True(maanden.Sum(m => m!["geopend"]!.GetValue<int>()) > 5);
    }

    [Theory]
    [InlineData("van=2025-13", "van")]
    [InlineData("tot=morgen", "tot")]
    [InlineData("van=2026-05&tot=2026-01", "van")]
    public async Task Bad_months_are_refused(string query, string veld)
    {
        var response = await data.Api.Client(Landschap.Coordinator(RiecRegio.Limburg)).Get($"/api/v1/regios/limburg/overzicht?{query}");

        Assert.Equal([veld], response.AssertStatus(HttpStatusCode.BadRequest).InvalidParamNames);
    }

    [Fact]
    public async Task An_unknown_region_is_not_found()
    {
        var response = await data.Api.Client(Personas.LandelijkeAuditor).Get("/api/v1/regios/atlantis/overzicht");

        Assert.Equal("regio.niet-gevonden", response.AssertStatus(HttpStatusCode.NotFound).Code);
    }
}
