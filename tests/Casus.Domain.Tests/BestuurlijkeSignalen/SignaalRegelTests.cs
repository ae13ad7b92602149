using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using static Casus.Domain.Tests.BestuurlijkeSignalen.SignaalGeschiedenis;

namespace Casus.Domain.Tests.BestuurlijkeSignalen;

/// <summary>Every rule of the signaal procedure, each with the command that breaks it and the code it answers.</summary>
public sealed class SignaalRegelTests
{
    private static Regelschending? Schending(SignaalStap? stap, ISignaalCommando commando, SignaalContext? context = null) =>
        SignaalBeslisser.Beslis(stap is { } s ? In(s) : null, commando, context ?? SignaalContext.Leeg).Schending;

    private static readonly NatuurlijkPersoon Piet = new("Piet", "Verhoeven", new DateOnly(1975, 3, 2), "111222333");
    private static readonly Rechtspersoon Bv = new("12345678", "Ringbaan Vastgoed B.V.");
    private static readonly ObjectLocatie Pand = new("5012AB", 12, null, "Bedrijfspand Ringbaan-Oost");
    private static readonly SignaalContext MetSubjecten = new([Piet, Bv, Pand]);

    /// <summary>Every rule code with a command that breaks it (the coverage test below checks none is missing).</summary>
    public static TheoryData<string, SignaalStap?, string> Gevallen() => new()
    {
        { SignaalRegels.StapNietToegestaan, SignaalStap.Concept, "aanbieden in concept" },
        { SignaalRegels.DefinitiefIngediend, SignaalStap.DefinitiefIngediend, "inhoud wijzigen na indiening" },
        { SignaalRegels.Subjectgegevens, null, "opstellen met een BSN" },
        { SignaalRegels.IndienerAlToegevoegd, SignaalStap.Concept, "Tilburg nog eens toevoegen" },
        { SignaalRegels.DatumVoorVorigeStap, SignaalStap.ToetsingsoverlegGehouden, "indienen voor het toetsingsoverleg" },
        { SignaalRegels.GeenIndiener, SignaalStap.Afgerond, "toestemming van de politie" },
        { SignaalRegels.ToestemmingAlVastgelegd, SignaalStap.Afgerond, "Tilburg stemt nog eens toe" },
        { SignaalRegels.ToestemmingOntbreekt, SignaalStap.Afgerond, "signaal publiceren zonder toestemming Belastingdienst" },
        { SignaalRegels.AlGepubliceerd, SignaalStap.Afgerond, "reactie twee keer publiceren" },
    };

    private static ISignaalCommando CommandoVoor(string geval) => geval switch
    {
        "aanbieden in concept" => new Aanbieden(Later, ["Financiën"]),
        "inhoud wijzigen na indiening" => new InhoudWijzigen(Inhoud(conclusie: "Anders.")),
        "opstellen met een BSN" => new SignaalOpstellen(Id, null, Later, [TilburgIndiener], Inhoud(reden: "BSN 123456782 kocht contant.")),
        "Tilburg nog eens toevoegen" => new IndienerToevoegen(TilburgIndiener),
        "indienen voor het toetsingsoverleg" => new DefinitiefIndienen(new DateOnly(2026, 11, 9)),
        "toestemming van de politie" => new ToestemmingVastleggen(PublicatieOnderdeel.Signaal, Politie.Id, Later),
        "Tilburg stemt nog eens toe" => new ToestemmingVastleggen(PublicatieOnderdeel.Signaal, Tilburg.Id, Later),
        "signaal publiceren zonder toestemming Belastingdienst" => new Publiceren(PublicatieOnderdeel.Signaal, Later, "https://example.nl"),
        _ => throw new ArgumentOutOfRangeException(nameof(geval)),
    };

    [Theory]
    [MemberData(nameof(Gevallen))]
    public void Each_rule_refuses_with_its_code(string code, SignaalStap? stap, string geval)
    {
        var signaal = stap is { } s ? In(s) : null;
        if (geval == "reactie twee keer publiceren")
        {
            var eerste = SignaalBeslisser.Beslis(signaal, new Publiceren(PublicatieOnderdeel.Reactie, Later, "https://example.nl"), SignaalContext.Leeg);
            signaal = BestuurlijkSignaal.Evolve(signaal, eerste.Gebeurtenissen);
            Assert.Equal(code, SignaalBeslisser.Beslis(signaal, new Publiceren(PublicatieOnderdeel.Reactie, Later, "x"), SignaalContext.Leeg).Schending?.Code);
            return;
        }
        var beslissing = SignaalBeslisser.Beslis(signaal, CommandoVoor(geval), SignaalContext.Leeg);
        Assert.Equal(code, beslissing.Schending?.Code);
        Assert.Empty(beslissing.Gebeurtenissen);
    }

    [Fact]
    public void Every_rule_code_has_a_case()
    {
        var gedekt = Gevallen().Select(r => (string)r[0]).ToHashSet();
        Assert.All(SignaalRegels.Alle, c => Assert.Contains(c, gedekt));
    }

    public static TheoryData<string> DatumCommandos() =>
        ["advies", "toetsingsoverleg", "indienen", "intrekken", "aanbieden", "reactie", "afronden", "effect", "toestemming", "publiceren"];

    /// <summary>Every dated command is refused when dated before the step it follows, and accepted on that very day.</summary>
    [Theory]
    [MemberData(nameof(DatumCommandos))]
    public void A_date_before_the_previous_step_is_refused(string wat)
    {
        (SignaalStap stap, DateOnly vorige, Func<DateOnly, ISignaalCommando> maak) geval = wat switch
        {
            "advies" => (SignaalStap.Concept, new DateOnly(2026, 11, 2), d => new LiecAdviesGeven(d, "a")),
            "toetsingsoverleg" => (SignaalStap.Concept, new DateOnly(2026, 11, 2), d => new ToetsingsoverlegVastleggen(d, ["F"])),
            "intrekken" => (SignaalStap.Concept, new DateOnly(2026, 11, 2), d => new Intrekken(d, "r")),
            "indienen" => (SignaalStap.ToetsingsoverlegGehouden, new DateOnly(2026, 11, 10), d => new DefinitiefIndienen(d)),
            "aanbieden" => (SignaalStap.DefinitiefIngediend, new DateOnly(2026, 11, 16), d => new Aanbieden(d, ["F"])),
            "reactie" => (SignaalStap.AangebodenAanBewindspersonen, new DateOnly(2026, 11, 18), d => new ReactieVastleggen(d, "s")),
            "afronden" => (SignaalStap.ReactieOntvangen, new DateOnly(2026, 11, 20), d => new Afronden(d)),
            "effect" => (SignaalStap.Afgerond, new DateOnly(2026, 11, 21), d => new EffectVastleggen(d, "e")),
            "toestemming" => (SignaalStap.Afgerond, new DateOnly(2026, 11, 21), d => new ToestemmingVastleggen(PublicatieOnderdeel.Signaal, Belastingdienst.Id, d)),
            "publiceren" => (SignaalStap.Afgerond, new DateOnly(2026, 11, 21), d => new Publiceren(PublicatieOnderdeel.Reactie, d, "v")),
            _ => throw new ArgumentOutOfRangeException(nameof(wat)),
        };
        Assert.Equal(SignaalRegels.DatumVoorVorigeStap, Schending(geval.stap, geval.maak(geval.vorige.AddDays(-1)))?.Code);
        Assert.Null(Schending(geval.stap, geval.maak(geval.vorige)));
    }

    [Fact]
    public void The_terms_are_three_months_after_offering_and_six_months_after_completion()
    {
        var aangeboden = SignaalBeslisser.Beslis(In(SignaalStap.DefinitiefIngediend), new Aanbieden(new DateOnly(2026, 11, 30), ["F"]), SignaalContext.Leeg);
        Assert.Equal(new DateOnly(2027, 2, 28), Assert.IsType<SignaalAangeboden>(Assert.Single(aangeboden.Gebeurtenissen)).ReactieUiterlijk);
        var afgerond = SignaalBeslisser.Beslis(In(SignaalStap.ReactieOntvangen), new Afronden(new DateOnly(2026, 11, 30)), SignaalContext.Leeg);
        Assert.Equal(new DateOnly(2027, 5, 30), Assert.IsType<SignaalAfgerond>(Assert.Single(afgerond.Gebeurtenissen)).EffectUiterlijk);
    }

    [Fact]
    public void Definitive_submission_records_the_hash_of_the_text_and_indieners()
    {
        var concept = In(SignaalStap.ToetsingsoverlegGehouden);
        var e = Assert.IsType<SignaalDefinitiefIngediend>(Assert.Single(SignaalBeslisser.Beslis(concept, new DefinitiefIndienen(Later), SignaalContext.Leeg).Gebeurtenissen));
        Assert.Equal(Inhoudhash.Bereken(concept.Indieners, concept.Inhoud), e.InhoudHash);
        Assert.Matches("^[0-9a-f]{64}$", e.InhoudHash);
        Assert.NotEqual(e.InhoudHash, Inhoudhash.Bereken(concept.Indieners, Inhoud(conclusie: "Anders.")));
        Assert.NotEqual(e.InhoudHash, Inhoudhash.Bereken([TilburgIndiener], concept.Inhoud));
        Assert.Equal(e.InhoudHash, Inhoudhash.Bereken(concept.Indieners, concept.Inhoud with { }));
    }

    public static TheoryData<string, string> SubjectTeksten() => new()
    {
        { "Piet Verhoeven kocht panden.", Subjectcontrole.SubjectNaam },
        { "Een zekere VERHOEVEN kocht panden.", Subjectcontrole.SubjectNaam },
        { "De koper is geboren op 02-03-1975.", Subjectcontrole.SubjectGeboortedatum },
        { "Het ging om 111 222 333.", Subjectcontrole.Bsn },
        { "Ringbaan Vastgoed B.V. kocht het pand.", Subjectcontrole.SubjectNaam },
        { "Inschrijving 12345678 in het handelsregister.", Subjectcontrole.KvkNummer },
        { "Het pand aan postcode 5012 ab.", Subjectcontrole.SubjectAdres },
        { "Het Bedrijfspand Ringbaan-Oost werd gebruikt.", Subjectcontrole.SubjectAdres },
        { "Een persoon met BSN 123456782.", Subjectcontrole.Bsn },
        { "Een persoon met 1234.56.782.", Subjectcontrole.Bsn },
        { "Een bv met KvK-nummer 87654321.", Subjectcontrole.KvkNummer },
        { "Een bv (KvK 8765 4321) kocht het pand.", Subjectcontrole.KvkNummer },
        { "Ingeschreven bij de Kamer van Koophandel onder nummer 87654321.", Subjectcontrole.KvkNummer },
        { "Nummer 87654321 in het handelsregister.", Subjectcontrole.KvkNummer },
        { "De bv, 87654321 (K.v.K.), kocht het pand.", Subjectcontrole.KvkNummer },
        { "Op Kerkstraat 1, 1234 AB Ergens.", Subjectcontrole.PostcodeHuisnummer },
        { "Adres 1234AB 17.", Subjectcontrole.PostcodeHuisnummer },
    };

    [Theory]
    [MemberData(nameof(SubjectTeksten))]
    public void Subject_or_object_data_in_any_text_field_is_refused_naming_the_field(string tekst, string soort)
    {
        foreach (var inhoud in new[] { Inhoud(reden: tekst), Inhoud(conclusie: tekst) })
        {
            var veld = inhoud.Aanleiding.Reden == tekst ? "inhoud.aanleiding.reden" : "inhoud.conclusie";
            foreach (var commando in new ISignaalCommando[] { new SignaalOpstellen(Id, null, Later, [TilburgIndiener], inhoud), new InhoudWijzigen(inhoud) })
            {
                var schending = Assert.IsType<SubjectgegevensGevonden>(Schending(commando is SignaalOpstellen ? null : SignaalStap.Concept, commando, MetSubjecten));
                Assert.Contains(schending.Vondsten, v => v.Veld == veld && v.Soort == soort);
                Assert.All(schending.Vondsten, v => Assert.Equal(veld, v.Veld));
                Assert.DoesNotContain(tekst, schending.Melding);
            }
        }
    }

    [Theory]
    [InlineData("In 2023 kochten 12 bv's samen 40 panden.")]
    [InlineData("Een nummer als 123456789 haalt de elfproef niet.")]
    [InlineData("Het Wetboek van Strafrecht, artikel 420bis.")]
    [InlineData("Verhoevenstraat is geen naam van een subject.")]
    [InlineData("Er ging 87654321 euro om in contante aankopen.")]
    [InlineData("Een bv met nummer 87654321.")]
    [InlineData("Het proces-verbaal 20261123 beschrijft de aankoop.")]
    [InlineData("In 2025 telde het handelsregister ruim 2,1 miljoen inschrijvingen; de analyse besloeg 4000 transacties en 87654321 meldingen in een ander register.")]
    [InlineData("Gemiddeld kostte een pand 4321.8765,90 euro volgens de KvK-cijfers.")]
    public void Ordinary_text_passes(string tekst)
    {
        Assert.Empty(Subjectcontrole.Controleer(Inhoud(reden: tekst), [Piet, Bv, Pand]));
    }

    [Fact]
    public void Every_text_field_of_the_format_is_checked()
    {
        var inhoud = new SignaalInhoud("t", new Aanleiding("r", "m", "e"), [new Bevinding("k", ["b1", "b2"])], new Criteria("c1", "c2", "c3"), "c",
            [new Aanbeveling("m", "w", "b")]);
        Assert.Equal(
            ["inhoud.titel", "inhoud.aanleiding.reden", "inhoud.aanleiding.maatschappelijkeRelevantie", "inhoud.aanleiding.eerdereSignalen",
             "inhoud.bevindingen[0].knelpunt", "inhoud.bevindingen[0].bronnen[0]", "inhoud.bevindingen[0].bronnen[1]",
             "inhoud.criteria.misbruikLegaleProcessen", "inhoud.criteria.structureel", "inhoud.criteria.landelijkNiveau", "inhoud.conclusie",
             "inhoud.aanbevelingen[0].bewindspersoon", "inhoud.aanbevelingen[0].wat", "inhoud.aanbevelingen[0].beoogdEffect"],
            inhoud.Teksten().Select(t => t.Pad));
    }
}
