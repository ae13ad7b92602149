namespace Casus.Api.Casussen;

/// <summary>"Today" as a Dutch calendar day, from the injected clock.</summary>
public sealed class DutchCalendar(TimeProvider clock)
{
    private static readonly TimeZoneInfo Amsterdam =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Amsterdam).DateTime);
}
