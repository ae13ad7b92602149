using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Privacy;

/// <summary>Rectification (AVG art. 16): subject <paramref name="Nummer"/> of the casus gets corrected data, with a reason.
/// <paramref name="OudeGegevensVernietigen"/>: destroy the old value at once (it is otherwise kept, encrypted, in the history
/// until the casus itself is destroyed). Not a step command: allowed in every step, also in a closed casus.</summary>
public sealed record SubjectRectificeren(int Nummer, Subject Subject, string Reden, bool OudeGegevensVernietigen);

/// <summary>Subject <paramref name="Nummer"/> was corrected on <paramref name="Datum"/>; readers see <paramref name="Subject"/>
/// from now on. <paramref name="OudeGegevensVernietigd"/>: every earlier value of this subject was destroyed.</summary>
public sealed record SubjectGerectificeerd(int Nummer, Subject Subject, string Reden, DateOnly Datum, bool OudeGegevensVernietigd)
    : ICasusGebeurtenis;

/// <summary>The legal ground of an erasure request (AVG art. 17 lid 1).</summary>
public enum Wisgrond
{
    /// <summary>Sub a: no longer needed for the purpose it was collected for.</summary>
    NietMeerNodig,
    /// <summary>Sub c: the person objected (art. 21) and there are no overriding grounds.</summary>
    Bezwaar,
    /// <summary>Sub d: processed unlawfully.</summary>
    Onrechtmatig,
    /// <summary>Sub e: a legal obligation to erase.</summary>
    WettelijkeVerplichting,
}

/// <summary>The data of subject <paramref name="Nummer"/> were erased on request <paramref name="VerzoekId"/> (art. 17) on
/// <paramref name="Datum"/>; <paramref name="VrijeTekstVernietigd"/>: the casus's free text too.</summary>
public sealed record SubjectGewist(int Nummer, Guid VerzoekId, Wisgrond Grond, DateOnly Datum, bool VrijeTekstVernietigd) : ICasusGebeurtenis;

/// <summary>The retention term of the casus passed and destruction list <paramref name="LijstId"/> was approved: its personal
/// data (<paramref name="Categorieen"/>) were destroyed on <paramref name="Datum"/>, under activity <paramref name="Activiteit"/>
/// (id@version) whose term (<paramref name="Bewaartermijn"/>) ended on <paramref name="LaatsteBewaardag"/>. The skeleton stays.</summary>
public sealed record PersoonsgegevensVernietigd(
    Guid LijstId, DateOnly Datum, IReadOnlyList<Gegevenscategorie> Categorieen, string Activiteit, string Bewaartermijn, DateOnly LaatsteBewaardag)
    : ICasusGebeurtenis;

/// <summary>That the personal data of a casus were destroyed: when, on which list, which categories.</summary>
public sealed record Vernietiging(DateOnly Datum, Guid LijstId, IReadOnlyList<Gegevenscategorie> Categorieen);

/// <summary>The codes of the privacy rules.</summary>
public static class Privacyregels
{
    public const string SubjectOnbekend = "privacy.subject-onbekend";
    public const string SubjectVernietigd = "privacy.subject-vernietigd";
    public const string GeenWijziging = "privacy.geen-wijziging";
    public const string CasusVernietigd = "privacy.casus-vernietigd";
    public const string CasusLoopt = "privacy.casus-loopt";
    public const string Bewaarplicht = "privacy.bewaarplicht";
    public const string WissenGeweigerd = "privacy.wissen-geweigerd";
    public const string VierOgen = "vernietiging.vier-ogen";
    public const string LijstNietVoorgesteld = "vernietiging.niet-voorgesteld";
}

/// <summary>The outcome of the legal check of an erasure request for one casus: allowed, or refused with a code, a reason for
/// people and, under a bewaarplicht, the last day the data must be kept.</summary>
public sealed record Wisbesluit(bool Toegestaan, string? Code, string? Reden, DateOnly? BewarenTot)
{
    public static Wisbesluit Ja { get; } = new(true, null, null, null);
}

/// <summary>Rectification and erasure as pure decisions.</summary>
public static class Rechten
{
    /// <param name="vandaag">The Dutch day of the rectification.</param>
    public static Beslissing Rectificeren(IntegraleCasus casus, SubjectRectificeren c, DateOnly vandaag)
    {
        if (casus.Vernietiging is { } v)
            return Beslissing.Geweigerd(Privacyregels.CasusVernietigd, $"De persoonsgegevens van deze casus zijn op {v.Datum:yyyy-MM-dd} vernietigd.");
        var subject = casus.Subjecten.FirstOrDefault(s => s.Nummer == c.Nummer);
        if (subject is null) return Beslissing.Geweigerd(Privacyregels.SubjectOnbekend, $"Subject {c.Nummer} bestaat niet in deze casus.");
        if (subject.Subject is VernietigdSubject weg)
            return Beslissing.Geweigerd(Privacyregels.SubjectVernietigd, $"De gegevens van subject {c.Nummer} zijn op {weg.VernietigdOp:yyyy-MM-dd} vernietigd.");
        if (subject.Subject == c.Subject)
            return Beslissing.Geweigerd(Privacyregels.GeenWijziging, $"Subject {c.Nummer} heeft deze gegevens al.");
        if (casus.Subjecten.FirstOrDefault(s => s.Nummer != c.Nummer && s.Subject.Sleutel == c.Subject.Sleutel) is { } ander)
            return Beslissing.Geweigerd(Regels.SubjectAlToegevoegd, $"Dit subject staat al in de casus als subject {ander.Nummer}.");
        return Beslissing.Gebeurd(new SubjectGerectificeerd(c.Nummer, c.Subject, c.Reden, vandaag, c.OudeGegevensVernietigen));
    }

    /// <summary>May the data of <paramref name="casus"/> be erased on request today? Grounds a and c yield to the exceptions of
    /// art. 17 lid 3: a running casus (the public task needs them, sub b) and the bewaarplicht after closing (accountability
    /// and legal claims, sub b and e). Data processed unlawfully (sub d) or under a legal obligation to erase (sub e) are erased
    /// regardless.</summary>
    public static Wisbesluit Wisbeoordeling(IntegraleCasus casus, Bewaarbeleid beleid, Wisgrond grond, DateOnly vandaag)
    {
        if (casus.Vernietiging is { } v)
            return new Wisbesluit(false, Privacyregels.CasusVernietigd, $"De persoonsgegevens van deze casus zijn al op {v.Datum:yyyy-MM-dd} vernietigd.", null);
        if (grond is Wisgrond.Onrechtmatig or Wisgrond.WettelijkeVerplichting) return Wisbesluit.Ja;
        if (casus.Stap != Stap.Afgesloten)
            return new Wisbesluit(false, Privacyregels.CasusLoopt,
                "De casus loopt nog: de gegevens zijn nodig voor de taak van algemeen belang waarvoor ze worden verwerkt (art. 17 lid 3 sub b AVG).", null);
        if (beleid.LaatsteBewaarplichtdag(casus) is { } plicht && vandaag <= plicht)
            return new Wisbesluit(false, Privacyregels.Bewaarplicht,
                $"De casus is afgesloten op {casus.Afsluiting!.Datum:yyyy-MM-dd}; de gegevens moeten voor verantwoording, klachten en bezwaar " +
                $"bewaard blijven tot en met {plicht:yyyy-MM-dd} (bewaarplicht {beleid.BewaarplichtMaanden} maanden, art. 17 lid 3 sub b en e AVG).", plicht);
        return Wisbesluit.Ja;
    }

    /// <summary>The numbers of the subjects of <paramref name="casus"/> that are <paramref name="subject"/> (by its identifying key).</summary>
    public static IReadOnlyList<int> NummersVan(IntegraleCasus casus, Subject subject) =>
        casus.Subjecten.Where(s => s.Subject is not VernietigdSubject && s.Subject.Sleutel == subject.Sleutel).Select(s => s.Nummer).ToList();
}
