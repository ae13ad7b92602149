using Casus.Domain.Casussen;

namespace Casus.Domain.Tests;

/// <summary><see cref="IntegraleCasus.Versie"/> counts the events applied; a partner takes part from the version of the
/// event that joined it.</summary>
public sealed class EvolveVersionTests
{
    private static ICasusGebeurtenis[] LangeGeschiedenis() =>
    [
        .. Geschiedenis.Evalueren(),
        new Teruggestapt(Stap.Evalueren, Stap.Uitvoeren, "Nieuw pand."),
        new PartnerAangesloten(Organisaties.Belastingdienst),
        new UitvoeringAfgerond(null),
        new EvaluatieVastgelegd("Ook nieuw pand gesloten.", "Geen."),
        new CasusAfgesloten("Klaar.", Voorbeeld.Dag(60)),
    ];

    [Fact]
    public void Each_event_raises_the_version_by_one()
    {
        IntegraleCasus? casus = null;
        var versies = new List<long>();
        foreach (var gebeurtenis in LangeGeschiedenis())
        {
            casus = IntegraleCasus.Evolve(casus, gebeurtenis);
            versies.Add(casus.Versie);
        }

        Assert.Equal(Enumerable.Range(1, LangeGeschiedenis().Length).Select(i => (long)i), versies);
    }

    [Theory]
    [InlineData(Stap.SignaalIngediend, 1)]
    [InlineData(Stap.Verkennen, 2)]
    [InlineData(Stap.InformatieDelenEnAnalyseren, 7)]
    [InlineData(Stap.Uitvoeren, 8)]
    [InlineData(Stap.Evalueren, 11)]
    [InlineData(Stap.Afgesloten, 12)]
    public void The_version_equals_the_number_of_events(Stap stap, long aantal)
    {
        var gebeurtenissen = Geschiedenis.In(stap);

        var casus = IntegraleCasus.Evolve(null, gebeurtenissen);

        Assert.Equal(aantal, gebeurtenissen.Length);
        Assert.Equal(aantal, casus.Versie);
        Assert.Equal(stap, casus.Stap);
    }

    [Fact]
    public void Evolving_a_list_equals_evolving_its_events_one_by_one()
    {
        var ineens = IntegraleCasus.Evolve(null, Geschiedenis.Uitvoeren());
        var casus = IntegraleCasus.Evolve(null, Geschiedenis.Signaal);
        foreach (var gebeurtenis in Geschiedenis.Uitvoeren().Skip(1)) casus = IntegraleCasus.Evolve(casus, gebeurtenis);

        Assert.Equal(ineens.Versie, casus.Versie);
        Assert.Equal(ineens.Stap, casus.Stap);
        Assert.Equal(ineens.Partners, casus.Partners);
        Assert.Equal(ineens.Interventieadviezen, casus.Interventieadviezen);
    }

    [Fact]
    public void Partners_joined_through_opnemen_take_part_from_the_version_of_that_event()
    {
        var casus = Geschiedenis.Casus(Geschiedenis.Opgenomen());

        Assert.Equal(4, casus.Versie);
        Assert.Equal(
            [new Deelnemer(Organisaties.Tilburg, 4), new Deelnemer(Organisaties.Politie, 4)],
            casus.Partners);
    }

    [Fact]
    public void A_partner_joined_later_takes_part_from_the_version_of_its_own_event()
    {
        var casus = Uitkomst.Na(Geschiedenis.CasusIn(Stap.Uitvoeren), new PartnerAansluiten(Organisaties.Belastingdienst));

        Assert.Equal(9, casus.Versie);
        Assert.Equal([4, 4, 9], casus.Partners.Select(p => p.SindsVersie));
        Assert.Equal(new Deelnemer(Organisaties.Belastingdienst, 9), casus.Partners[^1]);
    }

    [Fact]
    public void A_partner_joined_after_a_terugstap_takes_part_from_that_version()
    {
        var casus = Geschiedenis.Casus(LangeGeschiedenis());

        Assert.Equal(13, casus.Partners.Single(p => p.Organisatie == Organisaties.Belastingdienst).SindsVersie);
    }

    [Fact]
    public void Every_accepted_command_yields_exactly_one_event()
    {
        var casus = Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren);
        var versie = casus.Versie;

        foreach (var commando in new ICasusCommando[]
                 {
                     new PartnerAansluiten(Organisaties.Belastingdienst), Voorbeeld.Verzoek(Organisaties.Belastingdienst),
                     Voorbeeld.Bijdrage(Organisaties.Belastingdienst, 2), Voorbeeld.Advies(),
                 })
        {
            casus = Uitkomst.Na(casus, commando);
            Assert.Equal(++versie, casus.Versie);
        }
    }
}
