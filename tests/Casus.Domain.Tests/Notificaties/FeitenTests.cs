using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Notificaties;
using Casus.Domain.Termijnen;

namespace Casus.Domain.Tests.Notificaties;

/// <summary>Who is told what after a change: only organisations that may see the casus, only about what happened now.</summary>
public sealed class FeitenTests
{
    private static IReadOnlyList<(Feitsoort, string, int?)> Na(ICasusGebeurtenis[] geschiedenis, params ICasusGebeurtenis[] nieuw)
    {
        var voor = Geschiedenis.Casus(geschiedenis);
        var na = IntegraleCasus.Evolve(voor, nieuw);
        return Feiten.Uit(voor, na, nieuw).Select(f => (f.Soort, f.OrganisatieId, f.Nummer)).ToList();
    }

    [Fact]
    public void An_information_request_is_told_to_the_partner_asked_only()
    {
        Assert.Equal([(Feitsoort.InformatieVerzocht, Organisaties.Politie.Id, (int?)2)],
            Na(Geschiedenis.InformatieDelenEnAnalyseren(), new InformatieVerzocht(2, Organisaties.Politie.Id, "V?", "G", Voorbeeld.Dag(30))));
    }

    [Fact]
    public void At_opname_each_partner_is_told_it_joined_and_everyone_taking_part_that_the_step_changed()
    {
        var feiten = Na(Geschiedenis.Verkennen(), new CasusOpgenomen("M.", [Organisaties.Tilburg, Organisaties.Politie], Voorbeeld.Dag(3)));

        Assert.Equal(
            [
                (Feitsoort.PartnerAangesloten, Organisaties.Tilburg.Id, null), (Feitsoort.PartnerAangesloten, Organisaties.Politie.Id, null),
                (Feitsoort.StapGewijzigd, Organisaties.Tilburg.Id, null), (Feitsoort.StapGewijzigd, Organisaties.Politie.Id, null),
            ],
            feiten);
    }

    [Fact]
    public void A_partner_that_joins_later_is_told_only_that_it_joined()
    {
        Assert.Equal([(Feitsoort.PartnerAangesloten, Organisaties.Belastingdienst.Id, (int?)null)],
            Na(Geschiedenis.InformatieDelenEnAnalyseren(), new PartnerAangesloten(Organisaties.Belastingdienst)));
    }

    [Fact]
    public void An_advice_is_told_to_each_partner_advised_and_the_step_change_to_everyone()
    {
        var feiten = Na(Geschiedenis.InformatieDelenEnAnalyseren(), new InterventieadviesUitgebracht(
            [new GeadviseerdeInterventie(1, Instrument.Fiscaal, Organisaties.Politie.Id, "x")], Voorbeeld.Dag(10)));

        Assert.Contains((Feitsoort.InterventieGeadviseerd, Organisaties.Politie.Id, (int?)1), feiten);
        Assert.DoesNotContain(feiten, f => f.Item1 == Feitsoort.InterventieGeadviseerd && f.Item2 != Organisaties.Politie.Id);
        Assert.Equal(2, feiten.Count(f => f.Item1 == Feitsoort.StapGewijzigd));
    }

    [Fact]
    public void A_passed_term_is_told_to_whom_it_waits_on_and_a_step_term_of_the_riec_to_no_partner()
    {
        Assert.Equal([(Feitsoort.TermijnVerstreken, Organisaties.Politie.Id, (int?)1)],
            Na(Geschiedenis.InformatieDelenEnAnalyseren(),
                new TermijnVerstreken("antwoord-1", TermijnSoort.Antwoord, 1, null, Organisaties.Politie.Id, Voorbeeld.Dag(20))));
        Assert.Equal([(Feitsoort.TermijnNadert, Organisaties.Politie.Id, (int?)1)],
            Na(Geschiedenis.InformatieDelenEnAnalyseren(),
                new TermijnNadert("antwoord-1", TermijnSoort.Antwoord, 1, null, Organisaties.Politie.Id, Voorbeeld.Dag(20))));
        Assert.Empty(Na(Geschiedenis.Verkennen(),
            new TermijnVerstreken("stap-verkennen-2", TermijnSoort.Stapduur, null, Stap.Verkennen, null, Voorbeeld.Dag(20))));
    }

    [Fact]
    public void An_organisation_that_may_not_see_the_casus_is_never_told()
    {
        Assert.Empty(Na(Geschiedenis.InformatieDelenEnAnalyseren(),
            new TermijnVerstreken("antwoord-9", TermijnSoort.Antwoord, 9, null, Organisaties.Belastingdienst.Id, Voorbeeld.Dag(20))));
    }

    [Fact]
    public void Closing_is_told_as_closed_and_a_back_step_as_a_step_change()
    {
        Assert.All(Na(Geschiedenis.Evalueren(), new CasusAfgesloten("Klaar.", Voorbeeld.Dag(50))), f => Assert.Equal(Feitsoort.CasusAfgesloten, f.Item1));
        Assert.All(Na(Geschiedenis.Evalueren(), new Teruggestapt(Stap.Evalueren, Stap.Uitvoeren, "R.")), f => Assert.Equal(Feitsoort.StapGewijzigd, f.Item1));
        Assert.NotEmpty(Na(Geschiedenis.Evalueren(), new Teruggestapt(Stap.Evalueren, Stap.Uitvoeren, "R.")));
    }

    [Fact]
    public void A_change_within_a_step_that_concerns_nobody_in_particular_tells_nobody()
    {
        Assert.Equal([(Feitsoort.TermijnNadert, Organisaties.Politie.Id, (int?)1)],
            Na(Geschiedenis.InformatieDelenEnAnalyseren(),
                new TermijnNadert("antwoord-1", TermijnSoort.Antwoord, 1, null, Organisaties.Politie.Id, Voorbeeld.Dag(20))));
        Assert.Empty(Na(Geschiedenis.Verkennen(), new SubjectToegevoegd(1, Voorbeeld.Bv)));
        Assert.Empty(Na(Geschiedenis.InformatieDelenEnAnalyseren(), new AnalyseVastgelegd("A.")));
    }
}
