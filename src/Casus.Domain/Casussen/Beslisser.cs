namespace Casus.Domain.Casussen;

/// <summary>The single entry point for commands: checks the transition table, then the command's business date
/// (<see cref="Bedrijfsdatums"/>), then asks the step's decision.</summary>
public static class Beslisser
{
    /// <param name="casus">The current state; null when the casus does not exist yet.</param>
    public static Beslissing Beslis(IntegraleCasus? casus, ICasusCommando commando)
    {
        var huidig = casus?.Stap;
        if (Stappen.Zoek(commando.Soort, huidig) is null)
            return new StapNietToegestaan(commando.Soort, huidig, Stappen.Toegestaan(huidig));
        if (casus is not null && Bedrijfsdatums.Controleer(casus, commando) is { } datumfout) return datumfout;
        return commando switch
        {
            SignaalIndienen c => Signaal.Indienen(c),
            VerkenningStarten c => Verkennen.Starten(c),
            VerkenningBesluiten c => Verkennen.Besluiten(casus!, c),
            PartnerAansluiten c => Deelnemers.PartnerAansluiten(casus!, c),
            SubjectToevoegen c => Deelnemers.SubjectToevoegen(casus!, c),
            InformatieVerzoeken c => InformatieDelenEnAnalyseren.Verzoeken(casus!, c),
            InformatieDelen c => InformatieDelenEnAnalyseren.Delen(casus!, c),
            AnalyseVastleggen c => InformatieDelenEnAnalyseren.AnalyseVastleggen(c),
            InterventieadviesUitbrengen c => InformatieDelenEnAnalyseren.AdviesUitbrengen(casus!, c),
            InterventieRegistreren c => Uitvoeren.InterventieRegistreren(casus!, c),
            UitvoeringAfronden c => Uitvoeren.Afronden(c),
            EvaluatieVastleggen c => Evalueren.Vastleggen(c),
            Terugstappen c => Evalueren.Terugstappen(casus!, c),
            Afsluiten c => Afsluiting.Afsluiten(casus!, c),
            _ => throw new InvalidOperationException($"No decision for {commando.GetType().Name}."),
        };
    }
}
