namespace Casus.Domain.Gedeeld;

/// <summary>The plausibility bounds of what a region registers (docs/registratie.md). A value outside them is refused at
/// input with 400 <c>ongeldige-invoer</c>, naming the field and a stable code, and the bounds are in the OpenAPI schema.</summary>
public static class Plausibiliteit
{
    /// <summary>The earliest date of a signaal, of any step of a casus and of the delivery of an ondermijningsbeeld: 1 January
    /// 2000, the first year the jaarcijfers report. The latest is today (a business date is never in the future).</summary>
    public static readonly DateOnly VroegsteDatum = new(2000, 1, 1);

    /// <summary>The earliest date of birth of a person: 1 January 1900; the latest is today.</summary>
    public static readonly DateOnly VroegsteGeboortedatum = new(1900, 1, 1);

    /// <summary>The largest amount of one intervention, for each of opgelegd, geïnd of verrekend and beslag: one billion euros
    /// (the largest amount a region reported for a whole year in jaarverslag 2023 is 5.7 million).</summary>
    public const decimal MaximumBedrag = 1_000_000_000m;
}
