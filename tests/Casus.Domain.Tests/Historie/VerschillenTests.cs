using System.Text.Json.Nodes;
using Casus.Domain.Historie;

namespace Casus.Domain.Tests.Historie;

public sealed class VerschillenTests
{
    [Fact]
    public void A_change_reads_as_one_line_with_version_time_actor_type_and_fields()
    {
        var velden = new JsonObject { ["categorie"] = "fiscaal", ["samenvatting"] = new string('a', 200), ["nummer"] = 1 };
        var w = Verschillen.Wijziging(5, "InformatieGedeeld", new DateTimeOffset(2026, 11, 23, 11, 0, 0, TimeSpan.FromHours(1)), "m.belasting",
            "00000001003214369000", "Belastingdienst", velden);
        Assert.StartsWith("v5 2026-11-23 10:00:00 UTC m.belasting (Belastingdienst): InformatieGedeeld — categorie: fiscaal, samenvatting: aaa", w.Regel);
        Assert.EndsWith("…, nummer: 1", w.Regel);
        Assert.Equal("v1 2026-11-23 10:00:00 UTC onbekend: X", Verschillen.Regel(1, "X", new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero), null, null, []));
        Assert.Contains("c.devries (riec-zwb): ", Verschillen.Wijziging(2, "X", default, "c.devries", "riec-zwb", null, []).Regel);
    }

    [Fact]
    public void The_field_diff_lists_only_fields_whose_values_differ()
    {
        var van = JsonNode.Parse("""{"stap": "verkennen", "partners": [], "themas": [{"soort": "x", "naam": null}], "oud": 1}""")!.AsObject();
        var tot = JsonNode.Parse("""{"stap": "uitvoeren", "partners": [{"id": "a"}], "themas": [{"naam": null, "soort": "x"}], "nieuw": true}""")!.AsObject();

        var verschillen = Verschillen.Velden(van, tot);

        Assert.Equal(["stap", "partners", "nieuw", "oud"], verschillen.Select(v => v.Veld));
        Assert.Equal("verkennen", verschillen[0].Van!.GetValue<string>());
        Assert.Null(verschillen[2].Van);
        Assert.Null(verschillen[3].Tot);
        Assert.Equal(["a", "b"], Verschillen.Velden(null, new JsonObject { ["a"] = 1, ["b"] = null }).Select(v => v.Veld));
    }
}
