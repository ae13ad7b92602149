namespace Casus.Domain.Gedeeld;

/// <summary>A partner organisation, e.g. "Gemeente Tilburg" of type <see cref="PartnerType.Gemeente"/>.
/// <paramref name="Id"/> is the organisation's stable identifier (for government bodies: the OIN).</summary>
public sealed record Organisatie(string Id, string Naam, PartnerType Type);
