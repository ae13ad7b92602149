using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;
using Marten;
using Wolverine;
using Wolverine.Marten;

namespace Casus.Api.Termijnen;

/// <summary>Schedules the term monitoring of a casus for the moment its next term passes, through Wolverine's outbox in the
/// request's own transaction: the scheduled message commits with the command's events and audit record, or not at all
/// (a refused command never gets here; a failed commit stores nothing). It fires at that moment on whichever instance is
/// alive; <see cref="Termijnveger"/> covers everything else (clock moved, terms reconfigured, missed schedules).</summary>
public sealed class Termijnplanning(IDocumentSession session, IMartenOutbox outbox, Termijnbeleid beleid, TimeProvider clock)
{
    /// <summary>The state <paramref name="na"/> the command leads to, with its next term dated; scheduled when that date changed.</summary>
    public async Task<IntegraleCasus> PlanAsync(IntegraleCasus? voor, IntegraleCasus na)
    {
        var gedateerd = Termijnbewaking.MetVolgende(na, beleid);
        if (gedateerd.VolgendeTermijn is not { } dag || (voor is not null && Termijnbewaking.Volgende(voor, beleid) == dag)) return gedateerd;
        outbox.Enroll(session);
        await outbox.ScheduleAsync(new TermijnenBewaken(na.Id), WandklokMoment(dag.AddDays(1)));
        return gedateerd;
    }

    /// <summary>The start of Dutch day <paramref name="dag"/> on the wall clock Wolverine schedules by: the app clock's moment,
    /// shifted by however far the app clock is from the system clock (zero in production).</summary>
    private DateTimeOffset WandklokMoment(DateOnly dag) => Kalender.Begin(dag) - (clock.GetUtcNow() - DateTimeOffset.UtcNow);
}
