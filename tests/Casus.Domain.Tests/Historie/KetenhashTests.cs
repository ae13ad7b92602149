using System.Text.Json.Nodes;
using Casus.Domain.Historie;

namespace Casus.Domain.Tests.Historie;

/// <summary>The hash chain's canonical form and its check, without a database.</summary>
public sealed class KetenhashTests
{
    private static readonly DateTimeOffset Moment = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private const string Stroom = "9a1e2f1c-0000-4000-8000-000000000001";

    private static Dictionary<string, JsonNode?> Headers(string organisatie = "riec-zwb") =>
        new() { ["organisatie"] = organisatie, ["doel"] = "Doel." };

    private static OpgeslagenGebeurtenis Opgeslagen(long versie, string gegevens, string vorige, Func<OpgeslagenGebeurtenis, OpgeslagenGebeurtenis>? wijzig = null)
    {
        var headers = Headers();
        var e = new OpgeslagenGebeurtenis(Stroom, versie, "verkenning_gestart", Moment.AddMinutes(versie), "c.devries", "trace", "span", headers, gegevens);
        headers[Ketenhash.Header] = Ketenhash.Bereken(new Ketenschakel(e.StroomId, e.Versie, e.Type, e.Tijdstip, e.Gebruiker, e.CorrelatieId,
            e.CausatieId, headers, gegevens, vorige));
        return wijzig is null ? e : wijzig(e);
    }

    private static List<OpgeslagenGebeurtenis> Keten(int n)
    {
        var keten = new List<OpgeslagenGebeurtenis>();
        var vorige = Ketenhash.Genesis;
        for (var v = 1; v <= n; v++)
        {
            var e = Opgeslagen(v, $$"""{"coordinator": "J. de Vries {{v}}", "bedrag": 412000.00}""", vorige);
            keten.Add(e);
            vorige = e.Hash!;
        }
        return keten;
    }

    [Fact]
    public void Canonical_json_ignores_key_order_whitespace_escaping_and_number_notation()
    {
        Assert.Equal(
            CanoniekeJson.Van("""{"b": [1, {"y": 2, "x": "ë<"}], "a": 1.50}"""),
            CanoniekeJson.Van("""{ "a":1.5E0,"b":[1.0,{"x":"\u00eb\u003c","y":2}] }"""));
        Assert.Equal("""{"a":1.5,"b":[1,{"x":"ë<","y":2}]}""", CanoniekeJson.Van("""{"b": [1, {"y": 2, "x": "ë<"}], "a": 1.50}"""));
        Assert.NotEqual(CanoniekeJson.Van("""{"a": "1"}"""), CanoniekeJson.Van("""{"a": 1}"""));
    }

    [Fact]
    public void The_hash_is_sha256_hex_and_changes_with_every_covered_part()
    {
        var basis = new Ketenschakel(Stroom, 2, "verkenning_gestart", Moment, "c.devries", "trace", "span", Headers(), """{"coordinator": "J"}""",
            Ketenhash.Genesis);
        var hash = Ketenhash.Bereken(basis);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, Ketenhash.Bereken(basis with { Gegevens = """{ "coordinator" : "J" }""", Tijdstip = Moment.AddTicks(3) }));
        Assert.Equal(hash, Ketenhash.Bereken(basis with { Headers = new Dictionary<string, JsonNode?>(Headers()) { [Ketenhash.Header] = "x" } }));
        var varianten = new[]
        {
            basis with { StroomId = "9a1e2f1c-0000-4000-8000-000000000002" }, basis with { Versie = 3 }, basis with { Type = "x" },
            basis with { Tijdstip = Moment.AddTicks(10) }, basis with { Gebruiker = "x" }, basis with { Gebruiker = null },
            basis with { CorrelatieId = "x" }, basis with { CausatieId = "x" }, basis with { Headers = Headers("x") },
            basis with { Gegevens = """{"coordinator": "K"}""" }, basis with { VorigeHash = new string('1', 64) },
        };
        Assert.All(varianten, v => Assert.NotEqual(hash, Ketenhash.Bereken(v)));
    }

    [Fact]
    public void Timestamps_are_hashed_in_utc_to_the_microsecond()
    {
        Assert.Equal("2026-11-23T10:00:00.000001Z", Ketenhash.Tijdstip(new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.FromHours(1)).AddTicks(19)));
        Assert.Equal(Moment.AddTicks(10), Ketenhash.OpMicroseconde(Moment.AddTicks(19)));
    }

    [Fact]
    public void An_intact_chain_is_ok_with_its_last_hash()
    {
        var keten = Keten(3);
        var uitslag = Ketencontrole.Controleer(keten, 3);
        Assert.True(uitslag.IsOk);
        Assert.Equal(3, uitslag.Versies);
        Assert.Equal(keten[2].Hash, uitslag.LaatsteHash);
        Assert.Equal(Ketenuitslag.Ok, Ketencontrole.Controleer([], 0).Status);
    }

    [Fact]
    public void Changed_data_metadata_or_a_changed_predecessor_breaks_at_that_version()
    {
        var keten = Keten(4);
        Assert.Equal(3, Ketencontrole.Controleer([keten[0], keten[1], keten[2] with { Gegevens = """{"coordinator": "X"}""" }, keten[3]], 4).EersteGebrokenVersie);
        Assert.Equal(2, Ketencontrole.Controleer([keten[0], keten[1] with { Gebruiker = "x" }, keten[2], keten[3]], 4).EersteGebrokenVersie);
        // Re-hashing a changed event itself does not help: the next event was chained to the original hash.
        var herberekend = Opgeslagen(2, """{"coordinator": "X"}""", keten[0].Hash!);
        Assert.Equal(3, Ketencontrole.Controleer([keten[0], herberekend, keten[2], keten[3]], 4).EersteGebrokenVersie);
    }

    [Fact]
    public void Missing_events_missing_hashes_and_unreadable_data_are_breaks_not_crashes()
    {
        var keten = Keten(3);
        Assert.Equal(2, Ketencontrole.Controleer([keten[0], keten[2]], 3).EersteGebrokenVersie);
        Assert.Equal(3, Ketencontrole.Controleer([keten[0], keten[1]], 3).EersteGebrokenVersie);
        var zonderHash = keten[1] with { Headers = Headers() };
        Assert.Equal(2, Ketencontrole.Controleer([keten[0], zonderHash, keten[2]], 3).EersteGebrokenVersie);
        var onleesbaar = Ketencontrole.Controleer([keten[0], keten[1] with { Gegevens = "{not json" }, keten[2]], 3);
        Assert.Equal((Ketenuitslag.Gebroken, (long?)2), (onleesbaar.Status, onleesbaar.EersteGebrokenVersie));
    }
}
