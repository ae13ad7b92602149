using System.Text.Json;
using System.Text.Json.Nodes;
using Casus.Api.Http;
using Casus.Api.Import;
using Casus.Domain.Gedeeld;
using Casus.Api.Tests.Infrastructure;
using Casus.Testdata;
using Json.Schema;

namespace Casus.Api.Tests.Import;

/// <summary>docs/import.schema.json describes the lines the import takes: the documentation's example and the file derived from
/// the jaarverslag are valid, typical mistakes are not, and its value lists are the API's.</summary>
public sealed class ImportSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(Repo.Doc("import.schema.json"));

    private static bool Geldig(string regel) =>
        Schema.Evaluate(JsonDocument.Parse(regel).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid;

    [Fact]
    public void The_example_and_the_jaarverslag_file_are_valid()
    {
        Assert.All(Importvoorbeeld.Regels, r => Assert.True(Geldig(r), r));
        Assert.All(JaarverslagImport.Regels(), r => Assert.True(Geldig(r), r));
    }

    [Theory]
    [InlineData("""{"soort":"casus","regio":"limburg","referentie":"L-1","signaal":{"datum":"2023-01-01","indiener":{"id":"a","naam":"A","type":"gemeente"},"omschrijving":"x"},"stappen":[{"commando":"verkenning","coordinator":"c"}]}""")]
    [InlineData("""{"soort":"casus","regio":"limburg","referentie":"L-1","signaal":{"datum":"2023-01-01","indiener":{"id":"a","naam":"A","type":"gemeente"},"omschrijving":"x","themas":[{"soort":"regionaal"}]}}""")]
    [InlineData("""{"soort":"casus","regio":"atlantis","referentie":"L-1","signaal":{"datum":"2023-01-01","indiener":{"id":"a","naam":"A","type":"gemeente"},"omschrijving":"x"}}""")]
    [InlineData("""{"soort":"casus","regio":"limburg","signaal":{"datum":"2023-01-01","indiener":{"id":"a","naam":"A","type":"gemeente"},"omschrijving":"x"}}""")]
    [InlineData("""{"soort":"casus","regio":"limburg","referentie":"L-1","signaal":{"datum":"2023-01-01","indiener":{"id":"a","naam":"A","type":"gemeente"},"omschrijving":"x"},"stappen":[{"commando":"interventies","datum":"2023-02-01","instrument":"fiscaal","partnerId":"bd","resultaat":"r","bedragen":{"opgelegd":1e20}}]}""")]
    [InlineData("""{"soort":"casus","regio":"limburg","referentie":"L-1","signaal":{"datum":"2023-01-01","indiener":{"id":"a","naam":"A","type":"gemeente"},"omschrijving":"x"},"stappen":[{"commando":"opnemen","datum":"2023-02-01"}]}""")]
    [InlineData("""{"soort":"ondermijningsbeeld","regio":"limburg","referentie":"OB-1","titel":"T"}""")]
    public void Typical_mistakes_are_invalid(string regel) => Assert.False(Geldig(regel), regel);

    [Fact]
    public void Its_value_lists_are_the_apis()
    {
        var defs = JsonNode.Parse(Repo.Doc("import.schema.json"))!["$defs"]!;
        string[] Lijst(JsonNode? node) => [.. node!.AsArray().Select(w => w!.GetValue<string>())];
        Assert.Equal(Names.All<RiecRegio>(), Lijst(defs["regio"]!["enum"]));
        Assert.Equal(Names.All<PartnerType>(), Lijst(defs["organisatie"]!["properties"]!["type"]!["enum"]));
        Assert.Equal(Names.All<ThemaSoort>(), Lijst(defs["thema"]!["properties"]!["soort"]!["enum"]));
        Assert.Equal(Names.All<Instrument>(), Lijst(defs["stap-interventies"]!["properties"]!["instrument"]!["enum"]));
        Assert.Equal(Names.All<InformatieCategorie>(), Lijst(defs["stap-informatiebijdragen"]!["properties"]!["categorie"]!["enum"]));
        Assert.Equal(Casus.Api.Casussen.CommandRoutes.Segments.Values.Order(), Lijst(defs["stap"]!["properties"]!["commando"]!["enum"]).Order());
        Assert.Equal(Plausibiliteit.MaximumBedrag, defs["bedrag"]!["maximum"]!.GetValue<decimal>());
        Assert.Equal(Plausibiliteit.VroegsteDatum.ToString("yyyy-MM-dd"), defs["datum"]!["formatMinimum"]!.GetValue<string>());
    }
}
