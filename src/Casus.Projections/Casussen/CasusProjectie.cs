using Casus.Domain.Casussen;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Casus.Projections.Casussen;

/// <summary>The current state of each casus, kept inline (same transaction as the events), by the domain's own
/// <see cref="IntegraleCasus.Evolve(IntegraleCasus?, ICasusGebeurtenis)"/>: one definition of how events build state.</summary>
public partial class CasusProjectie : SingleStreamProjection<IntegraleCasus, Guid>
{
    public override IntegraleCasus? Evolve(IntegraleCasus? snapshot, Guid id, IEvent e) =>
        e.Data is ICasusGebeurtenis gebeurtenis ? IntegraleCasus.Evolve(snapshot, gebeurtenis) : snapshot;
}
