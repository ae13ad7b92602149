namespace Casus.Domain.Gedeeld;

/// <summary>Calendar days as the network counts them: in the Netherlands (Europe/Amsterdam).</summary>
public static class Kalender
{
    private static readonly TimeZoneInfo Amsterdam =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Amsterdam", out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>The Dutch calendar day of <paramref name="moment"/>.</summary>
    public static DateOnly Dag(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Amsterdam).DateTime);

    /// <summary>The moment Dutch calendar day <paramref name="dag"/> begins.</summary>
    public static DateTimeOffset Begin(DateOnly dag)
    {
        var middernacht = dag.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(middernacht, Amsterdam.GetUtcOffset(middernacht));
    }
}
