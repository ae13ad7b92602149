using Casus.Domain.Gedeeld;

namespace Casus.Api.Casussen;

/// <summary>"Today" as a Dutch calendar day, from the injected clock.</summary>
public sealed class DutchCalendar(TimeProvider clock)
{
    public DateOnly Today => Kalender.Dag(clock.GetUtcNow());
}
