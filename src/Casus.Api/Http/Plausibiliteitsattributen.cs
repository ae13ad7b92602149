namespace Casus.Api.Http;

/// <summary>Marks a business date of a request: between <see cref="Domain.Gedeeld.Plausibiliteit.VroegsteDatum"/> and today
/// (enforced by <see cref="InputValidator.Bedrijfsdatum"/> or <see cref="InputValidator.PastDate"/>; written in the OpenAPI
/// schema as <c>formatMinimum</c> and in its description).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class BedrijfsdatumAttribute : Attribute;

/// <summary>Marks a date of birth: between <see cref="Domain.Gedeeld.Plausibiliteit.VroegsteGeboortedatum"/> and today.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class GeboortedatumAttribute : Attribute;
