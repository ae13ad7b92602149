using System.Globalization;
using System.Text.RegularExpressions;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Privacy;

/// <summary>What kind of personal data a destruction covered.</summary>
public enum Gegevenscategorie
{
    /// <summary>The subjects' identifying data: BSN, names, dates of birth, KvK numbers, addresses and object descriptions.</summary>
    Subjectgegevens,
    /// <summary>The free text that may name people: omschrijving, motivering, vragen, bijdragen, analyse, adviezen, resultaten,
    /// toelichtingen, evaluaties and redenen.</summary>
    VrijeTekst,
}

/// <summary>Which data of a casus are personal data, and what they look like once destroyed. Pure: the storage edge
/// (Casus.Projections) encrypts exactly these fields and every <see cref="Subject"/>; the rest of a casus is its skeleton
/// (steps, dates, region, themes, instruments, amounts, partners, numbers), which stays readable forever.</summary>
public static partial class Persoonsgegevens
{
    /// <summary>Every free-text field, per type (C# property names): in events and in the state. Subjects are personal data
    /// as a whole, wherever they occur (<see cref="Subject"/>), so they are not listed. A test fails when a type of a casus
    /// gets a text field that is neither here nor in its list of skeleton fields.</summary>
    public static IReadOnlyDictionary<Type, IReadOnlyList<string>> VrijeTekst { get; } = new Dictionary<Type, IReadOnlyList<string>>
    {
        [typeof(SignaalIngediend)] = [nameof(SignaalIngediend.Omschrijving)],
        [typeof(CasusOpgenomen)] = [nameof(CasusOpgenomen.Motivering)],
        [typeof(CasusNietOpgenomen)] = [nameof(CasusNietOpgenomen.Reden)],
        [typeof(InformatieVerzocht)] = [nameof(InformatieVerzocht.Vraag)],
        [typeof(InformatieGedeeld)] = [nameof(InformatieGedeeld.Samenvatting)],
        [typeof(AnalyseVastgelegd)] = [nameof(AnalyseVastgelegd.Samenvatting)],
        [typeof(GeadviseerdeInterventie)] = [nameof(GeadviseerdeInterventie.Omschrijving)],
        [typeof(InterventieGeregistreerd)] = [nameof(InterventieGeregistreerd.Resultaat)],
        [typeof(UitvoeringAfgerond)] = [nameof(UitvoeringAfgerond.Toelichting)],
        [typeof(EvaluatieVastgelegd)] = [nameof(EvaluatieVastgelegd.Effect), nameof(EvaluatieVastgelegd.Lessen)],
        [typeof(Teruggestapt)] = [nameof(Teruggestapt.Reden)],
        [typeof(CasusAfgesloten)] = [nameof(CasusAfgesloten.Reden)],
        [typeof(SubjectGerectificeerd)] = [nameof(SubjectGerectificeerd.Reden)],
        [typeof(IntegraleCasus)] = [nameof(IntegraleCasus.Omschrijving), nameof(IntegraleCasus.Motivering), nameof(IntegraleCasus.Analyse)],
        [typeof(Informatieverzoek)] = [nameof(Informatieverzoek.Vraag)],
        [typeof(Interventieadvies)] = [nameof(Interventieadvies.Omschrijving)],
        [typeof(Afsluitgegevens)] = [nameof(Afsluitgegevens.Reden)],
    };

    /// <summary>What a destroyed text field reads: "[vernietigd op 2031-05-01]".</summary>
    public static string Vernietigd(DateOnly op) => $"[vernietigd op {op.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}]";

    /// <summary>Whether <paramref name="tekst"/> is what <see cref="Vernietigd"/> makes.</summary>
    public static bool IsVernietigd(string? tekst) => tekst is not null && Markering().IsMatch(tekst);

    /// <summary>The subjects whose data can still be read (not destroyed): the ones a processing of the casus touches.</summary>
    public static IEnumerable<Subject> Leesbaar(IntegraleCasus casus) =>
        casus.Subjecten.Select(s => s.Subject).Where(s => s is not VernietigdSubject);

    /// <summary>The casus with every free-text field destroyed on <paramref name="op"/> (absent ones stay absent).</summary>
    public static IntegraleCasus VrijeTekstVernietigen(IntegraleCasus casus, DateOnly op)
    {
        var m = Vernietigd(op);
        return casus with
        {
            Omschrijving = m,
            Motivering = casus.Motivering is null ? null : m,
            Analyse = casus.Analyse is null ? null : m,
            Informatieverzoeken = casus.Informatieverzoeken.Select(v => v with { Vraag = m }).ToList(),
            Informatiebijdragen = casus.Informatiebijdragen.Select(b => b with { Samenvatting = m }).ToList(),
            Interventieadviezen = casus.Interventieadviezen.Select(a => a with { Omschrijving = m }).ToList(),
            Interventies = casus.Interventies.Select(i => i with { Resultaat = m }).ToList(),
            Evaluaties = casus.Evaluaties.Select(e => e with { Effect = m, Lessen = m }).ToList(),
            Afsluiting = casus.Afsluiting is { } a ? a with { Reden = m } : null,
        };
    }

    /// <summary>The casus with the data of subject <paramref name="nummer"/> (null: of every subject) destroyed on <paramref name="op"/>.</summary>
    public static IntegraleCasus SubjectenVernietigen(IntegraleCasus casus, int? nummer, DateOnly op) => casus with
    {
        Subjecten = casus.Subjecten
            .Select(s => (nummer is null || s.Nummer == nummer) && s.Subject is not VernietigdSubject ? s with { Subject = new VernietigdSubject(op) } : s)
            .ToList(),
    };

    [GeneratedRegex(@"^\[vernietigd op \d{4}-\d{2}-\d{2}\]$", RegexOptions.CultureInvariant)]
    private static partial Regex Markering();
}
