using System.Text.Json.Serialization;

namespace Casus.Domain.Gedeeld;

/// <summary>Who or what a casus is about. <see cref="Sleutel"/> identifies the subject across casussen
/// (type plus normalised identifying fields); it is what a pseudonym is derived from, never shown as is.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "soort")]
[JsonDerivedType(typeof(NatuurlijkPersoon), "natuurlijk-persoon")]
[JsonDerivedType(typeof(Rechtspersoon), "rechtspersoon")]
[JsonDerivedType(typeof(ObjectLocatie), "object-locatie")]
[JsonDerivedType(typeof(VernietigdSubject), "vernietigd")]
public abstract record Subject
{
    [JsonIgnore]
    public abstract string Sleutel { get; }

    /// <summary>Joins normalised parts (trimmed, inner white space collapsed, upper case) with a separator that
    /// cannot occur in them, so different field values never give the same key.</summary>
    protected static string Sleutelvan(params string?[] delen) =>
        string.Join('\u001f', delen.Select(d => string.Join(' ', (d ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            .ToUpperInvariant()));
}

/// <summary>A person: identified by BSN when known, otherwise by name and date of birth.</summary>
public sealed record NatuurlijkPersoon(string Voornamen, string Achternaam, DateOnly Geboortedatum, string? Bsn = null) : Subject
{
    [JsonIgnore]
    public override string Sleutel => string.IsNullOrWhiteSpace(Bsn)
        ? Sleutelvan("natuurlijk-persoon", Achternaam, Voornamen, Geboortedatum.ToString("yyyy-MM-dd"))
        : Sleutelvan("natuurlijk-persoon", "bsn", Bsn);
}

/// <summary>A company or other legal entity, identified by its KvK number.</summary>
public sealed record Rechtspersoon(string KvkNummer, string Naam) : Subject
{
    [JsonIgnore]
    public override string Sleutel => Sleutelvan("rechtspersoon", "kvk", KvkNummer);
}

/// <summary>A building or location, identified by postcode, house number and addition.</summary>
public sealed record ObjectLocatie(string Postcode, int Huisnummer, string? Huisnummertoevoeging, string Omschrijving) : Subject
{
    [JsonIgnore]
    public override string Sleutel =>
        Sleutelvan("object-locatie", Postcode.Replace(" ", ""), Huisnummer.ToString(System.Globalization.CultureInfo.InvariantCulture), Huisnummertoevoeging);
}

/// <summary>A subject whose identifying data were destroyed on <paramref name="VernietigdOp"/> (retention term passed, erased
/// on request, or an old value after rectification): what a reader gets instead of the data, never empty and never an error.
/// It identifies nobody; its <see cref="Sleutel"/> matches no other subject.</summary>
public sealed record VernietigdSubject(DateOnly VernietigdOp) : Subject
{
    [JsonIgnore]
    public override string Sleutel => Sleutelvan("vernietigd", VernietigdOp.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
