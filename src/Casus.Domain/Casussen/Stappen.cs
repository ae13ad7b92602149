namespace Casus.Domain.Casussen;

/// <summary>One row of the transition table: <see cref="Commando"/> is allowed in step <see cref="Van"/>
/// (null: there is no casus yet) and leaves the casus in one of <see cref="Naar"/>.</summary>
public sealed record Overgang(CommandoSoort Commando, Stap? Van, IReadOnlyList<Stap> Naar);

/// <summary>The transition table of the Werkwijze Integrale Casusaanpak: the one source for which
/// command is allowed where. The decisions, the 409 answers, the tests and docs/transitions.md read it.</summary>
public static class Stappen
{
    public static IReadOnlyList<Overgang> Tabel { get; } =
    [
        new(CommandoSoort.SignaalIndienen, null, [Stap.SignaalIngediend]),
        new(CommandoSoort.VerkenningStarten, Stap.SignaalIngediend, [Stap.Verkennen]),
        new(CommandoSoort.SubjectToevoegen, Stap.Verkennen, [Stap.Verkennen]),
        new(CommandoSoort.VerkenningBesluiten, Stap.Verkennen, [Stap.InformatieDelenEnAnalyseren, Stap.Afgesloten]),
        new(CommandoSoort.PartnerAansluiten, Stap.InformatieDelenEnAnalyseren, [Stap.InformatieDelenEnAnalyseren]),
        new(CommandoSoort.SubjectToevoegen, Stap.InformatieDelenEnAnalyseren, [Stap.InformatieDelenEnAnalyseren]),
        new(CommandoSoort.InformatieVerzoeken, Stap.InformatieDelenEnAnalyseren, [Stap.InformatieDelenEnAnalyseren]),
        new(CommandoSoort.InformatieDelen, Stap.InformatieDelenEnAnalyseren, [Stap.InformatieDelenEnAnalyseren]),
        new(CommandoSoort.AnalyseVastleggen, Stap.InformatieDelenEnAnalyseren, [Stap.InformatieDelenEnAnalyseren]),
        new(CommandoSoort.InterventieadviesUitbrengen, Stap.InformatieDelenEnAnalyseren, [Stap.Uitvoeren]),
        new(CommandoSoort.PartnerAansluiten, Stap.Uitvoeren, [Stap.Uitvoeren]),
        new(CommandoSoort.SubjectToevoegen, Stap.Uitvoeren, [Stap.Uitvoeren]),
        new(CommandoSoort.InterventieRegistreren, Stap.Uitvoeren, [Stap.Uitvoeren]),
        new(CommandoSoort.Terugstappen, Stap.Uitvoeren, [Stap.InformatieDelenEnAnalyseren]),
        new(CommandoSoort.UitvoeringAfronden, Stap.Uitvoeren, [Stap.Evalueren]),
        new(CommandoSoort.EvaluatieVastleggen, Stap.Evalueren, [Stap.Evalueren]),
        new(CommandoSoort.Terugstappen, Stap.Evalueren, [Stap.Uitvoeren, Stap.InformatieDelenEnAnalyseren]),
        new(CommandoSoort.Afsluiten, Stap.Evalueren, [Stap.Afgesloten]),
    ];

    public static Overgang? Zoek(CommandoSoort commando, Stap? van) =>
        Tabel.FirstOrDefault(o => o.Commando == commando && o.Van == van);

    /// <summary>The commands allowed in <paramref name="van"/>, in table order.</summary>
    public static IReadOnlyList<CommandoSoort> Toegestaan(Stap? van) =>
        Tabel.Where(o => o.Van == van).Select(o => o.Commando).Distinct().ToList();
}
