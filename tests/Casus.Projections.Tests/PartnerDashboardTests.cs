using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Projections.Overzichten;

namespace Casus.Projections.Tests;

/// <summary>How the progress of a casus becomes the dashboard row of each organisation taking part, without a database.</summary>
public sealed class PartnerDashboardTests
{
    private static readonly DateTimeOffset T = new(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
    private static DateOnly D(int dag) => new(2026, 5, dag);
    private static readonly Guid Id = Guid.Parse("6f1c2a0e-3b7d-4d8e-9a51-2c4b8e0f7a13");

    private static CasusVoortgang Casus(Stap stap) => new()
    {
        Id = Id, Regio = RiecRegio.Limburg, Stap = stap,
        Betrokkenen = [new Betrokkene("gm-a|x", T, T.AddDays(3)), new Betrokkene("b", T, T.AddDays(5))],
        OpenVerzoeken = [new OpenVerzoek(1, "gm-a|x", T.AddDays(1), D(15)), new OpenVerzoek(2, "b", T.AddDays(2), null)],
        OpenAdviezen = [new OpenAdvies(1, Instrument.Fiscaal, "b", T.AddDays(4), D(4)), new OpenAdvies(2, Instrument.Bibob, "gm-a|x", T.AddDays(4), D(3))],
    };

    [Fact]
    public void An_open_casus_shows_only_what_waits_on_this_organisation()
    {
        var rij = PartnerCasus.Van(Casus(Stap.Uitvoeren), "gm-a|x");

        Assert.Equal(("gm-a|x|" + Id, "gm-a|x", Id), (rij.Id, rij.OrganisatieId, rij.CasusId));
        Assert.Equal((RiecRegio.Limburg, Stap.Uitvoeren, T.AddDays(3), true), (rij.Regio, rij.Stap, rij.LaatsteActiviteit, rij.Wacht));
        Assert.Equal([new PartnerVerzoek(1, T.AddDays(1), D(15))], rij.OpenVerzoeken);
        Assert.Equal([new PartnerAdvies(2, Instrument.Bibob, T.AddDays(4), D(3))], rij.OpenAdviezen);
        Assert.Equal("gm-a|x", PartnerCasus.OrganisatieVan(rij.Id));
    }

    [Fact]
    public void Nothing_waits_when_the_organisation_has_no_open_request_or_advice()
    {
        var rij = PartnerCasus.Van(Casus(Stap.Evalueren) with { OpenVerzoeken = [], OpenAdviezen = [] }, "b");

        Assert.False(rij.Wacht);
        Assert.Empty(rij.OpenVerzoeken);
    }

    [Fact]
    public void A_closed_casus_keeps_its_row_without_anything_waiting()
    {
        var rij = PartnerCasus.Van(Casus(Stap.Afgesloten), "b");

        Assert.Equal((Stap.Afgesloten, false), (rij.Stap, rij.Wacht));
        Assert.Empty(rij.OpenVerzoeken);
        Assert.Empty(rij.OpenAdviezen);
    }
}
