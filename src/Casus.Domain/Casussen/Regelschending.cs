namespace Casus.Domain.Casussen;

/// <summary>A refused command: a stable <see cref="Code"/> (shared by problem+json, tests and docs) and a
/// message for people.</summary>
public record Regelschending(string Code, string Melding);

/// <summary>The command is not in the transition table for the casus's current step.</summary>
public sealed record StapNietToegestaan(CommandoSoort Commando, Stap? Huidig, IReadOnlyList<CommandoSoort> Toegestaan)
    : Regelschending(Regels.StapNietToegestaan,
        Huidig is null
            ? $"{Commando} kan niet: de casus bestaat nog niet."
            : $"{Commando} is niet toegestaan in stap {Huidig}; toegestaan: " +
              (Toegestaan.Count == 0 ? "niets (de casus is afgesloten)." : $"{string.Join(", ", Toegestaan)}."));

/// <summary>The codes of all rules a command can break.</summary>
public static class Regels
{
    public const string StapNietToegestaan = "casus.stap-niet-toegestaan";
    public const string PartnerNietAangesloten = "casus.partner-niet-aangesloten";
    public const string PartnerAlAangesloten = "casus.partner-al-aangesloten";
    public const string SubjectAlToegevoegd = "casus.subject-al-toegevoegd";
    public const string VerzoekOnbekend = "casus.verzoek-onbekend";
    public const string VerzoekAanAnderePartner = "casus.verzoek-aan-andere-partner";
    public const string VerzoekAlBeantwoord = "casus.verzoek-al-beantwoord";
    public const string AnalyseOntbreekt = "casus.analyse-ontbreekt";
    public const string AdviesOnbekend = "casus.advies-onbekend";
    public const string AdviesAnderePartnerOfInstrument = "casus.advies-andere-partner-of-instrument";
    public const string EvaluatieOntbreekt = "casus.evaluatie-ontbreekt";
    public const string TerugstapOngeldig = "casus.terugstap-ongeldig";
    public const string DatumVoorSignaal = "casus.datum-voor-signaal";
    public const string DatumVoorVorigeStap = "casus.datum-voor-vorige-stap";
}
