using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Casus.Projections.Casussen;

/// <summary>The current state of each casus, kept inline (same transaction as the events), by the domain's own
/// <see cref="IntegraleCasus.Evolve(IntegraleCasus?, ICasusGebeurtenis, DateOnly)"/>: one definition of how events build
/// state. It also dates the next term under <paramref name="beleid"/>, so the term monitoring finds due casussen by index.</summary>
public partial class CasusProjectie(Termijnbeleid beleid) : SingleStreamProjection<IntegraleCasus, Guid>
{
    public override IntegraleCasus? Evolve(IntegraleCasus? snapshot, Guid id, IEvent e) =>
        e.Data is ICasusGebeurtenis gebeurtenis
            ? Termijnbewaking.MetVolgende(IntegraleCasus.Evolve(snapshot, gebeurtenis, Kalender.Dag(e.Timestamp)), beleid)
            : snapshot;
}
