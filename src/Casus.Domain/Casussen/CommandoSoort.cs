namespace Casus.Domain.Casussen;

/// <summary>Every command a casus accepts; the transition table (<see cref="Stappen"/>) says in which step.</summary>
public enum CommandoSoort
{
    SignaalIndienen,
    VerkenningStarten,
    VerkenningBesluiten,
    PartnerAansluiten,
    SubjectToevoegen,
    InformatieVerzoeken,
    InformatieDelen,
    AnalyseVastleggen,
    InterventieadviesUitbrengen,
    InterventieRegistreren,
    UitvoeringAfronden,
    EvaluatieVastleggen,
    Terugstappen,
    Afsluiten,
}
