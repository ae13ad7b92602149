using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>Only joined partners take part (casus.partner-niet-aangesloten); a partner joins once (casus.partner-al-aangesloten).</summary>
public sealed class PartnerRuleTests
{
    private static readonly Organisatie NietAangesloten = Organisaties.Belastingdienst;

    [Fact]
    public void An_information_request_to_a_partner_that_has_not_joined_is_refused()
    {
        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Verzoek(NietAangesloten), Regels.PartnerNietAangesloten);

        Assert.Contains(NietAangesloten.Id, schending.Melding);
    }

    [Fact]
    public void A_contribution_by_a_partner_that_has_not_joined_is_refused()
    {
        Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Bijdrage(NietAangesloten), Regels.PartnerNietAangesloten);
    }

    [Fact]
    public void A_contribution_by_a_partner_that_has_not_joined_is_refused_before_its_request_number_is_checked()
    {
        Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Bijdrage(NietAangesloten, verzoekNummer: 99),
            Regels.PartnerNietAangesloten);
    }

    [Fact]
    public void An_advies_with_a_line_for_a_partner_that_has_not_joined_is_refused_as_a_whole()
    {
        var advies = Voorbeeld.Advies(
            new AdviesRegel(Instrument.Bestuurlijk, Organisaties.Tilburg.Id, "Sluiting pand (art. 13b Opiumwet)."),
            new AdviesRegel(Instrument.Fiscaal, NietAangesloten.Id, "Navorderingsaanslag Vpb."));

        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), advies, Regels.PartnerNietAangesloten);

        Assert.Contains(NietAangesloten.Id, schending.Melding);
    }

    [Fact]
    public void An_intervention_by_a_partner_that_has_not_joined_is_refused()
    {
        Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(NietAangesloten, Instrument.Fiscaal, adviesNummer: null),
            Regels.PartnerNietAangesloten);
    }

    [Fact]
    public void Once_joined_a_partner_may_receive_requests_contribute_be_advised_and_intervene()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren),
            new PartnerAansluiten(NietAangesloten),
            Voorbeeld.Verzoek(NietAangesloten),
            Voorbeeld.Bijdrage(NietAangesloten, verzoekNummer: 2),
            Voorbeeld.Advies(new AdviesRegel(Instrument.Fiscaal, NietAangesloten.Id, "Navorderingsaanslag Vpb.")),
            Voorbeeld.Interventie(NietAangesloten, Instrument.Fiscaal, adviesNummer: 1));

        Assert.Equal(Stap.Uitvoeren, casus.Stap);
        Assert.Equal(NietAangesloten.Id, Assert.Single(casus.Interventies).PartnerId);
    }

    [Fact]
    public void A_partner_that_joined_through_opnemen_cannot_join_again()
    {
        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), new PartnerAansluiten(Organisaties.Politie), Regels.PartnerAlAangesloten);

        Assert.Contains(Organisaties.Politie.Naam, schending.Melding);
    }

    [Fact]
    public void A_partner_that_joined_later_cannot_join_again_in_uitvoeren()
    {
        var casus = Uitkomst.Na(Geschiedenis.CasusIn(Stap.Uitvoeren), new PartnerAansluiten(Organisaties.Belastingdienst));

        Uitkomst.Geweigerd(casus, new PartnerAansluiten(Organisaties.Belastingdienst), Regels.PartnerAlAangesloten);
    }

    [Fact]
    public void A_partner_is_recognised_by_its_id_not_its_name()
    {
        var zelfdeId = Organisaties.Tilburg with { Naam = "Gemeente Tilburg, afdeling Veiligheid" };

        Uitkomst.Geweigerd(Geschiedenis.CasusIn(Stap.Uitvoeren), new PartnerAansluiten(zelfdeId), Regels.PartnerAlAangesloten);
    }
}
