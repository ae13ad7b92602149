using System.Text.Json.Serialization;

namespace Casus.Domain.Gedeeld;

/// <summary>Who or what a casus is about. <see cref="Sleutel"/> identifies the subject across casussen
/// (type plus identifying fields); it is what a pseudonym is derived from, never shown as is.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "soort")]
[JsonDerivedType(typeof(NatuurlijkPersoon), "natuurlijk-persoon")]
[JsonDerivedType(typeof(Rechtspersoon), "rechtspersoon")]
[JsonDerivedType(typeof(ObjectLocatie), "object-locatie")]
public abstract record Subject
{
    [JsonIgnore]
    public abstract string Sleutel { get; }
}

/// <summary>A person: identified by BSN when known, otherwise by name and date of birth.</summary>
public sealed record NatuurlijkPersoon(string Voornamen, string Achternaam, DateOnly Geboortedatum, string? Bsn = null) : Subject
{
    public override string Sleutel => Bsn is { } bsn
        ? $"natuurlijk-persoon:bsn:{bsn}"
        : $"natuurlijk-persoon:{Achternaam.Trim().ToUpperInvariant()}:{Voornamen.Trim().ToUpperInvariant()}:{Geboortedatum:yyyy-MM-dd}";
}

/// <summary>A company or other legal entity, identified by its KvK number.</summary>
public sealed record Rechtspersoon(string KvkNummer, string Naam) : Subject
{
    public override string Sleutel => $"rechtspersoon:kvk:{KvkNummer}";
}

/// <summary>A building or location, identified by postcode, house number and addition.</summary>
public sealed record ObjectLocatie(string Postcode, int Huisnummer, string? Huisnummertoevoeging, string Omschrijving) : Subject
{
    public override string Sleutel =>
        $"object-locatie:{Postcode.ToUpperInvariant()}:{Huisnummer}:{Huisnummertoevoeging?.Trim().ToUpperInvariant()}";
}
