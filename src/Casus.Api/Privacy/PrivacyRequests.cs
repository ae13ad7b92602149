using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Domain.Gedeeld;
using Casus.Domain.Privacy;

namespace Casus.Api.Privacy;

/// <summary>Rectification of subject {nummer} (AVG art. 16): the corrected data (as when adding a subject; the same soort or
/// another), why, and whether the old value must be destroyed now (otherwise it stays, encrypted, in the history until the casus
/// itself is destroyed).</summary>
public sealed record RectificatieRequest(
    [property: Required] SubjectRequest? Subject, [property: Required, MaxLength(2000)] string? Reden, bool? OudeGegevensVernietigen = null)
{
    public static RectificatieRequest Example { get; } = new(
        new SubjectRequest(SubjectSoort.Rechtspersoon, KvkNummer: "12345679", Naam: "Ringbaan Vastgoed B.V."),
        "KvK-nummer verkeerd overgenomen; gecorrigeerd na verzoek van de betrokkene (art. 16 AVG).", true);

    public (Subject Subject, string Reden, bool OudeGegevensVernietigen) Lees(InputValidator v) =>
        (v.Required(Subject, "subject", (s, _) => s.ToSubject(v)), new Velden<RectificatieRequest>(v).Text(Reden, "reden"), OudeGegevensVernietigen ?? false);
}

/// <summary>An erasure request (AVG art. 17) for one person or object: the identifying data (as when adding a subject; the API
/// derives the pseudonym and finds every casus through the processing log), the legal ground, the privacy officer's reference
/// of the request (letters, digits, <c>-</c>, <c>/</c>, <c>.</c>, <c>_</c>; never a name), and whether the free text of the
/// casussen must be destroyed too.</summary>
public sealed partial record WisverzoekRequest(
    [property: Required] SubjectRequest? Subject, [property: Required] Wisgrond? Grond, [property: Required, MaxLength(64)] string? Kenmerk,
    bool? VrijeTekstVernietigen = null)
{
    public static WisverzoekRequest Example { get; } = new(SubjectRequest.Example, Wisgrond.NietMeerNodig, "AVG-2031-0042", false);

    public (Subject Subject, Wisgrond Grond, string Kenmerk, bool VrijeTekst) Lees(InputValidator v)
    {
        var subject = v.Required(Subject, "subject", (s, _) => s.ToSubject(v));
        var grond = v.Required(Grond, "grond");
        var kenmerk = new Velden<WisverzoekRequest>(v).Text(Kenmerk, "kenmerk");
        if (kenmerk.Length > 0 && !KenmerkVorm().IsMatch(kenmerk))
            v.Add("kenmerk", "invalid", "Het kenmerk van het verzoek: letters, cijfers en - / . _ (geen spaties), bijvoorbeeld AVG-2031-0042.");
        return (subject, grond, kenmerk, VrijeTekstVernietigen ?? false);
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex KenmerkVorm();
}

/// <summary>An approval of a destruction list: no body needed (who and when come from the token and the clock).</summary>
public sealed record AkkoordRequest
{
    public static AkkoordRequest Example { get; } = new();
}
