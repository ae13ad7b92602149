using System.Net;
using System.Text.Json.Nodes;
using Casus.Api.Tests.Infrastructure;

namespace Casus.Api.Tests.HttpGedrag;

/// <summary>PostgreSQL cannot store a NUL character or half a surrogate pair: in any text field of any command such a
/// character is a 400 ongeldige-invoer naming that field, and nothing is written.</summary>
public sealed class OnopslaanbareTekensTests(CasusApi api) : IClassFixture<CasusApi>
{
    /// <summary>Fields that are no free text (enum values, dates): a NUL there makes the value unreadable (ongeldige-json).</summary>
    private static readonly HashSet<string> GeenTekst = ["regio", "type", "soort", "besluit", "categorie", "instrument", "naar", "datum", "geboortedatum", "antwoordVoor"];

    public static TheoryData<string, string> Velden()
    {
        var data = new TheoryData<string, string>();
        foreach (var (segment, body) in Bodies())
            foreach (var pad in TekstPaden(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!, ""))
                data.Add(segment, pad);
        return data;
    }

    private static IEnumerable<(string Segment, object Body)> Bodies() =>
    [
        ("casussen", Examples.Signaal()), ("verkenning", Examples.Verkenning), ("verkenningsbesluit", Examples.Opnemen),
        ("subjecten", Examples.Subject), ("subjecten", new { soort = "natuurlijk-persoon", voornamen = "Jan", achternaam = "Jansen", geboortedatum = "1980-01-01", bsn = "111222333" }),
        ("subjecten", new { soort = "object-locatie", postcode = "5038AB", huisnummer = 12, huisnummertoevoeging = "a", omschrijving = "Bedrijfspand" }),
        ("informatieverzoeken", Examples.Verzoek), ("informatiebijdragen", Examples.Bijdrage()), ("analyse", Examples.Analyse),
        ("interventieadviezen", Examples.Advies), ("interventies", Examples.Interventie()), ("uitvoeringsafronding", Examples.Afronding),
        ("evaluaties", Examples.Evaluatie), ("terugstappen", Examples.Terug("uitvoeren")), ("afsluiting", Examples.Afsluiting()),
        ("partners", new { organisatie = Examples.Belastingdienst }),
        ("verkenningsbesluit", new { besluit = "niet-opnemen", reden = "Geen ondermijning." }),
    ];

    private static IEnumerable<string> TekstPaden(JsonNode node, string pad) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Value is null ? [] : TekstPaden(p.Value, pad.Length == 0 ? p.Key : $"{pad}.{p.Key}")),
        JsonArray a => a.SelectMany((n, i) => n is null ? [] : TekstPaden(n, $"{pad}[{i}]")),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String && !GeenTekst.Contains(pad.Split('.', '[')[^1]) => [pad],
        _ => [],
    };

    [Theory]
    [MemberData(nameof(Velden))]
    public async Task A_nul_character_in_a_text_field_is_400_naming_the_field(string segment, string pad)
    {
        var client = api.Client();
        var (_, body) = Bodies().First(b => b.Segment == segment && TekstPaden(JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(b.Body))!, "").Contains(pad));
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(body))!;
        Zet(json, pad, "a\u0000b");
        var path = segment == "casussen" ? "/api/v1/casussen" : $"/api/v1/casussen/{await client.NewCasus()}/{segment}";
        var als = segment == "casussen" ? client.As(Personas.Tilburg) : client;

        var response = (await als.PostRaw(path, json.ToJsonString())).AssertStatus(HttpStatusCode.BadRequest);

        Assert.Equal("ongeldige-invoer", response.Code);
        Assert.Contains(response.Body!["invalidParams"]!.AsArray(), p => p!["name"]!.GetValue<string>().EndsWith(pad.Split('.')[^1], StringComparison.Ordinal)
            && p["code"]!.GetValue<string>() == "ongeldig-teken");
    }

    [Fact]
    public async Task Half_a_surrogate_pair_is_400_too()
    {
        var json = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Examples.Signaal()))!;
        json["omschrijving"] = "LONE";
        var response = (await api.Client().As(Personas.Tilburg).PostRaw("/api/v1/casussen",
            json.ToJsonString().Replace("LONE", "a\\ud800b", StringComparison.Ordinal))).AssertStatus(HttpStatusCode.BadRequest);
        Assert.Contains("omschrijving", response.InvalidParamNames);
    }

    private static void Zet(JsonNode root, string pad, string waarde)
    {
        var delen = System.Text.RegularExpressions.Regex.Matches(pad, @"[^.\[\]]+").Select(m => m.Value).ToList();
        var node = root;
        foreach (var deel in delen[..^1]) node = int.TryParse(deel, out var i) ? node[i]! : node[deel]!;
        if (int.TryParse(delen[^1], out var index)) node[index] = waarde;
        else node[delen[^1]] = waarde;
    }
}
