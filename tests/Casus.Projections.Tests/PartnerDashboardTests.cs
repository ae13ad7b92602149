using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Projections.Overzichten;

namespace Casus.Projections.Tests;

/// <summary>How a partner's dashboard takes in the progress of its casussen, without a database.</summary>
public sealed class PartnerDashboardTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);

    private static CasusVoortgang Casus(Guid id, Stap stap, RiecRegio regio = RiecRegio.Limburg) => new()
    {
        Id = id, Regio = regio, Stap = stap,
        Betrokkenen = [new Betrokkene("a", T, T.AddDays(3)), new Betrokkene("b", T, T.AddDays(5))],
        OpenVerzoeken = [new OpenVerzoek(1, "a", T.AddDays(1)), new OpenVerzoek(2, "b", T.AddDays(2))],
        OpenAdviezen = [new OpenAdvies(1, Instrument.Fiscaal, "b", T.AddDays(4)), new OpenAdvies(2, Instrument.Bibob, "a", T.AddDays(4))],
    };

    [Fact]
    public void An_open_casus_shows_only_what_waits_on_this_organisation()
    {
        var id = Guid.NewGuid();
        var dashboard = new PartnerDashboard { Id = "a" };

        dashboard.Verwerk(Casus(id, Stap.Uitvoeren));

        var c = dashboard.Open[id];
        Assert.Equal((RiecRegio.Limburg, Stap.Uitvoeren, T.AddDays(3)), (c.Regio, c.Stap, c.LaatsteActiviteit));
        Assert.Equal([new PartnerVerzoek(1, T.AddDays(1))], c.OpenVerzoeken);
        Assert.Equal([new PartnerAdvies(2, Instrument.Bibob, T.AddDays(4))], c.OpenAdviezen);
    }

    [Fact]
    public void A_later_update_replaces_the_entry()
    {
        var id = Guid.NewGuid();
        var dashboard = new PartnerDashboard { Id = "b" };
        dashboard.Verwerk(Casus(id, Stap.InformatieDelenEnAnalyseren));

        dashboard.Verwerk(Casus(id, Stap.Evalueren) with { OpenVerzoeken = [] });

        Assert.Equal(Stap.Evalueren, dashboard.Open[id].Stap);
        Assert.Empty(dashboard.Open[id].OpenVerzoeken);
        Assert.Single(dashboard.Open);
    }

    [Fact]
    public void A_closed_casus_leaves_the_open_list_and_is_counted_for_its_region()
    {
        var open = Guid.NewGuid();
        var dashboard = new PartnerDashboard { Id = "a" };
        dashboard.Verwerk(Casus(open, Stap.Uitvoeren));
        dashboard.Verwerk(Casus(Guid.NewGuid(), Stap.Verkennen, RiecRegio.Rotterdam));

        dashboard.Verwerk(Casus(open, Stap.Afgesloten));
        dashboard.Verwerk(Casus(Guid.NewGuid(), Stap.Afgesloten));

        Assert.Equal([Stap.Verkennen], dashboard.Open.Values.Select(c => c.Stap));
        Assert.Equal(new Dictionary<RiecRegio, int> { [RiecRegio.Limburg] = 2 }, dashboard.AfgeslotenPerRegio);
    }
}
