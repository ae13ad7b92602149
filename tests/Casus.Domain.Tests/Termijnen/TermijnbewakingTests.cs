using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;

namespace Casus.Domain.Tests.Termijnen;

/// <summary>Which terms run, when they pass, and that each is recorded exactly once.</summary>
public sealed class TermijnbewakingTests
{
    private static readonly Termijnbeleid Beleid = new(14, new Dictionary<Stap, int> { [Stap.Verkennen] = 90, [Stap.Evalueren] = 60 }, 30, 7);

    /// <summary>The events applied one a day, from the signaal date on, as the store does (registration day per event).</summary>
    private static IntegraleCasus Casus(params ICasusGebeurtenis[] gebeurtenissen) =>
        gebeurtenissen.Select((g, i) => (g, i)).Aggregate((IntegraleCasus?)null, (c, x) => IntegraleCasus.Evolve(c, x.g, Voorbeeld.Dag(x.i)))!;

    private static IntegraleCasus Na(IntegraleCasus casus, ICasusGebeurtenis gebeurtenis, DateOnly op) => IntegraleCasus.Evolve(casus, gebeurtenis, op);

    private static readonly ICasusGebeurtenis Verzoek = new InformatieVerzocht(2, Organisaties.Politie.Id, "Vraag?", "Grondslag", Voorbeeld.Dag(40));

    private static IntegraleCasus MetVerzoek() => Casus([.. Geschiedenis.Opgenomen(), Verzoek]);

    [Fact]
    public void An_unanswered_request_is_reminded_the_configured_days_before_and_passes_the_day_after_its_last_day()
    {
        var casus = MetVerzoek();

        Assert.Empty(Termijnbewaking.Bewaak(casus, Beleid, Voorbeeld.Dag(32)));
        var nadert = Assert.Single(Termijnbewaking.Bewaak(casus, Beleid, Voorbeeld.Dag(33)));
        Assert.Equal(new TermijnNadert("antwoord-2", TermijnSoort.Antwoord, 2, null, Organisaties.Politie.Id, Voorbeeld.Dag(40)), nadert);
        var herinnerd = IntegraleCasus.Evolve(casus, nadert, Voorbeeld.Dag(33));
        Assert.Empty(Termijnbewaking.Bewaak(herinnerd, Beleid, Voorbeeld.Dag(40)));

        var verstreken = Assert.Single(Termijnbewaking.Bewaak(herinnerd, Beleid, Voorbeeld.Dag(41)));
        Assert.Equal(new TermijnVerstreken("antwoord-2", TermijnSoort.Antwoord, 2, null, Organisaties.Politie.Id, Voorbeeld.Dag(40)), verstreken);
    }

    [Fact]
    public void A_term_found_only_after_it_passed_is_recorded_as_passed_without_a_reminder()
    {
        Assert.Equal([typeof(TermijnVerstreken)], Termijnbewaking.Bewaak(MetVerzoek(), Beleid, Voorbeeld.Dag(41)).Select(g => g.GetType()));
    }

    [Fact]
    public void The_monitoring_looks_again_the_day_a_reminder_is_due_and_after_that_the_day_after_the_last_day()
    {
        var casus = Casus([.. Geschiedenis.Opgenomen(), Verzoek]);
        Assert.Equal(Voorbeeld.Dag(32), Termijnbewaking.Volgende(casus, Beleid));

        var herinnerd = IntegraleCasus.Evolve(casus, Termijnbewaking.Bewaak(casus, Beleid, Voorbeeld.Dag(33)), Voorbeeld.Dag(33));
        Assert.Equal(Voorbeeld.Dag(40), Termijnbewaking.Volgende(herinnerd, Beleid));
    }

    [Fact]
    public void A_passed_term_is_recorded_once_however_often_the_monitoring_looks()
    {
        var casus = MetVerzoek();
        var verstreken = Termijnbewaking.Bewaak(casus, Beleid, Voorbeeld.Dag(41));
        var na = IntegraleCasus.Evolve(casus, verstreken, Voorbeeld.Dag(41));
        Assert.IsType<TermijnVerstreken>(Assert.Single(verstreken));

        Assert.Empty(Termijnbewaking.Bewaak(na, Beleid, Voorbeeld.Dag(41)));
        Assert.Empty(Termijnbewaking.Bewaak(na, Beleid, Voorbeeld.Dag(400)));
        Assert.Equal(["antwoord-2"], na.VerstrekenTermijnen);
    }

    [Fact]
    public void A_request_answered_in_time_produces_nothing()
    {
        var beantwoord = Na(MetVerzoek(), new InformatieGedeeld(1, Organisaties.Politie.Id, InformatieCategorie.Politieel, "Antwoord.", "Grondslag", 2),
            Voorbeeld.Dag(39));

        Assert.DoesNotContain(Termijnbewaking.Lopend(beantwoord, Beleid), t => t.Soort == TermijnSoort.Antwoord);
        Assert.Empty(Termijnbewaking.Bewaak(beantwoord, Beleid, Voorbeeld.Dag(41)));
    }

    [Fact]
    public void A_request_made_before_terms_existed_has_no_term()
    {
        var casus = Casus([.. Geschiedenis.Opgenomen(), new InformatieVerzocht(1, Organisaties.Politie.Id, "Vraag?", "Grondslag")]);

        Assert.DoesNotContain(Termijnbewaking.Lopend(casus, Beleid), t => t.Soort == TermijnSoort.Antwoord);
    }

    [Fact]
    public void An_unregistered_intervention_passes_the_configured_days_after_the_advice_date_and_waits_on_its_partner()
    {
        var casus = Casus(Geschiedenis.Uitvoeren());

        var termijnen = Termijnbewaking.Lopend(casus, Beleid).Where(t => t.Soort == TermijnSoort.Interventie).ToList();
        Assert.Equal([("interventie-1", Organisaties.Tilburg.Id), ("interventie-2", Organisaties.Politie.Id)],
            termijnen.Select(t => (t.Sleutel, t.WachtOp!)));
        Assert.All(termijnen, t => Assert.Equal(Voorbeeld.Dag(10 + 30), t.Uiterlijk));

        var geregistreerd = Na(casus, new InterventieGeregistreerd(1, Instrument.Bestuurlijk, Organisaties.Tilburg.Id, Voorbeeld.Dag(20),
            "Pand gesloten.", new Bedragen(), AdviesNummer: 1), Voorbeeld.Dag(20));
        Assert.Equal(["interventie-2"], Termijnbewaking.Bewaak(geregistreerd, Beleid, Voorbeeld.Dag(41)).Cast<TermijnVerstreken>().Select(t => t.Sleutel));
    }

    [Fact]
    public void A_step_with_a_maximum_passes_that_many_days_after_it_was_entered_and_waits_on_the_riec()
    {
        var casus = Casus(Geschiedenis.Verkennen());

        Assert.Equal(Voorbeeld.Dag(1), casus.StapSinds);
        var termijn = Assert.Single(Termijnbewaking.Lopend(casus, Beleid));
        Assert.Equal(new Termijn("stap-verkennen-2", TermijnSoort.Stapduur, null, Stap.Verkennen, null, Voorbeeld.Dag(91)), termijn);
        Assert.IsType<TermijnNadert>(Assert.Single(Termijnbewaking.Bewaak(casus, Beleid, Voorbeeld.Dag(91))));
        Assert.IsType<TermijnVerstreken>(Assert.Single(Termijnbewaking.Bewaak(casus, Beleid, Voorbeeld.Dag(92))));
    }

    [Fact]
    public void A_step_without_a_configured_maximum_has_no_step_term()
    {
        var casus = Casus(Geschiedenis.Opgenomen());

        Assert.DoesNotContain(Termijnbewaking.Lopend(casus, Beleid), t => t.Soort == TermijnSoort.Stapduur);
    }

    [Fact]
    public void A_casus_that_moved_on_no_longer_has_the_step_term_and_a_back_step_starts_a_new_one()
    {
        var evalueren = Casus(Geschiedenis.Evalueren());
        var eerste = Assert.Single(Termijnbewaking.Lopend(evalueren, Beleid), t => t.Soort == TermijnSoort.Stapduur);

        var terug = Na(evalueren, new Teruggestapt(Stap.Evalueren, Stap.Uitvoeren, "Nog een interventie."), Voorbeeld.Dag(100));
        Assert.DoesNotContain(Termijnbewaking.Lopend(terug, Beleid), t => t.Soort == TermijnSoort.Stapduur);

        var opnieuw = Na(terug, new UitvoeringAfgerond("Klaar."), Voorbeeld.Dag(120));
        var tweede = Assert.Single(Termijnbewaking.Lopend(opnieuw, Beleid), t => t.Soort == TermijnSoort.Stapduur);
        Assert.NotEqual(eerste.Sleutel, tweede.Sleutel);
        Assert.Equal(Voorbeeld.Dag(180), tweede.Uiterlijk);
    }

    [Fact]
    public void An_event_within_a_step_does_not_restart_its_term()
    {
        var casus = Casus(Geschiedenis.Verkennen());
        var na = Na(casus, new SubjectToegevoegd(1, Voorbeeld.Bv), Voorbeeld.Dag(50));

        Assert.Equal((casus.StapSinds, casus.StapSindsVersie), (na.StapSinds, na.StapSindsVersie));
    }

    [Fact]
    public void A_closed_casus_has_no_running_terms()
    {
        var casus = Casus([.. Geschiedenis.Opgenomen(), Verzoek, new CasusAfgesloten("Klaar.", Voorbeeld.Dag(5))]);

        Assert.Empty(Termijnbewaking.Lopend(casus, Beleid));
        Assert.Null(Termijnbewaking.Volgende(casus, Beleid));
    }

    [Fact]
    public void The_next_term_is_the_earliest_one_not_yet_recorded()
    {
        var casus = Casus([.. Geschiedenis.Verkennen(), .. Geschiedenis.Opgenomen()[2..], Verzoek,
            new InformatieVerzocht(3, Organisaties.Tilburg.Id, "Vraag?", "Grondslag", Voorbeeld.Dag(20))]);

        Assert.Equal(Voorbeeld.Dag(20 - 8), Termijnbewaking.Volgende(casus, Beleid));
        var na = IntegraleCasus.Evolve(casus, Termijnbewaking.Bewaak(casus, Beleid, Voorbeeld.Dag(21)), Voorbeeld.Dag(21));
        Assert.Equal(Voorbeeld.Dag(40 - 8), Termijnbewaking.Volgende(na, Beleid));
        Assert.Equal(Voorbeeld.Dag(40 - 8), Termijnbewaking.MetVolgende(na, Beleid).VolgendeTermijn);
    }

    [Theory]
    [InlineData(0, false, false)]
    [InlineData(32, false, false)]
    [InlineData(33, false, true)]
    [InlineData(40, false, true)]
    [InlineData(41, true, false)]
    public void A_term_shows_as_due_soon_within_the_reminder_days_and_as_passed_after_its_last_day(int dag, bool verlopen, bool binnenkort)
    {
        var termijn = new Termijn("antwoord-1", TermijnSoort.Antwoord, 1, null, "x", Voorbeeld.Dag(40));

        Assert.Equal((verlopen, binnenkort), (termijn.IsVerlopen(Voorbeeld.Dag(dag)), termijn.VerlooptBinnenkort(Voorbeeld.Dag(dag), 7)));
    }
}
