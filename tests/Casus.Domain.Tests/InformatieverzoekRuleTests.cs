using Casus.Domain.Casussen;

namespace Casus.Domain.Tests;

/// <summary>A contribution may answer a request: one that exists, is addressed to the contributing partner and is still open.</summary>
public sealed class InformatieverzoekRuleTests
{
    /// <summary>Request 1 (to Politie) is answered by contribution 1; request 2 goes to Tilburg and is open.</summary>
    private static IntegraleCasus MetOpenVerzoekAanTilburg() =>
        Uitkomst.Na(Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Verzoek(Organisaties.Tilburg));

    [Fact]
    public void Answering_a_request_that_does_not_exist_is_refused()
    {
        var schending = Uitkomst.Geweigerd(
            MetOpenVerzoekAanTilburg(), Voorbeeld.Bijdrage(Organisaties.Tilburg, verzoekNummer: 3), Regels.VerzoekOnbekend);

        Assert.Contains("3", schending.Melding);
    }

    [Fact]
    public void Answering_a_request_addressed_to_another_partner_is_refused()
    {
        var schending = Uitkomst.Geweigerd(
            MetOpenVerzoekAanTilburg(), Voorbeeld.Bijdrage(Organisaties.Politie, verzoekNummer: 2), Regels.VerzoekAanAnderePartner);

        Assert.Contains(Organisaties.Tilburg.Id, schending.Melding);
    }

    [Fact]
    public void Answering_a_request_that_was_answered_already_is_refused()
    {
        var schending = Uitkomst.Geweigerd(
            MetOpenVerzoekAanTilburg(), Voorbeeld.Bijdrage(Organisaties.Politie, verzoekNummer: 1), Regels.VerzoekAlBeantwoord);

        Assert.Contains("informatiebijdrage 1", schending.Melding);
    }

    [Fact]
    public void Answering_the_open_request_by_its_partner_is_accepted_and_then_counts_as_answered()
    {
        var casus = Uitkomst.Na(MetOpenVerzoekAanTilburg(), Voorbeeld.Bijdrage(Organisaties.Tilburg, verzoekNummer: 2));

        Assert.Equal(2, casus.Informatieverzoeken.Single(v => v.Nummer == 2).BeantwoordMet);
        Uitkomst.Geweigerd(casus, Voorbeeld.Bijdrage(Organisaties.Tilburg, verzoekNummer: 2), Regels.VerzoekAlBeantwoord);
    }

    [Fact]
    public void A_contribution_without_a_request_number_is_accepted_and_answers_nothing()
    {
        var casus = Uitkomst.Na(MetOpenVerzoekAanTilburg(), Voorbeeld.Bijdrage(Organisaties.Tilburg));

        Assert.Equal([1, null], casus.Informatieverzoeken.Select(v => v.BeantwoordMet));
        Assert.Equal(2, casus.Informatiebijdragen.Count);
    }
}
