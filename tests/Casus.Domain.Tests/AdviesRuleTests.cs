using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>The interventieadvies needs the analysis; a registered intervention may only refer to an advised
/// intervention that exists and is for the same partner and instrument.</summary>
public sealed class AdviesRuleTests
{
    [Fact]
    public void An_advies_before_the_analysis_is_refused()
    {
        var casus = Geschiedenis.Casus(Geschiedenis.Opgenomen());
        Assert.Null(casus.Analyse);

        Uitkomst.Geweigerd(casus, Voorbeeld.Advies(), Regels.AnalyseOntbreekt);
    }

    [Fact]
    public void The_missing_analysis_is_reported_before_a_partner_that_has_not_joined()
    {
        var advies = Voorbeeld.Advies(new AdviesRegel(Instrument.Fiscaal, Organisaties.Belastingdienst.Id, "Navorderingsaanslag Vpb."));

        Uitkomst.Geweigerd(Geschiedenis.Casus(Geschiedenis.Opgenomen()), advies, Regels.AnalyseOntbreekt);
    }

    [Fact]
    public void An_advies_after_the_analysis_is_accepted()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.Casus(Geschiedenis.Opgenomen()), new AnalyseVastleggen("Witwassen via vastgoed."), Voorbeeld.Advies());

        Assert.Equal(Stap.Uitvoeren, casus.Stap);
        Assert.Equal("Witwassen via vastgoed.", casus.Analyse);
    }

    [Fact]
    public void A_later_analysis_replaces_the_earlier_one()
    {
        var casus = Uitkomst.Na(Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), new AnalyseVastleggen("Herziene analyse."));

        Assert.Equal("Herziene analyse.", casus.Analyse);
    }

    [Fact]
    public void An_intervention_for_an_advised_intervention_that_does_not_exist_is_refused()
    {
        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Politie, Instrument.Strafrechtelijk, adviesNummer: 3),
            Regels.AdviesOnbekend);

        Assert.Contains("3", schending.Melding);
    }

    [Fact]
    public void An_intervention_by_another_partner_than_advised_is_refused()
    {
        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Politie, Instrument.Bestuurlijk, adviesNummer: 1),
            Regels.AdviesAnderePartnerOfInstrument);

        Assert.Contains(Organisaties.Tilburg.Id, schending.Melding);
    }

    [Fact]
    public void An_intervention_with_another_instrument_than_advised_is_refused()
    {
        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bibob, adviesNummer: 1),
            Regels.AdviesAnderePartnerOfInstrument);

        Assert.Contains(nameof(Instrument.Bestuurlijk), schending.Melding);
    }

    [Fact]
    public void An_intervention_without_an_advised_intervention_is_accepted()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bibob, adviesNummer: null));

        var interventie = Assert.Single(casus.Interventies);
        Assert.Equal(new InterventieGeregistreerd(1, Instrument.Bibob, Organisaties.Tilburg.Id, Voorbeeld.Dag(20), "Uitgevoerd.",
            new Bedragen(Opgelegd: 412000.00m, Beslag: 412000.00m), AdviesNummer: null), interventie);
    }
}
