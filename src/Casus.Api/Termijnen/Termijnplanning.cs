using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;
using Wolverine;

namespace Casus.Api.Termijnen;

/// <summary>Schedules the term monitoring of a casus for the moment its next term passes, through the outbox of the change's
/// own transaction: the scheduled message commits with the change's events and audit record, or not at all (a refused
/// command never gets here; a failed commit stores nothing). It fires at that moment on whichever instance is alive;
/// <see cref="Termijnveger"/> covers everything else (clock moved, terms reconfigured, missed schedules).</summary>
public sealed class Termijnplanning(Termijnbeleid beleid, TimeProvider clock)
{
    /// <summary>The state <paramref name="na"/> the change leads to, with its next term dated; scheduled through
    /// <paramref name="outbox"/> when that date changed, for the moment it passes.</summary>
    public async Task<IntegraleCasus> PlanAsync(IMessageBus outbox, IntegraleCasus? voor, IntegraleCasus na)
    {
        var gedateerd = Termijnbewaking.MetVolgende(na, beleid);
        if (gedateerd.VolgendeTermijn is not { } dag || (voor is not null && Termijnbewaking.Volgende(voor, beleid) == dag)) return gedateerd;
        // A term that already passed by the app clock is the sweep's: it finds it on its next round.
        if (Moment(dag, clock) is not { } moment) return gedateerd;
        await outbox.ScheduleAsync(new TermijnenBewaken(na.Id), moment);
        return gedateerd;
    }

    /// <summary>When a term with last day <paramref name="dag"/> passes (the start of the next Dutch day) on the system clock
    /// Wolverine schedules by: shifted by however far the app clock is from it (zero in production); null when it already
    /// passed by the app clock.</summary>
    public static DateTimeOffset? Moment(DateOnly dag, TimeProvider clock)
    {
        var verloopt = Kalender.Begin(dag.AddDays(1));
        var nu = clock.GetUtcNow();
        return verloopt <= nu ? null : verloopt - (nu - DateTimeOffset.UtcNow);
    }
}
