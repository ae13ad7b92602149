using System.Globalization;
using System.Text.RegularExpressions;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>Brochure 3.3: a bestuurlijk signaal holds no information about subjects or objects. Finds, per text field, the
/// identifying data of the linked casus's subjects (names, BSN, KvK numbers, addresses) and anything that looks like a BSN
/// (nine digits passing the elfproef), a KvK number or a postcode with a house number. Pure.
/// <para>A KvK number has no check digit (since 2020 the KvK hands out eight-digit numbers without the old elfproef), so eight
/// digits alone would also catch amounts, counts and dates (<c>20261123</c>). Any eight-digit number is therefore flagged only
/// with a KvK context: <c>KvK</c> (also <c>K.v.K.</c>, <c>KvK-nummer</c>), <c>Kamer van Koophandel</c>,
/// <c>handelsregister</c>, <c>inschrijvingsnummer</c> or <c>inschrijfnummer</c> at most <see cref="KvkContextVoor"/>
/// characters before it or <see cref="KvkContextNa"/> after it (<c>12345678 (KvK)</c>). The KvK number of a subject of the
/// linked casus is flagged wherever it appears.</para></summary>
public static partial class Subjectcontrole
{
    public const string Bsn = "bsn";
    public const string KvkNummer = "kvk-nummer";
    public const string PostcodeHuisnummer = "postcode-huisnummer";
    public const string SubjectNaam = "subject-naam";
    public const string SubjectGeboortedatum = "subject-geboortedatum";
    public const string SubjectAdres = "subject-adres";

    /// <summary>How far before an eight-digit number a KvK context word may stand (e.g. "ingeschreven bij de Kamer van
    /// Koophandel onder nummer 12345678").</summary>
    public const int KvkContextVoor = 40;

    /// <summary>How far after it (e.g. "12345678 (KvK)", "12345678 in het handelsregister").</summary>
    public const int KvkContextNa = 25;

    public static IReadOnlyList<Vondst> Controleer(SignaalInhoud inhoud, IReadOnlyList<Subject> casusSubjecten)
    {
        var vondsten = new List<Vondst>();
        foreach (var (pad, tekst) in inhoud.Teksten())
            foreach (var (soort, reden) in Vind(tekst, casusSubjecten).DistinctBy(v => v.Soort))
                vondsten.Add(new Vondst(pad, soort, reden));
        return vondsten;
    }

    /// <summary>What <paramref name="tekst"/> holds that identifies a subject or object.</summary>
    public static IEnumerable<(string Soort, string Reden)> Vind(string tekst, IReadOnlyList<Subject> casusSubjecten)
    {
        foreach (Match m in BsnVorm().Matches(tekst))
            if (Identificatie.IsGeldigBsn(Cijfers(m.Value)))
                yield return (Bsn, "Bevat een nummer dat een BSN is (elfproef).");
        if (LijktOpKvkNummer(tekst)) yield return (KvkNummer, "Bevat een nummer van acht cijfers bij een verwijzing naar de KvK (een KvK-nummer).");
        if (PostcodeMetHuisnummer().IsMatch(tekst) || HuisnummerMetPostcode().IsMatch(tekst))
            yield return (PostcodeHuisnummer, "Bevat een postcode met huisnummer (een adres).");

        // Every number in the text, its grouping (dots, single spaces) removed, to compare with a subject's BSN or KvK number.
        var nummers = Getal().Matches(tekst).Select(m => Cijfers(m.Value)).ToHashSet();
        foreach (var subject in casusSubjecten)
        {
            switch (subject)
            {
                case NatuurlijkPersoon p:
                    if (BevatWoorden(tekst, $"{p.Voornamen} {p.Achternaam}") || BevatWoorden(tekst, p.Achternaam))
                        yield return (SubjectNaam, "Bevat de naam van een subject van de gekoppelde casus.");
                    if (p.Bsn is { Length: > 0 } bsn && nummers.Contains(Cijfers(bsn)))
                        yield return (Bsn, "Bevat het BSN van een subject van de gekoppelde casus.");
                    if (tekst.Contains(p.Geboortedatum.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), StringComparison.Ordinal)
                        || tekst.Contains(p.Geboortedatum.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), StringComparison.Ordinal))
                        yield return (SubjectGeboortedatum, "Bevat de geboortedatum van een subject van de gekoppelde casus.");
                    break;
                case Rechtspersoon r:
                    if (BevatWoorden(tekst, r.Naam)) yield return (SubjectNaam, "Bevat de naam van een subject van de gekoppelde casus.");
                    if (nummers.Contains(Cijfers(r.KvkNummer)))
                        yield return (KvkNummer, "Bevat het KvK-nummer van een subject van de gekoppelde casus.");
                    break;
                case ObjectLocatie o:
                    var postcode = o.Postcode.Replace(" ", "", StringComparison.Ordinal);
                    if (postcode.Length == 6 && BevatWoorden(tekst, $"{postcode[..4]} {postcode[4..]}", optioneleSpatie: true))
                        yield return (SubjectAdres, "Bevat de postcode van een object van de gekoppelde casus.");
                    if (BevatWoorden(tekst, o.Omschrijving))
                        yield return (SubjectAdres, "Bevat de omschrijving van een object van de gekoppelde casus.");
                    break;
            }
        }
    }

    /// <summary>Whether <paramref name="tekst"/> holds an eight-digit number (also as 1234 5678 or 1234.5678) with a KvK context
    /// word close before or after it.</summary>
    public static bool LijktOpKvkNummer(string tekst)
    {
        foreach (Match m in KvkVorm().Matches(tekst))
        {
            var voor = tekst[Math.Max(0, m.Index - KvkContextVoor)..m.Index];
            var eind = m.Index + m.Length;
            var na = tekst[eind..Math.Min(tekst.Length, eind + KvkContextNa)];
            if (KvkContext().IsMatch(voor) || KvkContext().IsMatch(na)) return true;
        }
        return false;
    }

    /// <summary>Whether <paramref name="tekst"/> holds <paramref name="woorden"/> as whole words (case and white space ignored).</summary>
    private static bool BevatWoorden(string tekst, string woorden, bool optioneleSpatie = false)
    {
        var delen = woorden.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (delen.Length == 0 || string.Concat(delen).Length < 2) return false;
        var patroon = $@"(?<![\p{{L}}\p{{N}}]){string.Join(optioneleSpatie ? @"\s*" : @"\s+", delen.Select(Regex.Escape))}(?![\p{{L}}\p{{N}}])";
        return Regex.IsMatch(tekst, patroon, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static string Cijfers(string tekst) => string.Concat(tekst.Where(char.IsAsciiDigit));

    /// <summary>Nine digits, possibly grouped by dots or spaces (123456782, 1234.56.782, 123 456 782).</summary>
    [GeneratedRegex(@"(?<![\d.])\d{3,4}[.\s]?\d{2,3}[.\s]?\d{3}(?![\d])")]
    private static partial Regex BsnVorm();

    [GeneratedRegex(@"(?<!\d)\d(?:[.\s]?\d)*(?!\d)")]
    private static partial Regex Getal();

    [GeneratedRegex(@"(?<![\d.])\d{4}[.\s]?\d{4}(?![\d]|[.,]\d)")]
    private static partial Regex KvkVorm();

    [GeneratedRegex(@"(?<![\p{L}])(k\.?\s?v\.?\s?k\.?|kamer\s+van\s+koophandel|handelsregister|inschrijvingsnummer|inschrijfnummer)(?![\p{L}])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KvkContext();

    [GeneratedRegex(@"(?<!\d)[1-9]\d{3}\s?[A-Z]{2}\b[\s,]+\d{1,5}(?!\d)")]
    private static partial Regex PostcodeMetHuisnummer();

    [GeneratedRegex(@"(?<![\d.])\d{1,5}[A-Za-z]?\s*,?\s+[1-9]\d{3}\s?[A-Z]{2}\b")]
    private static partial Regex HuisnummerMetPostcode();
}
