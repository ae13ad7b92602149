using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Casussen.Requests;

/// <summary>A partner organisation joins the casus.</summary>
/// <param name="Organisatie">The organisation that joins.</param>
/// <param name="Datum">The day it joined (business date): not before the casus
/// entered its current step. Default: today.</param>
public sealed record PartnerRequest([property: Required] OrganisatieRequest? Organisatie, [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<PartnerRequest>
{
    public ICasusCommando ToCommand(InputValidator v) =>
        new PartnerAansluiten(v.Required(Organisatie, "organisatie", (o, p) => o.ToOrganisatie(v, p)), v.Bedrijfsdatum(Datum, "datum"));

    public static PartnerRequest Example { get; } =
        new(new OrganisatieRequest("00000001822477348000", "Nederlandse Arbeidsinspectie", PartnerType.Arbeidsinspectie), new DateOnly(2026, 11, 6));
}

public enum SubjectSoort
{
    NatuurlijkPersoon,
    Rechtspersoon,
    ObjectLocatie,
}

/// <summary>A subject of the casus. Per soort: natuurlijk-persoon needs voornamen, achternaam, geboortedatum (bsn
/// optional, elfproef); rechtspersoon needs kvkNummer (8 digits) and naam; object-locatie needs postcode (1234AB),
/// huisnummer and omschrijving (huisnummertoevoeging optional). Fields of another soort are refused. A geboortedatum lies
/// between 1900-01-01 and today.</summary>
public sealed record SubjectRequest(
    [property: Required] SubjectSoort? Soort,
    [property: MaxLength(200)] string? Voornamen = null, [property: MaxLength(200)] string? Achternaam = null,
    [property: Geboortedatum] DateOnly? Geboortedatum = null,
    [property: MaxLength(9), RegularExpression("^[0-9]{9}$")] string? Bsn = null,
    [property: MaxLength(8), RegularExpression("^[0-9]{8}$")] string? KvkNummer = null, [property: MaxLength(200)] string? Naam = null,
    [property: MaxLength(6), RegularExpression("^[1-9][0-9]{3}[A-Za-z]{2}$")] string? Postcode = null, [property: Range(1, 99999)] int? Huisnummer = null,
    [property: MaxLength(10)] string? Huisnummertoevoeging = null, [property: MaxLength(1000)] string? Omschrijving = null)
    : ICommandRequest<SubjectRequest>
{
    public ICasusCommando ToCommand(InputValidator v) => new SubjectToevoegen(ToSubject(v));

    /// <summary>The subject these fields identify; reports every invalid field to <paramref name="v"/>.</summary>
    public Subject ToSubject(InputValidator v)
    {
        var soort = v.Required(Soort, "soort");
        var fields = new (string Name, object? Value, SubjectSoort Of)[]
        {
            ("voornamen", Voornamen, SubjectSoort.NatuurlijkPersoon), ("achternaam", Achternaam, SubjectSoort.NatuurlijkPersoon),
            ("geboortedatum", Geboortedatum, SubjectSoort.NatuurlijkPersoon), ("bsn", Bsn, SubjectSoort.NatuurlijkPersoon),
            ("kvkNummer", KvkNummer, SubjectSoort.Rechtspersoon), ("naam", Naam, SubjectSoort.Rechtspersoon),
            ("postcode", Postcode, SubjectSoort.ObjectLocatie), ("huisnummer", Huisnummer, SubjectSoort.ObjectLocatie),
            ("huisnummertoevoeging", Huisnummertoevoeging, SubjectSoort.ObjectLocatie), ("omschrijving", Omschrijving, SubjectSoort.ObjectLocatie),
        };
        if (Soort is not null)
            foreach (var (name, value, of) in fields)
                if (value is not null && of != soort)
                    v.Add(name, "not-allowed", $"Hoort niet bij een subject van soort {Names.Of(soort)}.");
        return soort switch
        {
            SubjectSoort.NatuurlijkPersoon => Persoon(v),
            SubjectSoort.Rechtspersoon => Rechtspersoon(v),
            _ => ObjectLocatie(v),
        };
    }

    private NatuurlijkPersoon Persoon(InputValidator v)
    {
        var r = new Velden<SubjectRequest>(v);
        var bsn = r.OptionalText(Bsn, "bsn");
        if (bsn is not null && !Identificatie.IsGeldigBsn(bsn)) v.Add("bsn", "invalid", "Geen geldig BSN (9 cijfers, elfproef).");
        return new NatuurlijkPersoon(r.Text(Voornamen, "voornamen"), r.Text(Achternaam, "achternaam"),
            v.Geboortedatum(Geboortedatum, "geboortedatum"), bsn);
    }

    private Rechtspersoon Rechtspersoon(InputValidator v)
    {
        var r = new Velden<SubjectRequest>(v);
        var kvk = r.Text(KvkNummer, "kvkNummer");
        if (kvk != "" && !Identificatie.IsGeldigKvkNummer(kvk)) v.Add("kvkNummer", "invalid", "Een KvK-nummer is 8 cijfers.");
        return new Rechtspersoon(kvk, r.Text(Naam, "naam"));
    }

    private ObjectLocatie ObjectLocatie(InputValidator v)
    {
        var r = new Velden<SubjectRequest>(v);
        var postcode = r.Text(Postcode, "postcode").ToUpperInvariant();
        if (postcode != "" && !Identificatie.IsGeldigePostcode(postcode)) v.Add("postcode", "invalid", "Schrijf de postcode als 1234AB.");
        var huisnummer = v.Required(Huisnummer, "huisnummer");
        r.Integer(Huisnummer, "huisnummer");
        return new ObjectLocatie(postcode, huisnummer, r.OptionalText(Huisnummertoevoeging, "huisnummertoevoeging"),
            r.Text(Omschrijving, "omschrijving"));
    }

    public static SubjectRequest Example { get; } = new(SubjectSoort.Rechtspersoon, KvkNummer: "12345678", Naam: "Ringbaan Vastgoed B.V.");
}
