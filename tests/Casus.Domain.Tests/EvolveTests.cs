using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Privacy;
using Casus.Domain.Termijnen;

namespace Casus.Domain.Tests;

/// <summary>Every event type of the domain (found by reflection) is applied by <see cref="IntegraleCasus.Evolve(IntegraleCasus?, ICasusGebeurtenis)"/>.</summary>
public sealed class EvolveTests
{
    private sealed record Voorbeeldgebeurtenis(ICasusGebeurtenis[] Voor, ICasusGebeurtenis Gebeurtenis, Stap Na, Action<IntegraleCasus> Controle);

    private static readonly IReadOnlyList<Voorbeeldgebeurtenis> Voorbeelden =
    [
        new([], Geschiedenis.Signaal, Stap.SignaalIngediend, c =>
        {
            Assert.Equal(Voorbeeld.CasusId, c.Id);
            Assert.Equal(RiecRegio.TaskforceBrabantZeeland, c.Regio);
            Assert.Equal(Organisaties.Tilburg, c.Indiener);
            Assert.Equal(Voorbeeld.SignaalDatum, c.SignaalDatum);
            Assert.Equal(Voorbeeld.Themas, c.Themas);
            Assert.False(c.UitOndermijningsbeeld);
        }),
        new(Geschiedenis.SignaalIngediend(), new VerkenningGestart("J. de Vries"), Stap.Verkennen,
            c => Assert.Equal("J. de Vries", c.Coordinator)),
        new(Geschiedenis.Verkennen(), new CasusOpgenomen("Motivering.", [Organisaties.Politie], Voorbeeld.Dag(2)), Stap.InformatieDelenEnAnalyseren,
            c => Assert.Equal([new Deelnemer(Organisaties.Politie, 3)], c.Partners)),
        new(Geschiedenis.Verkennen(), new CasusNietOpgenomen("Geen ondermijning.", Voorbeeld.Dag(2)), Stap.Afgesloten,
            c => Assert.Equal(new Afsluitgegevens("Geen ondermijning.", Voorbeeld.Dag(2), true), c.Afsluiting)),
        new(Geschiedenis.Opgenomen(), new PartnerAangesloten(Organisaties.Belastingdienst), Stap.InformatieDelenEnAnalyseren,
            c => Assert.Equal(new Deelnemer(Organisaties.Belastingdienst, 5), c.Partners[^1])),
        new(Geschiedenis.Verkennen(), new SubjectToegevoegd(1, Voorbeeld.Huurder), Stap.Verkennen,
            c => Assert.Equal([new SubjectToegevoegd(1, Voorbeeld.Huurder)], c.Subjecten)),
        new(Geschiedenis.Opgenomen(), new InformatieVerzocht(1, Organisaties.Tilburg.Id, "Vraag?", "Grondslag"), Stap.InformatieDelenEnAnalyseren,
            c => Assert.Equal([new Informatieverzoek(1, Organisaties.Tilburg.Id, "Vraag?", "Grondslag", null, null)], c.Informatieverzoeken)),
        new(Geschiedenis.InformatieDelenEnAnalyseren(),
            new InformatieGedeeld(2, Organisaties.Tilburg.Id, InformatieCategorie.OpenBronnen, "Nieuws.", "Grondslag", null),
            Stap.InformatieDelenEnAnalyseren, c => Assert.Equal([1, 2], c.Informatiebijdragen.Select(b => b.Nummer))),
        new(Geschiedenis.Opgenomen(), new AnalyseVastgelegd("Analyse."), Stap.InformatieDelenEnAnalyseren,
            c => Assert.Equal("Analyse.", c.Analyse)),
        new(Geschiedenis.InformatieDelenEnAnalyseren(),
            new InterventieadviesUitgebracht([new GeadviseerdeInterventie(1, Instrument.Fiscaal, Organisaties.Politie.Id, "Melding.")], Voorbeeld.Dag(10)),
            Stap.Uitvoeren, c => Assert.Equal(Instrument.Fiscaal, Assert.Single(c.Interventieadviezen).Instrument)),
        new(Geschiedenis.Uitvoeren(),
            new InterventieGeregistreerd(1, Instrument.Overig, Organisaties.Tilburg.Id, Voorbeeld.Dag(9), "Gesprek.", new Bedragen(), null),
            Stap.Uitvoeren, c => Assert.Equal("Gesprek.", Assert.Single(c.Interventies).Resultaat)),
        new(Geschiedenis.Uitvoeren(), new UitvoeringAfgerond("Klaar."), Stap.Evalueren, c => Assert.False(c.EvaluatieInDezeRonde)),
        new(Geschiedenis.UitvoeringAfgerond(), new EvaluatieVastgelegd("Effect.", "Lessen."), Stap.Evalueren, c =>
        {
            Assert.True(c.EvaluatieInDezeRonde);
            Assert.Equal([new EvaluatieVastgelegd("Effect.", "Lessen.")], c.Evaluaties);
        }),
        new(Geschiedenis.Evalueren(), new Teruggestapt(Stap.Evalueren, Stap.InformatieDelenEnAnalyseren, "Reden."),
            Stap.InformatieDelenEnAnalyseren, c => Assert.Single(c.Evaluaties)),
        new(Geschiedenis.Evalueren(), new CasusAfgesloten("Klaar.", Voorbeeld.Dag(50)), Stap.Afgesloten,
            c => Assert.Equal(new Afsluitgegevens("Klaar.", Voorbeeld.Dag(50), false), c.Afsluiting)),
        new(Geschiedenis.InformatieDelenEnAnalyseren(),
            new TermijnVerstreken("antwoord-1", TermijnSoort.Antwoord, 1, null, Organisaties.Politie.Id, Voorbeeld.Dag(20)),
            Stap.InformatieDelenEnAnalyseren, c => Assert.Equal(["antwoord-1"], c.VerstrekenTermijnen)),
        new(Geschiedenis.InformatieDelenEnAnalyseren(),
            new TermijnNadert("antwoord-1", TermijnSoort.Antwoord, 1, null, Organisaties.Politie.Id, Voorbeeld.Dag(20)),
            Stap.InformatieDelenEnAnalyseren, c => Assert.Equal(["antwoord-1"], c.NaderendeTermijnen)),
        new(Geschiedenis.Opgenomen(), new SubjectGerectificeerd(1, Voorbeeld.Huurder, "Reden.", Voorbeeld.Dag(5), false), Stap.InformatieDelenEnAnalyseren,
            c => Assert.Equal([new SubjectToegevoegd(1, Voorbeeld.Huurder)], c.Subjecten)),
        new(Geschiedenis.Opgenomen(), new SubjectGewist(1, Guid.Empty, Wisgrond.Onrechtmatig, Voorbeeld.Dag(5), false), Stap.InformatieDelenEnAnalyseren,
            c => Assert.Equal([new SubjectToegevoegd(1, new VernietigdSubject(Voorbeeld.Dag(5)))], c.Subjecten)),
        new(Geschiedenis.Afgesloten(), new PersoonsgegevensVernietigd(Guid.Empty, new DateOnly(2032, 1, 1), [Gegevenscategorie.VrijeTekst],
                "casus-afgesloten@2", "60 maanden na afsluiten", new DateOnly(2031, 12, 12)), Stap.Afgesloten,
            c => Assert.Equal(new DateOnly(2032, 1, 1), c.Vernietiging!.Datum)),
    ];

    private static IEnumerable<Type> GebeurtenisTypes() =>
        typeof(ICasusGebeurtenis).Assembly.GetTypes()
            .Where(t => typeof(ICasusGebeurtenis).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false });

    public static TheoryData<string> AlleGebeurtenisTypes() => new(GebeurtenisTypes().Select(t => t.FullName!));

    public static TheoryData<string> GebeurtenisTypesBehalveSignaal() =>
        new(GebeurtenisTypes().Where(t => t != typeof(SignaalIngediend)).Select(t => t.FullName!));

    private static Voorbeeldgebeurtenis VoorbeeldVan(string type)
    {
        var voorbeeld = Voorbeelden.SingleOrDefault(v => v.Gebeurtenis.GetType().FullName == type);
        Assert.True(voorbeeld is not null, $"No example of {type} in {nameof(EvolveTests)}: add one.");
        return voorbeeld;
    }

    [Fact]
    public void The_domain_has_the_known_event_types_and_each_has_one_example()
    {
        Assert.Equal(20, GebeurtenisTypes().Count());
        Assert.Equal(
            GebeurtenisTypes().Select(t => t.FullName).Order(),
            Voorbeelden.Select(v => v.Gebeurtenis.GetType().FullName).Order());
    }

    [Theory]
    [MemberData(nameof(AlleGebeurtenisTypes))]
    public void Every_event_type_is_applied_raising_the_version_and_setting_its_step_and_state(string type)
    {
        var voorbeeld = VoorbeeldVan(type);
        var voor = voorbeeld.Voor.Length == 0 ? null : Geschiedenis.Casus(voorbeeld.Voor);

        var na = IntegraleCasus.Evolve(voor, voorbeeld.Gebeurtenis);

        Assert.Equal((voor?.Versie ?? 0) + 1, na.Versie);
        Assert.Equal(voorbeeld.Na, na.Stap);
        voorbeeld.Controle(na);
    }

    [Theory]
    [MemberData(nameof(GebeurtenisTypesBehalveSignaal))]
    public void Any_event_but_signaal_ingediend_without_a_casus_throws(string type)
    {
        var gebeurtenis = VoorbeeldVan(type).Gebeurtenis;

        var fout = Assert.Throws<InvalidOperationException>(() => IntegraleCasus.Evolve(null, gebeurtenis));

        Assert.Contains(gebeurtenis.GetType().Name, fout.Message);
        Assert.Contains(nameof(SignaalIngediend), fout.Message);
    }

    private sealed record OnbekendeGebeurtenis : ICasusGebeurtenis;

    [Fact]
    public void An_event_type_evolve_does_not_know_throws()
    {
        var fout = Assert.Throws<InvalidOperationException>(
            () => IntegraleCasus.Evolve(Geschiedenis.CasusIn(Stap.Uitvoeren), new OnbekendeGebeurtenis()));

        Assert.Contains(nameof(OnbekendeGebeurtenis), fout.Message);
    }

    [Fact]
    public void A_second_signaal_ingediend_on_an_existing_casus_throws_instead_of_starting_over()
    {
        var casus = Geschiedenis.CasusIn(Stap.Uitvoeren);
        var tweede = (SignaalIngediend)Beslisser.Beslis(null, Voorbeeld.SignaalIndienen()).Gebeurtenissen.Single();

        var fout = Assert.Throws<InvalidOperationException>(() => IntegraleCasus.Evolve(casus, tweede));

        Assert.Contains(casus.Versie.ToString(), fout.Message);
    }

    [Fact]
    public void Evolving_no_events_onto_no_casus_throws()
    {
        Assert.Throws<InvalidOperationException>(() => IntegraleCasus.Evolve(null, Array.Empty<ICasusGebeurtenis>()));
    }

    [Fact]
    public void Answering_a_request_sets_its_beantwoord_met_to_the_contribution_number_and_leaves_other_requests_open()
    {
        var casus = Geschiedenis.Casus(
        [
            .. Geschiedenis.Opgenomen(),
            new InformatieVerzocht(1, Organisaties.Politie.Id, "Vraag 1?", "Grondslag"),
            new InformatieVerzocht(2, Organisaties.Tilburg.Id, "Vraag 2?", "Grondslag"),
            new InformatieGedeeld(1, Organisaties.Politie.Id, InformatieCategorie.Politieel, "Los.", "Grondslag", null),
            new InformatieGedeeld(2, Organisaties.Tilburg.Id, InformatieCategorie.Bestuurlijk, "Antwoord.", "Grondslag", VerzoekNummer: 2),
        ]);

        Assert.Equal([null, 2], casus.Informatieverzoeken.Select(v => v.BeantwoordMet));
    }

    [Fact]
    public void Signaal_indienen_records_each_theme_once()
    {
        var commando = Voorbeeld.SignaalIndienen() with
        {
            Themas = [new Thema(ThemaSoort.Witwassen), new Thema(ThemaSoort.Regionaal, "Haven"), new Thema(ThemaSoort.Witwassen)],
        };

        var casus = Uitkomst.Na(null, commando);

        Assert.Equal([new Thema(ThemaSoort.Witwassen), new Thema(ThemaSoort.Regionaal, "Haven")], casus.Themas);
        Assert.Equal(1, casus.Versie);
        Assert.Equal(Stap.SignaalIngediend, casus.Stap);
    }
}
