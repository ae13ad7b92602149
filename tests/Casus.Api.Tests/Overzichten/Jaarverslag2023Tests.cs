using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;
using Casus.Testdata;

namespace Casus.Api.Tests.Overzichten;

/// <summary>The published jaarverslag 2023 reproduced: the import file derived from Tabel 1 and 2 (<see cref="JaarverslagImport"/>),
/// imported into an empty database, makes <c>GET /jaarcijfers/2023</c> equal the publication in every cell where the table is
/// consistent with itself, in JSON and in CSV; the cells that cannot match are exactly those docs/jaarverslag-2023.md lists.</summary>
public sealed class Jaarverslag2023Tests(Jaarverslag2023Tests.Geimporteerd data) : IClassFixture<Jaarverslag2023Tests.Geimporteerd>
{
    /// <summary>A fresh database with the derived file imported (over HTTP, as an administrator would), and the jaarcijfers of 2023.</summary>
    public sealed class Geimporteerd : IAsyncLifetime
    {
        public CasusApi Api { get; } = new();
        public JsonNode Verslag { get; private set; } = null!;
        public JsonNode Json { get; private set; } = null!;
        public Dictionary<string, Dictionary<string, string>> Csv { get; } = [];

        public async Task InitializeAsync()
        {
            await Api.InitializeAsync();
            var beheer = Api.Client(Personas.Beheerder);
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/beheer/importen?bronsysteem={JaarverslagImport.Bronsysteem}")
            {
                Content = new StringContent(string.Join("\n", JaarverslagImport.Regels()) + "\n", Encoding.UTF8, "application/x-ndjson"),
            };
            Verslag = (await beheer.Send(request)).AssertStatus(HttpStatusCode.OK).Body!;
            await Api.WachtOpOverzichtenAsync();

            var liec = Api.Client(Personas.Liec);
            Json = (await liec.Get("/api/v1/jaarcijfers/2023")).AssertStatus(HttpStatusCode.OK).Body!;
            var csv = new HttpRequestMessage(HttpMethod.Get, "/api/v1/jaarcijfers/2023");
            csv.Headers.Accept.ParseAdd("text/csv");
            var regels = (await (await liec.Send(csv)).AssertStatus(HttpStatusCode.OK).Message.Content.ReadAsStringAsync())
                .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
            var kolommen = regels[0].Split(',');
            foreach (var regel in regels.Skip(1))
            {
                var cellen = regel.Split(',');
                Csv[cellen[0]] = kolommen.Skip(1).Zip(cellen.Skip(1)).ToDictionary(p => p.First, p => p.Second);
            }
        }

        public Task DisposeAsync() => Api.DisposeAsync().AsTask();
    }

    public static TheoryData<string, string, string> VergelijkbareCellen()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var cel in Jaarverslag2023.Cellen.Where(c => c.IsVergelijkbaar)) data.Add(cel.Rij, cel.Kolom, cel.Veld);
        return data;
    }

    private static Jaarverslagcel Cel(string rij, string kolom) => Jaarverslag2023.Cellen.Single(c => c.Rij == rij && c.Kolom == kolom);

    private string Regio(Jaarverslagcel cel) => cel.Regio is { } r ? Http.Names.Of(r) : "landelijk";

    private decimal UitJson(Jaarverslagcel cel)
    {
        var rij = cel.Regio is null ? data.Json["landelijk"]! : data.Json["regios"]!.AsArray().Single(r => r!["regio"]!.GetValue<string>() == Regio(cel))!;
        return rij[cel.Tabel == "Tabel 1" ? "tabel1" : "tabel2"]![cel.Veld]!.GetValue<decimal>();
    }

    [Fact]
    public void The_whole_file_is_imported_one_casus_a_line()
    {
        Assert.Equal((1431, 0, 1430, 1), (data.Verslag["ok"]!.GetValue<int>(), data.Verslag["geweigerd"]!.GetValue<int>(),
            data.Verslag["casussen"]!.GetValue<int>(), data.Verslag["ondermijningsbeelden"]!.GetValue<int>()));
        Assert.Equal(data.Json["actualiteit"]!["laatsteGebeurtenis"]!.GetValue<long>(), data.Json["actualiteit"]!["actueelTot"]!.GetValue<long>());
    }

    /// <summary>Every consistent cell of the publication, in JSON and in CSV (amounts in euros with two decimals).</summary>
    [Theory]
    [MemberData(nameof(VergelijkbareCellen))]
    public void A_consistent_cell_equals_the_publication_in_json_and_csv(string rij, string kolom, string veld)
    {
        var cel = Cel(rij, kolom);
        var gepubliceerd = cel.Gepubliceerd.Length == 0 ? 0 : decimal.Parse(cel.Gepubliceerd.Replace(".", "").Replace(',', '.'), CultureInfo.InvariantCulture);

        Assert.Equal(gepubliceerd, UitJson(cel));
        var csv = data.Csv[Regio(cel)][veld];
        Assert.Equal(gepubliceerd, decimal.Parse(csv, CultureInfo.InvariantCulture));
        if (cel.Tabel == "Tabel 2") Assert.Matches(@"^\d+\.\d{2}$", csv);
    }

    /// <summary>A cell that cannot match has the value docs/jaarverslag-2023.md says Casus reports.</summary>
    [Fact]
    public void A_cell_that_cannot_match_has_the_value_the_documentation_gives()
    {
        var nietVergelijkbaar = Jaarverslag2023.Cellen.Where(c => !c.IsVergelijkbaar).ToList();
        Assert.Equal(17, nietVergelijkbaar.Count);
        Assert.All(nietVergelijkbaar, c => Assert.Equal(c.Doel, UitJson(c)));
        Assert.All(nietVergelijkbaar, c => Assert.Equal(c.Doel, decimal.Parse(data.Csv[Regio(c)][c.Veld], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void The_documentation_lists_exactly_the_cells_that_cannot_match()
    {
        var doc = Repo.Doc("jaarverslag-2023.md").ReplaceLineEndings("\n");
        const string start = "<!-- niet-vergelijkbaar:start -->\n", eind = "<!-- niet-vergelijkbaar:end -->";
        var van = doc.IndexOf(start, StringComparison.Ordinal);
        Assert.True(van >= 0, "docs/jaarverslag-2023.md has no list of cells that cannot match");
        var gedocumenteerd = doc[(van + start.Length)..doc.IndexOf(eind, StringComparison.Ordinal)];
        Assert.True(Jaarverslag2023.NietVergelijkbaarMarkdown().ReplaceLineEndings("\n") == gedocumenteerd,
            $"docs/jaarverslag-2023.md is out of date; replace its list with:\n{Jaarverslag2023.NietVergelijkbaarMarkdown()}");
    }
}
