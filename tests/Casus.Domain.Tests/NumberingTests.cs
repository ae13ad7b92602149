using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>Subjects, requests, contributions, advised interventions and interventions are numbered 1, 2, 3, ... per casus;
/// advised interventions continue their numbering across adviezen.</summary>
public sealed class NumberingTests
{
    private static readonly NatuurlijkPersoon Bestuurder = new("Karel", "de Bruin", new DateOnly(1975, 1, 9), "123456782");
    private static readonly ObjectLocatie Pand = new("5038AB", 12, null, "Bedrijfspand");

    [Fact]
    public void Subjects_are_numbered_in_order_across_steps()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.CasusIn(Stap.Verkennen),
            new SubjectToevoegen(Voorbeeld.Bv), new SubjectToevoegen(Voorbeeld.Huurder), Voorbeeld.Opnemen(),
            new SubjectToevoegen(Bestuurder), new AnalyseVastleggen("Analyse."), Voorbeeld.Advies(), new SubjectToevoegen(Pand));

        Assert.Equal([1, 2, 3, 4], casus.Subjecten.Select(s => s.Nummer));
        Assert.Equal(new Subject[] { Voorbeeld.Bv, Voorbeeld.Huurder, Bestuurder, Pand }, casus.Subjecten.Select(s => s.Subject));
    }

    [Fact]
    public void Requests_and_contributions_are_numbered_separately_in_order()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.Casus(Geschiedenis.Opgenomen()),
            Voorbeeld.Verzoek(Organisaties.Politie), Voorbeeld.Verzoek(Organisaties.Tilburg), Voorbeeld.Verzoek(Organisaties.Politie),
            Voorbeeld.Bijdrage(Organisaties.Politie, verzoekNummer: 3), Voorbeeld.Bijdrage(Organisaties.Tilburg));

        Assert.Equal([1, 2, 3], casus.Informatieverzoeken.Select(v => v.Nummer));
        Assert.Equal([1, 2], casus.Informatiebijdragen.Select(b => b.Nummer));
        Assert.Equal([null, null, 1], casus.Informatieverzoeken.Select(v => v.BeantwoordMet));
    }

    [Fact]
    public void Advised_interventions_are_numbered_within_an_advies()
    {
        var gebeurtenis = Assert.Single(Uitkomst.Aanvaard(
            Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren),
            Voorbeeld.Advies(
                new AdviesRegel(Instrument.Bestuurlijk, Organisaties.Tilburg.Id, "Sluiting pand."),
                new AdviesRegel(Instrument.Bibob, Organisaties.Tilburg.Id, "Bibob-toets vergunning."),
                new AdviesRegel(Instrument.Strafrechtelijk, Organisaties.Politie.Id, "Opsporing."))));

        var advies = Assert.IsType<InterventieadviesUitgebracht>(gebeurtenis);
        Assert.Equal(
            [
                new GeadviseerdeInterventie(1, Instrument.Bestuurlijk, Organisaties.Tilburg.Id, "Sluiting pand."),
                new GeadviseerdeInterventie(2, Instrument.Bibob, Organisaties.Tilburg.Id, "Bibob-toets vergunning."),
                new GeadviseerdeInterventie(3, Instrument.Strafrechtelijk, Organisaties.Politie.Id, "Opsporing."),
            ],
            advies.Interventies);
    }

    [Fact]
    public void Advised_interventions_continue_their_numbers_in_an_advies_after_a_terugstap()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.CasusIn(Stap.Evalueren),
            Voorbeeld.Terug(Stap.InformatieDelenEnAnalyseren),
            Voorbeeld.AdviesOp(Voorbeeld.Dag(30),
                new AdviesRegel(Instrument.Fiscaal, Organisaties.Politie.Id, "Melding aan Belastingdienst."),
                new AdviesRegel(Instrument.Overig, Organisaties.Tilburg.Id, "Huisbezoek.")));

        Assert.Equal([1, 2, 3, 4], casus.Interventieadviezen.Select(a => a.Nummer));
        Assert.Equal(Instrument.Fiscaal, casus.Interventieadviezen.Single(a => a.Nummer == 3).Instrument);

        var na = Uitkomst.Na(casus, Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Overig, adviesNummer: 4, Voorbeeld.Dag(35)));
        Assert.Equal(4, na.Interventies[^1].AdviesNummer);
    }

    [Fact]
    public void Interventions_are_numbered_in_order_across_rounds()
    {
        var casus = Uitkomst.Na(
            Geschiedenis.CasusIn(Stap.Evalueren),
            Voorbeeld.Terug(Stap.Uitvoeren),
            Voorbeeld.Interventie(Organisaties.Politie, Instrument.Strafrechtelijk, adviesNummer: 2),
            Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bestuurlijk, adviesNummer: 1));

        Assert.Equal([1, 2, 3], casus.Interventies.Select(i => i.Nummer));
        Assert.Equal([1, 2, 1], casus.Interventies.Select(i => i.AdviesNummer));
    }
}
