using System.Text.Json;
using System.Text.Json.Serialization;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>Business dates: every step command is dated, not before the signaal (casus.datum-voor-signaal) nor before the
/// step it follows (casus.datum-voor-vorige-stap); the state, its step term and its latest date follow the business dates,
/// and events recorded before business dates existed replay with their registration day.</summary>
public sealed class BedrijfsdatumTests
{
    /// <summary>The events of <see cref="Geschiedenis"/> with a business date on every step: signaal day 0, verkenning day 1,
    /// opname day 3, request day 4, contribution day 5, analysis day 6, advice day 10, intervention day 20, end of execution
    /// day 25, evaluation day 27.</summary>
    private static ICasusGebeurtenis[] Gedateerd(Stap stap)
    {
        ICasusGebeurtenis[] alles =
        [
            Geschiedenis.Signaal,
            new VerkenningGestart("J. de Vries", Voorbeeld.Dag(1)),
            new SubjectToegevoegd(1, Voorbeeld.Bv),
            new CasusOpgenomen("Motivering.", [Organisaties.Tilburg, Organisaties.Politie], Voorbeeld.Dag(3)),
            new InformatieVerzocht(1, Organisaties.Politie.Id, "Vraag?", "Grondslag", Voorbeeld.Dag(18), Voorbeeld.Dag(4)),
            new InformatieGedeeld(1, Organisaties.Politie.Id, InformatieCategorie.Politieel, "Antwoord.", "Grondslag", 1, Voorbeeld.Dag(5)),
            new AnalyseVastgelegd("Analyse.", Voorbeeld.Dag(6)),
            new InterventieadviesUitgebracht(
            [
                new GeadviseerdeInterventie(1, Instrument.Bestuurlijk, Organisaties.Tilburg.Id, "Sluiting pand."),
                new GeadviseerdeInterventie(2, Instrument.Strafrechtelijk, Organisaties.Politie.Id, "Opsporing."),
            ], Voorbeeld.Dag(10)),
            new InterventieGeregistreerd(1, Instrument.Bestuurlijk, Organisaties.Tilburg.Id, Voorbeeld.Dag(20), "Gesloten.", new Bedragen(), 1),
            new UitvoeringAfgerond(null, Voorbeeld.Dag(25)),
            new EvaluatieVastgelegd("Effect.", "Lessen.", Voorbeeld.Dag(27)),
        ];
        var aantal = stap switch
        {
            Stap.SignaalIngediend => 1,
            Stap.Verkennen => 3,
            Stap.InformatieDelenEnAnalyseren => 7,
            Stap.Uitvoeren => 8,
            _ => alles.Length,
        };
        return alles[..aantal];
    }

    private static IntegraleCasus CasusIn(Stap stap) => IntegraleCasus.Evolve(null, Gedateerd(stap));

    /// <summary>The valid example command of <paramref name="soort"/> in <paramref name="stap"/>, dated <paramref name="datum"/>.</summary>
    private static ICasusCommando Op(CommandoSoort soort, Stap stap, DateOnly datum) => Voorbeeld.GeldigCommando(soort, stap) switch
    {
        VerkenningStarten c => c with { Datum = datum },
        VerkenningBesluiten c => c with { Datum = datum },
        PartnerAansluiten c => c with { Datum = datum },
        InformatieVerzoeken c => c with { Datum = datum, AntwoordVoor = datum.AddDays(14) },
        InformatieDelen c => c with { Datum = datum },
        AnalyseVastleggen c => c with { Datum = datum },
        InterventieadviesUitbrengen c => c with { Datum = datum },
        InterventieRegistreren c => c with { Datum = datum },
        UitvoeringAfronden c => c with { Datum = datum },
        EvaluatieVastleggen c => c with { Datum = datum },
        Terugstappen c => c with { Datum = datum },
        Afsluiten c => c with { Datum = datum },
        var c => throw new ArgumentException($"{c.Soort} has no business date.", nameof(soort)),
    };

    /// <summary>Every row of the transition table whose command is a dated step (all but the signaal and adding a subject).</summary>
    public static TheoryData<CommandoSoort, Stap> GedateerdeStappen()
    {
        var data = new TheoryData<CommandoSoort, Stap>();
        foreach (var rij in Stappen.Tabel.Where(r => r.Van is not null && r.Commando is not (CommandoSoort.SignaalIndienen or CommandoSoort.SubjectToevoegen)))
            data.Add(rij.Commando, rij.Van!.Value);
        return data;
    }

    [Theory]
    [MemberData(nameof(GedateerdeStappen))]
    public void A_step_dated_before_the_signaal_is_refused(CommandoSoort soort, Stap stap)
    {
        var schending = Uitkomst.Geweigerd(CasusIn(stap), Op(soort, stap, Voorbeeld.Dag(-1)), Regels.DatumVoorSignaal);

        Assert.Contains("2026-11-01", schending.Melding);
        Assert.Contains("signaaldatum 2026-11-02", schending.Melding);
    }

    [Theory]
    [MemberData(nameof(GedateerdeStappen))]
    public void A_step_dated_before_the_step_it_follows_is_refused_and_on_its_day_accepted(CommandoSoort soort, Stap stap)
    {
        var casus = CasusIn(stap);
        var grens = Bedrijfsdatums.VerlaatStap(soort, stap) ? casus.LaatsteDatum!.Value : casus.StapSinds!.Value;

        if (grens > casus.SignaalDatum)
        {
            var schending = Uitkomst.Geweigerd(casus, Op(soort, stap, grens.AddDays(-1)), Regels.DatumVoorVorigeStap);
            Assert.Contains(grens.ToString("yyyy-MM-dd"), schending.Melding);
        }
        else Assert.Equal(Stap.SignaalIngediend, stap); // starting the verkenning follows the signaal itself

        var na = Uitkomst.Na(casus, Op(soort, stap, grens));
        Assert.True(na.LaatsteDatum >= grens);
    }

    [Fact]
    public void A_step_that_leaves_its_step_may_not_predate_anything_recorded_in_it()
    {
        // In uitvoeren since day 10, an intervention on day 20: ending the execution on day 15 would predate the intervention;
        // within the step, another intervention of day 15 registered later is in order.
        var uitvoeren = IntegraleCasus.Evolve(null, Gedateerd(Stap.Evalueren)[..9]);

        Uitkomst.Geweigerd(uitvoeren, new UitvoeringAfronden(null, Voorbeeld.Dag(15)), Regels.DatumVoorVorigeStap);
        var na = Uitkomst.Na(uitvoeren, new InterventieRegistreren(Instrument.Strafrechtelijk, Organisaties.Politie.Id, Voorbeeld.Dag(15),
            "Later geregistreerd.", new Bedragen(), 2));
        Assert.Equal(Voorbeeld.Dag(20), na.LaatsteDatum);
    }

    [Fact]
    public void An_answer_is_not_dated_before_the_request_it_answers()
    {
        var casus = Uitkomst.Na(CasusIn(Stap.InformatieDelenEnAnalyseren),
            new InformatieVerzoeken(Organisaties.Tilburg.Id, "Vraag?", "Grondslag", Voorbeeld.Dag(30), Voorbeeld.Dag(8)));

        var schending = Uitkomst.Geweigerd(casus,
            new InformatieDelen(Organisaties.Tilburg.Id, InformatieCategorie.Bestuurlijk, "Antwoord.", "Grondslag", 2, Voorbeeld.Dag(7)),
            Regels.DatumVoorVorigeStap);

        Assert.Contains("informatieverzoek 2", schending.Melding);
        Assert.Equal(Voorbeeld.Dag(8), casus.Informatieverzoeken[^1].Datum);
    }

    [Fact]
    public void The_events_keep_the_business_date_and_the_step_term_starts_on_it_not_on_the_registration_day()
    {
        var registratie = Voorbeeld.Dag(60);
        var casus = IntegraleCasus.Evolve(null, Gedateerd(Stap.InformatieDelenEnAnalyseren), registratie);

        Assert.Equal(Voorbeeld.Dag(3), casus.StapSinds);
        Assert.Equal(Voorbeeld.Dag(6), casus.LaatsteDatum);
        Assert.Equal(Voorbeeld.Dag(3), casus.OpgenomenOp);
    }

    [Fact]
    public void Events_recorded_before_business_dates_existed_replay_with_their_registration_day()
    {
        // As stored then: no "datum" in the step events (camelCase, enums by name), read by today's types.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
        var gestart = JsonSerializer.Deserialize<VerkenningGestart>("""{"coordinator":"J. de Vries"}""", json)!;
        var teruggestapt = JsonSerializer.Deserialize<Teruggestapt>("""{"van":"Evalueren","naar":"Uitvoeren","reden":"Nieuw pand."}""", json)!;
        var signaal = JsonSerializer.Deserialize<SignaalIngediend>(JsonSerializer.Serialize(Geschiedenis.Signaal, json)
            .Replace(",\"bronnen\":null", "").Replace(",\"ondermijningsbeeldId\":null", "").Replace(",\"referentie\":null", ""), json)!;
        Assert.Null(gestart.Datum);
        Assert.Null(signaal.Bronnen);

        var casus = IntegraleCasus.Evolve(IntegraleCasus.Evolve(null, signaal, Voorbeeld.Dag(0)), gestart, Voorbeeld.Dag(4));
        Assert.Equal((Stap.Verkennen, Voorbeeld.Dag(4), Voorbeeld.Dag(4)), (casus.Stap, casus.StapSinds, casus.LaatsteDatum));
        Assert.Empty(casus.Bronnen);
        Assert.Equal(Voorbeeld.Dag(4), Bedrijfsdatums.Van(gestart, Voorbeeld.Dag(4)));
        Assert.Null(Bedrijfsdatums.Van(new SubjectToegevoegd(1, Voorbeeld.Bv), Voorbeeld.Dag(4)));

        var terug = IntegraleCasus.Evolve(CasusIn(Stap.Evalueren), teruggestapt, Voorbeeld.Dag(40));
        Assert.Equal((Stap.Uitvoeren, Voorbeeld.Dag(40)), (terug.Stap, terug.StapSinds));
        // A command on such a casus is then ordered after the registration day.
        Uitkomst.Geweigerd(terug, new InterventieRegistreren(Instrument.Strafrechtelijk, Organisaties.Politie.Id, Voorbeeld.Dag(39), "x", new Bedragen(), 2),
            Regels.DatumVoorVorigeStap);
    }

    [Fact]
    public void A_command_without_a_date_is_not_ordered()
    {
        // Only where no date is known (the API always gives one): the command is decided without the date rules.
        Uitkomst.Na(CasusIn(Stap.Uitvoeren), new UitvoeringAfronden(null));
    }
}

/// <summary>A signaal as regions register it: several sources (each organisation once, the submitter not again), no theme,
/// the ondermijningsbeeld it came from, the region's reference.</summary>
public sealed class SignaalRegistratieTests
{
    [Fact]
    public void The_sources_are_the_other_organisations_each_once_and_a_beeld_marks_the_signaal_as_coming_from_one()
    {
        var beeld = Guid.NewGuid();
        var signaal = Voorbeeld.SignaalIndienen() with
        {
            Themas = [], Bronnen = [Organisaties.Politie, Organisaties.Tilburg, Organisaties.Politie, Organisaties.Belastingdienst],
            OndermijningsbeeldId = beeld, Referentie = "TBZ-1",
        };

        var casus = Uitkomst.Na(null, signaal);

        Assert.Equal([Organisaties.Politie, Organisaties.Belastingdienst], casus.Bronnen);
        Assert.Empty(casus.Themas);
        Assert.True(casus.UitOndermijningsbeeld);
        Assert.Equal((beeld, "TBZ-1"), (casus.OndermijningsbeeldId, casus.Referentie));
        Assert.Equal((Voorbeeld.SignaalDatum, Voorbeeld.SignaalDatum), (casus.StapSinds, casus.LaatsteDatum));
    }
}
