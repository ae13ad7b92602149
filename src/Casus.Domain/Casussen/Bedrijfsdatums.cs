using Casus.Domain.Termijnen;

namespace Casus.Domain.Casussen;

/// <summary>Business dates: the day something happened, as opposed to the moment it was registered (the event time). Every
/// step command carries one (the API makes it today when the request names none); the event keeps it next to its
/// registration time, and the state, the terms and every figure count with it (docs/registratie.md).</summary>
public static class Bedrijfsdatums
{
    /// <summary>The business date an event carries; null for events without one (subjects, terms) and for step events
    /// recorded before business dates existed.</summary>
    public static DateOnly? Van(ICasusGebeurtenis gebeurtenis) => gebeurtenis switch
    {
        SignaalIngediend e => e.Datum,
        VerkenningGestart e => e.Datum,
        CasusOpgenomen e => e.Datum,
        CasusNietOpgenomen e => e.Datum,
        PartnerAangesloten e => e.Datum,
        InformatieVerzocht e => e.Datum,
        InformatieGedeeld e => e.Datum,
        AnalyseVastgelegd e => e.Datum,
        InterventieadviesUitgebracht e => e.Datum,
        InterventieGeregistreerd e => e.Datum,
        UitvoeringAfgerond e => e.Datum,
        EvaluatieVastgelegd e => e.Datum,
        Teruggestapt e => e.Datum,
        CasusAfgesloten e => e.Datum,
        _ => null,
    };

    /// <summary>Whether the event records a step of the work (and so has a business date); subjects and the system's term
    /// events do not.</summary>
    public static bool IsStap(ICasusGebeurtenis gebeurtenis) => gebeurtenis is not (SubjectToegevoegd or TermijnNadert or TermijnVerstreken);

    /// <summary>The business date of an event registered on <paramref name="geregistreerdOp"/>: its own, or for a step event
    /// recorded before business dates existed, the registration day (existing data replays as it was decided).</summary>
    public static DateOnly? Van(ICasusGebeurtenis gebeurtenis, DateOnly geregistreerdOp) =>
        Van(gebeurtenis) ?? (IsStap(gebeurtenis) ? geregistreerdOp : null);

    /// <summary>The business date a command carries; null when it has none (adding a subject) or none was given.</summary>
    public static DateOnly? Van(ICasusCommando commando) => commando switch
    {
        SignaalIndienen c => c.Datum,
        VerkenningStarten c => c.Datum,
        VerkenningBesluiten c => c.Datum,
        PartnerAansluiten c => c.Datum,
        InformatieVerzoeken c => c.Datum,
        InformatieDelen c => c.Datum,
        AnalyseVastleggen c => c.Datum,
        InterventieadviesUitbrengen c => c.Datum,
        InterventieRegistreren c => c.Datum,
        UitvoeringAfronden c => c.Datum,
        EvaluatieVastleggen c => c.Datum,
        Terugstappen c => c.Datum,
        Afsluiten c => c.Datum,
        _ => null,
    };

    /// <summary>How a command's date is called in a refusal.</summary>
    private static string Naam(CommandoSoort soort) => soort switch
    {
        CommandoSoort.VerkenningStarten => "startdatum van de verkenning",
        CommandoSoort.VerkenningBesluiten => "besluitdatum",
        CommandoSoort.PartnerAansluiten => "datum van aansluiten",
        CommandoSoort.InformatieVerzoeken => "verzoekdatum",
        CommandoSoort.InformatieDelen => "datum van de bijdrage",
        CommandoSoort.AnalyseVastleggen => "analysedatum",
        CommandoSoort.InterventieadviesUitbrengen => "adviesdatum",
        CommandoSoort.InterventieRegistreren => "interventiedatum",
        CommandoSoort.UitvoeringAfronden => "datum van afronden",
        CommandoSoort.EvaluatieVastleggen => "evaluatiedatum",
        CommandoSoort.Terugstappen => "datum van de terugstap",
        CommandoSoort.Afsluiten => "afsluitdatum",
        _ => "datum",
    };

    /// <summary>Whether <paramref name="soort"/> leaves step <paramref name="stap"/> (read from the transition table).</summary>
    public static bool VerlaatStap(CommandoSoort soort, Stap stap) => Stappen.Zoek(soort, stap) is { } overgang && !overgang.Naar.Contains(stap);

    /// <summary>The order of a casus in time: a command is not dated before the signaal (<see cref="Regels.DatumVoorSignaal"/>),
    /// nor before the step it follows (<see cref="Regels.DatumVoorVorigeStap"/>): a command within a step not before the day
    /// the casus entered that step (<see cref="IntegraleCasus.StapSinds"/>); a command that leaves the step (to the next
    /// one, back, or closing) not before anything recorded so far (<see cref="IntegraleCasus.LaatsteDatum"/>). The same day
    /// is allowed. Not in the future and within the plausibility window: checked at input (the domain has no clock).</summary>
    public static Regelschending? Controleer(IntegraleCasus casus, ICasusCommando commando)
    {
        if (Van(commando) is not { } datum) return null;
        var wat = Naam(commando.Soort);
        if (datum < casus.SignaalDatum)
            return new Regelschending(Regels.DatumVoorSignaal,
                $"De {wat} {datum:yyyy-MM-dd} ligt voor de signaaldatum {casus.SignaalDatum:yyyy-MM-dd}.");
        if (VerlaatStap(commando.Soort, casus.Stap))
        {
            if (casus.LaatsteDatum is { } laatste && datum < laatste)
                return new Regelschending(Regels.DatumVoorVorigeStap,
                    $"De {wat} {datum:yyyy-MM-dd} ligt voor {laatste:yyyy-MM-dd}, de datum van de laatste vastgelegde stap van de casus; " +
                    "wie een stap afsluit, dateert niet eerder dan wat in die stap gebeurde.");
        }
        else if (casus.StapSinds is { } sinds && datum < sinds)
            return new Regelschending(Regels.DatumVoorVorigeStap,
                $"De {wat} {datum:yyyy-MM-dd} ligt voor {sinds:yyyy-MM-dd}, de datum waarop de casus in stap {casus.Stap} kwam.");
        return null;
    }
}
