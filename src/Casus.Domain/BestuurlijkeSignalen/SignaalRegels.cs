using Casus.Domain.Casussen;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>The codes of every rule a signaal command can break (problem+json <c>code</c>, tests, docs).</summary>
public static class SignaalRegels
{
    public const string StapNietToegestaan = "bestuurlijk-signaal.stap-niet-toegestaan";
    public const string DefinitiefIngediend = "bestuurlijk-signaal.definitief-ingediend";
    public const string Subjectgegevens = "bestuurlijk-signaal.subjectgegevens";
    public const string IndienerAlToegevoegd = "bestuurlijk-signaal.indiener-al-toegevoegd";
    public const string DatumVoorVorigeStap = "bestuurlijk-signaal.datum-voor-vorige-stap";
    public const string GeenIndiener = "bestuurlijk-signaal.geen-indiener";
    public const string ToestemmingAlVastgelegd = "bestuurlijk-signaal.toestemming-al-vastgelegd";
    public const string ToestemmingOntbreekt = "bestuurlijk-signaal.toestemming-ontbreekt";
    public const string AlGepubliceerd = "bestuurlijk-signaal.al-gepubliceerd";

    public static IReadOnlyList<string> Alle { get; } =
        [StapNietToegestaan, DefinitiefIngediend, Subjectgegevens, IndienerAlToegevoegd, DatumVoorVorigeStap, GeenIndiener,
         ToestemmingAlVastgelegd, ToestemmingOntbreekt, AlGepubliceerd];
}

/// <summary>The command is not in the procedure table for the signaal's current step.</summary>
public sealed record SignaalStapNietToegestaan(SignaalCommandoSoort Commando, SignaalStap? Huidig, IReadOnlyList<SignaalCommandoSoort> Toegestaan)
    : Regelschending(SignaalRegels.StapNietToegestaan,
        Huidig is null
            ? $"{Commando} kan niet: het bestuurlijk signaal bestaat nog niet."
            : $"{Commando} is niet toegestaan in stap {Huidig}; toegestaan: " +
              (Toegestaan.Count == 0 ? "niets." : $"{string.Join(", ", Toegestaan)}."));

/// <summary>The signaal was submitted definitively: its text and indieners no longer change, and it cannot be withdrawn.</summary>
public sealed record SignaalBevroren(SignaalCommandoSoort Commando, SignaalStap Huidig, string InhoudHash)
    : Regelschending(SignaalRegels.DefinitiefIngediend,
        $"Het bestuurlijk signaal is definitief ingediend (hash {InhoudHash}); daarna kan er niets meer aan worden gewijzigd ({Commando}).");

/// <summary>One field of a draft that holds subject or object information (brochure 3.3), and what kind.</summary>
public sealed record Vondst(string Veld, string Soort, string Reden);

/// <summary>The draft holds subject or object information: refused, naming every field (never the value).</summary>
public sealed record SubjectgegevensGevonden(IReadOnlyList<Vondst> Vondsten)
    : Regelschending(SignaalRegels.Subjectgegevens,
        "Een bestuurlijk signaal bevat geen informatie over subjecten of objecten (brochure 3.3). Verwijder dit uit: " +
        string.Join(", ", Vondsten.Select(v => v.Veld).Distinct()) + ".");

/// <summary>The outcome of a signaal decision: the events to append, or the rule it breaks.</summary>
public sealed record SignaalBeslissing(IReadOnlyList<ISignaalGebeurtenis> Gebeurtenissen, Regelschending? Schending)
{
    public static SignaalBeslissing Gebeurd(params ISignaalGebeurtenis[] gebeurtenissen) => new(gebeurtenissen, null);
    public static SignaalBeslissing Geweigerd(string code, string melding) => new([], new Regelschending(code, melding));
    public static implicit operator SignaalBeslissing(Regelschending schending) => new([], schending);
}
