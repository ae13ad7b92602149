using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Gedeeld;
using Casus.Testdata;

namespace Casus.Api.Tests.Overzichten;

/// <summary>The jaarcijfers of the generated data equal the figures computed here from the generator's own record, with the
/// definitions of docs/figures.md written out independently of the API's query.</summary>
[Collection(GegenereerdeData.Collectie)]
public sealed class JaarcijfersTests(GegenereerdeData data)
{
    private readonly CasusClient _liec = data.Api.Client(Personas.Liec);

    /// <summary>Tabel 1 and 2 of the casussen in <paramref name="casussen"/> for <paramref name="jaar"/>, by field name.</summary>
    private static Dictionary<string, decimal> Verwacht(IEnumerable<GegenereerdeCasus> casussen, int jaar)
    {
        var alle = casussen.ToList();
        var behandeld = alle.Where(c => c.OpgenomenOp is { } op && op.Year <= jaar && (c.AfgeslotenOp is not { } af || af.Year >= jaar)).ToList();
        // Every source counts: the ondermijningsbeeld, and each organisation that brought the signaal in (not the RIEC itself).
        static IEnumerable<Organisatie> Organisaties(GegenereerdeCasus c) =>
            c.Bronnen.Prepend(c.Indiener).DistinctBy(o => o.Id).Where(o => o.Type is not (PartnerType.Riec or PartnerType.Liec));
        int Bron(Func<PartnerType, bool> soort) => behandeld.Sum(c => Organisaties(c).Count(o => soort(o.Type)));
        int Thema(ThemaSoort t) => behandeld.Count(c => c.Themas.Contains(t));
        var adviezen = alle.SelectMany(c => c.Adviezen).Where(a => a.Datum.Year == jaar).ToList();
        int Advies(Instrument i) => adviezen.Count(a => a.Instrument == i);
        var geld = alle.SelectMany(c => c.Interventies).Where(i => i.Datum.Year == jaar).Select(i => i.Bedragen).ToList();
        return new()
        {
            ["behandeld"] = behandeld.Count,
            ["uitOndermijningsbeelden"] = behandeld.Count(c => c.UitOndermijningsbeeld),
            ["doorGemeenten"] = Bron(t => t == PartnerType.Gemeente),
            ["doorOpenbaarMinisterie"] = Bron(t => t == PartnerType.OpenbaarMinisterie),
            ["doorPolitie"] = Bron(t => t == PartnerType.Politie),
            ["doorBelastingdienst"] = Bron(t => t == PartnerType.Belastingdienst),
            ["doorOverigePartners"] = Bron(t => t is not
                (PartnerType.Gemeente or PartnerType.OpenbaarMinisterie or PartnerType.Politie or PartnerType.Belastingdienst)),
            ["mensenhandelEnMensensmokkel"] = Thema(ThemaSoort.MensenhandelEnMensensmokkel),
            ["hennepteeltEnDrugs"] = Thema(ThemaSoort.HennepteeltEnDrugs),
            ["witwassen"] = Thema(ThemaSoort.Witwassen),
            ["vastgoed"] = Thema(ThemaSoort.Vastgoed),
            ["omgs"] = Thema(ThemaSoort.Omg),
            ["regionaleThemas"] = Thema(ThemaSoort.Regionaal),
            ["interventieadviezen"] = adviezen.Count,
            ["bestuurlijk"] = Advies(Instrument.Bestuurlijk),
            ["bibob"] = Advies(Instrument.Bibob),
            ["strafrechtelijk"] = Advies(Instrument.Strafrechtelijk),
            ["fiscaal"] = Advies(Instrument.Fiscaal),
            ["overig"] = Advies(Instrument.Overig),
            ["opgelegd"] = geld.Sum(b => b.Opgelegd ?? 0),
            ["geindOfVerrekend"] = geld.Sum(b => b.GeindOfVerrekend ?? 0),
            ["beslag"] = geld.Sum(b => b.Beslag ?? 0),
            ["opgeleverdeOndermijningsbeelden"] = 0,
            ["zonderBron"] = behandeld.Count(c => !c.UitOndermijningsbeeld && !Organisaties(c).Any()),
            ["zonderThema"] = behandeld.Count(c => c.Themas.Count == 0),
        };
    }

    private static Dictionary<string, decimal> Gekregen(JsonNode cijfers) =>
        new[] { "tabel1", "tabel2" }.SelectMany(t => cijfers[t]!.AsObject()).ToDictionary(p => p.Key, p => p.Value!.GetValue<decimal>());

    [Theory]
    [InlineData(2023)]
    [InlineData(2024)]
    [InlineData(2025)]
    [InlineData(2026)]
    public async Task Every_region_and_the_national_totals_equal_the_generators_record(int jaar)
    {
        var body = (await _liec.Get($"/api/v1/jaarcijfers/{jaar}")).AssertStatus(HttpStatusCode.OK).Body!;

        Assert.Equal(jaar, body["jaar"]!.GetValue<int>());
        var regios = body["regios"]!.AsArray();
        Assert.Equal(Enum.GetValues<RiecRegio>().Length, regios.Count);
        foreach (var regio in Enum.GetValues<RiecRegio>())
        {
            var naam = Http.Names.Of(regio);
            var rij = regios.Single(r => r!["regio"]!.GetValue<string>() == naam)!;
            Assert.Equal(Verwacht(data.Generatie.Casussen.Where(c => c.Regio == regio), jaar), Gekregen(rij));
        }
        var landelijk = Verwacht(data.Generatie.Casussen, jaar);
        Assert.Equal(landelijk, Gekregen(body["landelijk"]!));
        Assert.True(landelijk["behandeld"] > 20 && landelijk["interventieadviezen"] > 10 && landelijk["opgelegd"] > 0,
            $"The generated data should exercise every part of the figures in {jaar}.");
    }

    [Fact]
    public void The_generated_data_has_every_source_theme_and_instrument()
    {
        var casussen = data.Generatie.Casussen;
        Assert.Contains(casussen, c => c.UitOndermijningsbeeld);
        foreach (var type in new[] { PartnerType.Gemeente, PartnerType.OpenbaarMinisterie, PartnerType.Politie, PartnerType.Belastingdienst })
            Assert.Contains(casussen, c => !c.UitOndermijningsbeeld && c.Indiener.Type == type);
        Assert.All(Enum.GetValues<ThemaSoort>(), t => Assert.Contains(casussen, c => c.Themas.Contains(t)));
        Assert.All(Enum.GetValues<Instrument>(), i => Assert.Contains(casussen, c => c.Adviezen.Any(a => a.Instrument == i)));
        Assert.Contains(casussen, c => c.AfgeslotenOp is not null && c.OpgenomenOp is null);
        Assert.Contains(casussen, c => c.Stap == Domain.Casussen.Stap.Afgesloten && c.OpgenomenOp is not null);
        Assert.Contains(casussen, c => c.Verzoeken.Any(v => v.BeantwoordOp is null));
        Assert.Contains(casussen, c => c.Bronnen.Count > 0 && c.OpgenomenOp is not null);
        Assert.Contains(casussen, c => c.Themas.Count == 0 && c.OpgenomenOp is not null);
    }

    [Fact]
    public async Task Csv_holds_the_same_figures_as_json_with_one_line_per_region_and_a_national_line()
    {
        var json = (await _liec.Get("/api/v1/jaarcijfers/2025")).AssertStatus(HttpStatusCode.OK).Body!;
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jaarcijfers/2025");
        request.Headers.Accept.ParseAdd("text/csv");

        var csv = await _liec.Send(request);

        csv.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.ContentType);
        var regels = (await csv.Message.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var kolommen = regels[0].Split(',');
        Assert.Equal("regio", kolommen[0]);
        Assert.Equal(Enum.GetValues<RiecRegio>().Length + 2, regels.Length);
        var landelijk = regels[^1].Split(',');
        Assert.Equal("landelijk", landelijk[0]);
        var verwacht = Gekregen(json["landelijk"]!);
        // The published rows in the order of Tabel 1 and 2, then the fields added later (row 1, without source, without theme).
        Assert.Equal([.. verwacht.Keys.Where(k => !Later.Contains(k)), .. Later], kolommen.Skip(1));
        Assert.Equal(verwacht, kolommen.Skip(1).Zip(landelijk.Skip(1), (k, w) => (k, w))
            .ToDictionary(p => p.k, p => decimal.Parse(p.w, System.Globalization.CultureInfo.InvariantCulture)));
        // Amounts with two decimals, counts without.
        foreach (var (kolom, waarde) in kolommen.Skip(1).Zip(landelijk.Skip(1)))
            Assert.Matches(kolom is "opgelegd" or "geindOfVerrekend" or "beslag" ? @"^\d+\.\d{2}$" : @"^\d+$", waarde);
        Assert.Equal(json["actualiteit"]!["actueelTot"]!.GetValue<long>().ToString(), csv.Message.Headers.GetValues("Actualiteit-Actueel-Tot").Single());
    }

    private static readonly string[] Later = ["opgeleverdeOndermijningsbeelden", "zonderBron", "zonderThema"];

    [Fact]
    public async Task The_answer_says_it_is_current_up_to_the_newest_event()
    {
        var actualiteit = (await _liec.Get("/api/v1/jaarcijfers/2026")).AssertStatus(HttpStatusCode.OK).Body!["actualiteit"]!;

        Assert.True(actualiteit["laatsteGebeurtenis"]!.GetValue<long>() > GegenereerdeData.Aantal);
        Assert.Equal(actualiteit["laatsteGebeurtenis"]!.GetValue<long>(), actualiteit["actueelTot"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("1999")]
    [InlineData("2027")]
    public async Task A_year_outside_2000_to_this_year_is_refused(string jaar)
    {
        var response = (await _liec.Get($"/api/v1/jaarcijfers/{jaar}")).AssertStatus(HttpStatusCode.BadRequest);

        Assert.Equal(["jaar"], response.InvalidParamNames);
    }
}
