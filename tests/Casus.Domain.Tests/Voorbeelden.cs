using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>Sample partner organisations (ids are OINs, as in the API tests).</summary>
public static class Organisaties
{
    public static readonly Organisatie Tilburg = new("00000001001172773000", "Gemeente Tilburg", PartnerType.Gemeente);
    public static readonly Organisatie Politie =
        new("00000001003214345000", "Politie eenheid Zeeland-West-Brabant", PartnerType.Politie);
    public static readonly Organisatie Belastingdienst = new("00000001003214369000", "Belastingdienst", PartnerType.Belastingdienst);
}

/// <summary>Sample values and one valid command of every kind, as a partner would send it.</summary>
public static class Voorbeeld
{
    public static readonly Guid CasusId = Guid.Parse("6f1c2a0e-3b7d-4d8e-9a51-2c4b8e0f7a13");
    public static readonly DateOnly SignaalDatum = new(2026, 11, 2);

    /// <summary>The date <paramref name="dagen"/> days after the signaal (negative: before it).</summary>
    public static DateOnly Dag(int dagen) => SignaalDatum.AddDays(dagen);

    public static readonly IReadOnlyList<Thema> Themas =
        [new Thema(ThemaSoort.HennepteeltEnDrugs), new Thema(ThemaSoort.Regionaal, "Buitengebied")];

    /// <summary>Subject 1 of every sample casus from verkennen on.</summary>
    public static readonly Rechtspersoon Bv = new("12345678", "Ringbaan Vastgoed B.V.");

    /// <summary>A subject that no sample casus holds yet.</summary>
    public static readonly NatuurlijkPersoon Huurder = new("Jan Pieter", "Jansen", new DateOnly(1980, 5, 17), "111222333");

    public static SignaalIndienen SignaalIndienen() =>
        new(CasusId, RiecRegio.TaskforceBrabantZeeland, Organisaties.Tilburg, SignaalDatum,
            "Hennepkwekerij in bedrijfspand; huurder is een recent opgerichte bv.", Themas, UitOndermijningsbeeld: false);

    public static VerkenningBesluiten Opnemen(DateOnly? datum = null, params Organisatie[] partners) =>
        new(Verkenningsbesluit.Opnemen, "Bestuurlijke en strafrechtelijke interventies denkbaar.",
            partners.Length == 0 ? [Organisaties.Tilburg, Organisaties.Politie] : partners, null, datum ?? Dag(3));

    public static VerkenningBesluiten NietOpnemen(DateOnly? datum = null) =>
        new(Verkenningsbesluit.NietOpnemen, null, [], "Geen aanwijzingen voor ondermijning.", datum ?? Dag(3));

    public static InformatieVerzoeken Verzoek(Organisatie aan, DateOnly? antwoordVoor = null) =>
        new(aan.Id, "Zijn er antecedenten van de bestuurder?", "art. 20 convenant RIEC-LIEC", antwoordVoor ?? Dag(30));

    public static InformatieDelen Bijdrage(Organisatie door, int? verzoekNummer = null) =>
        new(door.Id, InformatieCategorie.Bestuurlijk, "Pand heeft geen omgevingsvergunning voor bedrijfsmatig gebruik.",
            "art. 20 convenant RIEC-LIEC", verzoekNummer);

    public static InterventieadviesUitbrengen Advies(params AdviesRegel[] regels) => AdviesOp(Dag(10), regels);

    /// <summary>An advice given on <paramref name="datum"/> (e.g. after a back-step, later than the first round's steps).</summary>
    public static InterventieadviesUitbrengen AdviesOp(DateOnly datum, params AdviesRegel[] regels) =>
        new(regels.Length == 0 ? [new AdviesRegel(Instrument.Bestuurlijk, Organisaties.Tilburg.Id, "Sluiting pand (art. 13b Opiumwet).")] : regels,
            datum);

    public static InterventieRegistreren Interventie(
        Organisatie door, Instrument instrument, int? adviesNummer, DateOnly? datum = null) =>
        new(instrument, door.Id, datum ?? Dag(20), "Uitgevoerd.", new Bedragen(Opgelegd: 412000.00m, Beslag: 412000.00m), adviesNummer);

    public static Terugstappen Terug(Stap naar) => new(naar, "Huurder gebruikt een nieuw pand.");

    public static Afsluiten Afsluiten(DateOnly? datum = null) => new("Geëvalueerd; geen vervolg nodig.", datum ?? Dag(40));

    /// <summary>A command of <paramref name="soort"/> that breaks no rule in a casus built by
    /// <see cref="Geschiedenis.In"/> for <paramref name="stap"/> (when the table allows it there).</summary>
    public static ICasusCommando GeldigCommando(CommandoSoort soort, Stap? stap) => soort switch
    {
        CommandoSoort.SignaalIndienen => SignaalIndienen(),
        CommandoSoort.VerkenningStarten => new VerkenningStarten("J. de Vries"),
        CommandoSoort.VerkenningBesluiten => Opnemen(),
        CommandoSoort.PartnerAansluiten => new PartnerAansluiten(Organisaties.Belastingdienst),
        CommandoSoort.SubjectToevoegen => new SubjectToevoegen(Huurder),
        CommandoSoort.InformatieVerzoeken => Verzoek(Organisaties.Politie),
        CommandoSoort.InformatieDelen => Bijdrage(Organisaties.Tilburg),
        CommandoSoort.AnalyseVastleggen => new AnalyseVastleggen("Witwassen via vastgoed; pand gebruikt voor hennepteelt."),
        CommandoSoort.InterventieadviesUitbrengen => Advies(),
        CommandoSoort.InterventieRegistreren => Interventie(Organisaties.Politie, Instrument.Strafrechtelijk, adviesNummer: 2),
        CommandoSoort.UitvoeringAfronden => new UitvoeringAfronden("Interventies uitgevoerd."),
        CommandoSoort.EvaluatieVastleggen => new EvaluatieVastleggen("Pand gesloten.", "Belastingdienst vroeg betrekken."),
        CommandoSoort.Terugstappen => Terug(stap == Stap.Evalueren ? Stap.Uitvoeren : Stap.InformatieDelenEnAnalyseren),
        CommandoSoort.Afsluiten => Afsluiten(),
        _ => throw new ArgumentOutOfRangeException(nameof(soort), soort, "Add a valid example of this new command to Voorbeeld."),
    };
}

/// <summary>Realistic event histories that leave a casus in each step with all preconditions of that step met:
/// partners Tilburg and Politie joined, subject 1 (<see cref="Voorbeeld.Bv"/>) added, request 1 (to Politie) answered
/// by contribution 1, the analysis recorded, advised interventions 1 (bestuurlijk, Tilburg) and 2 (strafrechtelijk,
/// Politie), intervention 1 registered and this round's evaluation recorded.</summary>
public static class Geschiedenis
{
    public static SignaalIngediend Signaal => new(
        Voorbeeld.CasusId, RiecRegio.TaskforceBrabantZeeland, Organisaties.Tilburg, Voorbeeld.SignaalDatum,
        "Hennepkwekerij in bedrijfspand; huurder is een recent opgerichte bv.", Voorbeeld.Themas, UitOndermijningsbeeld: false);

    public static ICasusGebeurtenis[] SignaalIngediend() => [Signaal];

    public static ICasusGebeurtenis[] Verkennen() => [.. SignaalIngediend(), new VerkenningGestart("J. de Vries")];

    /// <summary>Just opgenomen: in informatie delen &amp; analyseren, without request, contribution or analysis.</summary>
    public static ICasusGebeurtenis[] Opgenomen() =>
    [
        .. Verkennen(),
        new SubjectToegevoegd(1, Voorbeeld.Bv),
        new CasusOpgenomen("Bestuurlijke en strafrechtelijke interventies denkbaar.", [Organisaties.Tilburg, Organisaties.Politie], Voorbeeld.Dag(3)),
    ];

    public static ICasusGebeurtenis[] InformatieDelenEnAnalyseren() =>
    [
        .. Opgenomen(),
        new InformatieVerzocht(1, Organisaties.Politie.Id, "Zijn er antecedenten van de bestuurder?", "art. 20 convenant RIEC-LIEC"),
        new InformatieGedeeld(1, Organisaties.Politie.Id, InformatieCategorie.Politieel, "Bestuurder is bekend van hennepteelt.",
            "art. 20 convenant RIEC-LIEC", VerzoekNummer: 1),
        new AnalyseVastgelegd("Witwassen via vastgoed; pand gebruikt voor hennepteelt."),
    ];

    public static ICasusGebeurtenis[] Uitvoeren() =>
    [
        .. InformatieDelenEnAnalyseren(),
        new InterventieadviesUitgebracht(
        [
            new GeadviseerdeInterventie(1, Instrument.Bestuurlijk, Organisaties.Tilburg.Id, "Sluiting pand (art. 13b Opiumwet)."),
            new GeadviseerdeInterventie(2, Instrument.Strafrechtelijk, Organisaties.Politie.Id, "Opsporingsonderzoek naar de huurder."),
        ], Voorbeeld.Dag(10)),
    ];

    /// <summary>In evalueren, before this round's evaluation is recorded.</summary>
    public static ICasusGebeurtenis[] UitvoeringAfgerond() =>
    [
        .. Uitvoeren(),
        new InterventieGeregistreerd(1, Instrument.Bestuurlijk, Organisaties.Tilburg.Id, Voorbeeld.Dag(20), "Pand gesloten.",
            new Bedragen(), AdviesNummer: 1),
        new Casussen.UitvoeringAfgerond("Interventies uitgevoerd."),
    ];

    public static ICasusGebeurtenis[] Evalueren() =>
        [.. UitvoeringAfgerond(), new EvaluatieVastgelegd("Pand gesloten.", "Belastingdienst vroeg betrekken.")];

    public static ICasusGebeurtenis[] Afgesloten() => [.. Evalueren(), new CasusAfgesloten("Geëvalueerd; geen vervolg nodig.", Voorbeeld.Dag(40))];

    public static ICasusGebeurtenis[] NietOpgenomen() => [.. Verkennen(), new CasusNietOpgenomen("Geen aanwijzingen voor ondermijning.", Voorbeeld.Dag(3))];

    public static ICasusGebeurtenis[] In(Stap stap) => stap switch
    {
        Stap.SignaalIngediend => SignaalIngediend(),
        Stap.Verkennen => Verkennen(),
        Stap.InformatieDelenEnAnalyseren => InformatieDelenEnAnalyseren(),
        Stap.Uitvoeren => Uitvoeren(),
        Stap.Evalueren => Evalueren(),
        Stap.Afgesloten => Afgesloten(),
        _ => throw new ArgumentOutOfRangeException(nameof(stap), stap, "Add a history for this new step to Geschiedenis."),
    };

    public static IntegraleCasus CasusIn(Stap stap) => Casus(In(stap));

    public static IntegraleCasus Casus(params ICasusGebeurtenis[] gebeurtenissen) => IntegraleCasus.Evolve(null, gebeurtenissen);
}

/// <summary>Runs commands through <see cref="Beslisser"/> and checks the outcome.</summary>
public static class Uitkomst
{
    /// <summary>The events of an accepted command (fails when it is refused or yields no event).</summary>
    public static IReadOnlyList<ICasusGebeurtenis> Aanvaard(IntegraleCasus? casus, ICasusCommando commando)
    {
        var beslissing = Beslisser.Beslis(casus, commando);
        Assert.True(beslissing.Schending is null, $"{commando.Soort} was refused: {beslissing.Schending}");
        Assert.NotEmpty(beslissing.Gebeurtenissen);
        return beslissing.Gebeurtenissen;
    }

    /// <summary>The casus after the accepted commands, in order.</summary>
    public static IntegraleCasus Na(IntegraleCasus? casus, params ICasusCommando[] commandos)
    {
        foreach (var commando in commandos) casus = IntegraleCasus.Evolve(casus, Aanvaard(casus, commando));
        return casus ?? throw new ArgumentException("No commands given.", nameof(commandos));
    }

    /// <summary>The rule broken (asserting its code, a message and that no event is produced).</summary>
    public static Regelschending Geweigerd(IntegraleCasus? casus, ICasusCommando commando, string code)
    {
        var beslissing = Beslisser.Beslis(casus, commando);
        var schending = Assert.IsAssignableFrom<Regelschending>(beslissing.Schending);
        Assert.Equal(code, schending.Code);
        Assert.False(string.IsNullOrWhiteSpace(schending.Melding));
        Assert.Empty(beslissing.Gebeurtenissen);
        return schending;
    }
}
