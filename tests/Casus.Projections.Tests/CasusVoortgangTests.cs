using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Projections.Overzichten;

namespace Casus.Projections.Tests;

/// <summary>How a casus's events make its progress for the overviews, without a database.</summary>
public sealed class CasusVoortgangTests
{
    private static readonly Organisatie Tilburg = new("gm-tilburg", "Gemeente Tilburg", PartnerType.Gemeente);
    private static readonly Organisatie Politie = new("pol-zwb", "Politie Zeeland-West-Brabant", PartnerType.Politie);
    private static readonly Organisatie Bd = new("bd", "Belastingdienst", PartnerType.Belastingdienst);
    private const string Riec = "riec-zwb";
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static DateTimeOffset Dag(int n) => T0.AddDays(n);

    private static SignaalIngediend Signaal(Organisatie indiener, bool ondermijningsbeeld = false) =>
        new(Guid.NewGuid(), RiecRegio.TaskforceBrabantZeeland, indiener, new DateOnly(2026, 1, 5), "x",
            [new Thema(ThemaSoort.Witwassen), new Thema(ThemaSoort.Regionaal, "a"), new Thema(ThemaSoort.Regionaal, "b")], ondermijningsbeeld);

    /// <summary>Tilburg's signaal, taken up on day 10 with Tilburg and Politie by the RIEC.</summary>
    private static CasusVoortgang Opgenomen()
    {
        var v = CasusVoortgang.Na(null, Signaal(Tilburg), T0, Tilburg.Id);
        v = CasusVoortgang.Na(v, new VerkenningGestart("c"), Dag(2), Riec);
        return CasusVoortgang.Na(v, new CasusOpgenomen("m", [Tilburg, Politie], new DateOnly(2026, 1, 15)), Dag(10), Riec);
    }

    [Theory]
    [InlineData(PartnerType.Gemeente, false, Signaalbron.Gemeente)]
    [InlineData(PartnerType.OpenbaarMinisterie, false, Signaalbron.OpenbaarMinisterie)]
    [InlineData(PartnerType.Politie, false, Signaalbron.Politie)]
    [InlineData(PartnerType.Belastingdienst, false, Signaalbron.Belastingdienst)]
    [InlineData(PartnerType.Toeslagen, false, Signaalbron.Overig)]
    [InlineData(PartnerType.Fiod, false, Signaalbron.Overig)]
    [InlineData(PartnerType.Riec, true, Signaalbron.Ondermijningsbeeld)]
    [InlineData(PartnerType.Politie, true, Signaalbron.Ondermijningsbeeld)]
    public void The_source_is_the_ondermijningsbeeld_first_then_the_submitters_type(PartnerType type, bool ondermijningsbeeld, Signaalbron bron) =>
        Assert.Equal(bron, CasusVoortgang.BronVan(Signaal(new Organisatie("o", "O", type), ondermijningsbeeld)));

    [Fact]
    public void Every_organisation_that_brought_the_signaal_in_is_a_source_once_the_riec_and_liec_none()
    {
        var politie2 = new Organisatie("pol-le", "Politie Landelijke Eenheid", PartnerType.Politie);
        var riec = new Organisatie(Riec, "RIEC", PartnerType.Riec);
        var liec = new Organisatie("liec", "LIEC", PartnerType.Liec);
        var fiod = new Organisatie("fiod", "FIOD", PartnerType.Fiod);

        Assert.Equal([Signaalbron.Gemeente, Signaalbron.Politie, Signaalbron.Politie, Signaalbron.Overig],
            CasusVoortgang.BronnenVan(Signaal(Tilburg) with { Bronnen = [Politie, politie2, Politie, Tilburg, liec, fiod] }));
        Assert.Equal([Signaalbron.Ondermijningsbeeld], CasusVoortgang.BronnenVan(Signaal(riec) with { OndermijningsbeeldId = Guid.NewGuid() }));
        Assert.Empty(CasusVoortgang.BronnenVan(Signaal(riec)));
        Assert.Equal(Signaalbron.Overig, CasusVoortgang.BronVan(Signaal(riec)));
        Assert.Empty(CasusVoortgang.Na(null, Signaal(riec), T0, Riec).Bronnen);
    }

    [Fact]
    public void The_day_a_step_was_entered_is_its_business_date_and_for_old_events_the_day_of_their_time()
    {
        var v = CasusVoortgang.Na(Opgenomen(), new AnalyseVastgelegd("a", new DateOnly(2026, 1, 16)), Dag(30), Riec);
        v = CasusVoortgang.Na(v, new InterventieadviesUitgebracht([new GeadviseerdeInterventie(1, Instrument.Fiscaal, Bd.Id, "x")], new DateOnly(2026, 1, 20)), Dag(40), Riec);
        Assert.Equal((Dag(40), new DateOnly(2026, 1, 20)), (v.StapSinds, v.StapSindsDatum));

        var oud = CasusVoortgang.Na(v, new UitvoeringAfgerond("klaar"), Dag(50), Riec);
        Assert.Equal(DateOnly.FromDateTime(Dag(50).UtcDateTime), oud.StapSindsDatum);
        Assert.Equal(new DateOnly(2026, 1, 15), Opgenomen().StapSindsDatum);
    }

    [Fact]
    public void A_signaal_starts_the_progress_with_the_submitter_taking_part_and_each_theme_once()
    {
        var v = CasusVoortgang.Na(null, Signaal(Tilburg), T0, Tilburg.Id);

        Assert.Equal((Stap.SignaalIngediend, T0, 1L), (v.Stap, v.StapSinds, v.Versie));
        Assert.Equal([ThemaSoort.Witwassen, ThemaSoort.Regionaal], v.Themas);
        Assert.Equal([new Betrokkene(Tilburg.Id, T0, T0)], v.Betrokkenen);
    }

    [Fact]
    public void Opname_adds_the_partners_and_counts_as_activity_for_the_submitter_named_again()
    {
        var v = Opgenomen();

        Assert.Equal((Stap.InformatieDelenEnAnalyseren, Dag(10), new DateOnly(2026, 1, 15)), (v.Stap, v.StapSinds, v.OpgenomenOp));
        Assert.Equal([new Betrokkene(Tilburg.Id, T0, Dag(10)), new Betrokkene(Politie.Id, Dag(10), Dag(10))], v.Betrokkenen);
    }

    [Fact]
    public void A_request_is_open_until_a_contribution_answers_it_and_counts_as_activity_of_the_partner_asked()
    {
        var v = CasusVoortgang.Na(Opgenomen(), new InformatieVerzocht(1, Politie.Id, "v", "g", new DateOnly(2026, 6, 1)), Dag(20), Riec);
        v = CasusVoortgang.Na(v, new InformatieVerzocht(2, Tilburg.Id, "v", "g"), Dag(21), Riec);

        Assert.Equal([new OpenVerzoek(1, Politie.Id, Dag(20), new DateOnly(2026, 6, 1)), new OpenVerzoek(2, Tilburg.Id, Dag(21), null)], v.OpenVerzoeken);
        Assert.Equal(Dag(20), v.Betrokkenen.Single(b => b.OrganisatieId == Politie.Id).LaatsteActiviteit);

        var zonderVerzoek = CasusVoortgang.Na(v, new InformatieGedeeld(1, Politie.Id, InformatieCategorie.Politieel, "s", "g", null), Dag(25), Politie.Id);
        Assert.Equal(2, zonderVerzoek.OpenVerzoeken.Count);
        Assert.Equal(Dag(25), zonderVerzoek.Betrokkenen.Single(b => b.OrganisatieId == Politie.Id).LaatsteActiviteit);
        var beantwoord = CasusVoortgang.Na(zonderVerzoek, new InformatieGedeeld(2, Politie.Id, InformatieCategorie.Politieel, "s", "g", 1), Dag(26), Politie.Id);
        Assert.Equal([new OpenVerzoek(2, Tilburg.Id, Dag(21), null)], beantwoord.OpenVerzoeken);
    }

    [Fact]
    public void An_advice_opens_one_intervention_per_line_until_one_naming_it_is_registered()
    {
        var v = CasusVoortgang.Na(Opgenomen(), new AnalyseVastgelegd("a"), Dag(30), Riec);
        v = CasusVoortgang.Na(v, new PartnerAangesloten(Bd), Dag(31), Riec);
        v = CasusVoortgang.Na(v, new InterventieadviesUitgebracht(
        [
            new GeadviseerdeInterventie(1, Instrument.Bibob, Tilburg.Id, "o"), new GeadviseerdeInterventie(2, Instrument.Fiscaal, Bd.Id, "o"),
        ], new DateOnly(2026, 2, 10)), Dag(36), Riec);

        Assert.Equal((Stap.Uitvoeren, Dag(36)), (v.Stap, v.StapSinds));
        Assert.Equal([new AdviesTelling(new DateOnly(2026, 2, 10), Instrument.Bibob), new AdviesTelling(new DateOnly(2026, 2, 10), Instrument.Fiscaal)],
            v.Adviezen);
        Assert.Equal([1, 2], v.OpenAdviezen.Select(a => a.Nummer));
        Assert.Equal(Dag(36), v.Betrokkenen.Single(b => b.OrganisatieId == Bd.Id).LaatsteActiviteit);

        var zonderAdvies = CasusVoortgang.Na(v, new InterventieGeregistreerd(1, Instrument.Fiscaal, Bd.Id, new DateOnly(2026, 3, 1), "r",
            new Bedragen(Opgelegd: 100m), null), Dag(50), Bd.Id);
        Assert.Equal([1, 2], zonderAdvies.OpenAdviezen.Select(a => a.Nummer));
        var geregistreerd = CasusVoortgang.Na(zonderAdvies, new InterventieGeregistreerd(2, Instrument.Fiscaal, Bd.Id, new DateOnly(2026, 3, 2), "r",
            new Bedragen(Opgelegd: 200m, GeindOfVerrekend: 50m), 2), Dag(51), Bd.Id);
        Assert.Equal([1], geregistreerd.OpenAdviezen.Select(a => a.Nummer));
        Assert.Equal([new Opbrengst(new DateOnly(2026, 3, 1), 100m, 0m, 0m), new Opbrengst(new DateOnly(2026, 3, 2), 200m, 50m, 0m)],
            geregistreerd.Opbrengsten);
    }

    [Fact]
    public void Step_changes_set_the_step_and_since_when_and_closing_sets_the_closing_date()
    {
        var v = CasusVoortgang.Na(Opgenomen(), new AnalyseVastgelegd("a"), Dag(30), Riec);
        v = CasusVoortgang.Na(v, new InterventieadviesUitgebracht([new GeadviseerdeInterventie(1, Instrument.Overig, Politie.Id, "o")],
            new DateOnly(2026, 2, 1)), Dag(31), Riec);
        v = CasusVoortgang.Na(v, new UitvoeringAfgerond(null), Dag(40), Riec);
        Assert.Equal((Stap.Evalueren, Dag(40)), (v.Stap, v.StapSinds));
        v = CasusVoortgang.Na(v, new EvaluatieVastgelegd("e", "l"), Dag(41), Riec);
        Assert.Equal(Dag(40), v.StapSinds);
        v = CasusVoortgang.Na(v, new Teruggestapt(Stap.Evalueren, Stap.InformatieDelenEnAnalyseren, "r"), Dag(42), Riec);
        Assert.Equal((Stap.InformatieDelenEnAnalyseren, Dag(42)), (v.Stap, v.StapSinds));

        var gesloten = CasusVoortgang.Na(v, new CasusAfgesloten("klaar", new DateOnly(2026, 3, 3)), Dag(60), Riec);
        Assert.Equal((Stap.Afgesloten, new DateOnly(2026, 3, 3), 9L), (gesloten.Stap, gesloten.AfgeslotenOp, gesloten.Versie));
    }

    [Fact]
    public void Not_taken_up_closes_the_casus_without_an_opname_date()
    {
        var v = CasusVoortgang.Na(CasusVoortgang.Na(null, Signaal(Tilburg), T0, Tilburg.Id), new VerkenningGestart("c"), Dag(1), Riec);

        var gesloten = CasusVoortgang.Na(v, new CasusNietOpgenomen("geen", new DateOnly(2026, 1, 20)), Dag(15), Riec);

        Assert.Equal((Stap.Afgesloten, (DateOnly?)new DateOnly(2026, 1, 20), (DateOnly?)null), (gesloten.Stap, gesloten.AfgeslotenOp, gesloten.OpgenomenOp));
    }

    [Fact]
    public void Only_organisations_taking_part_have_activity_the_riec_bureau_is_not_tracked()
    {
        var v = CasusVoortgang.Na(Opgenomen(), new SubjectToegevoegd(1, new Rechtspersoon("12345678", "B.V.")), Dag(12), Riec);

        Assert.DoesNotContain(v.Betrokkenen, b => b.OrganisatieId == Riec);
        Assert.Equal(Dag(12), v.LaatsteGebeurtenis);
        Assert.Equal(Dag(10), v.Betrokkenen.Max(b => b.LaatsteActiviteit));
    }
}
