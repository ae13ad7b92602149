using Casus.Domain.Casussen;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Casus.Projections.Overzichten;

/// <summary>Stage 1 of the overviews: one <see cref="CasusVoortgang"/> per casus stream, from its events and their time
/// and organisation metadata. Other streams (e.g. chain checks) are ignored.</summary>
public partial class CasusVoortgangProjectie : SingleStreamProjection<CasusVoortgang, Guid>
{
    public override CasusVoortgang? Evolve(CasusVoortgang? snapshot, Guid id, IEvent e) =>
        e.Data is ICasusGebeurtenis gebeurtenis
            ? CasusVoortgang.Na(snapshot, gebeurtenis, e.Timestamp, e.GetHeader(EventHeaders.Organisatie)?.ToString())
            : snapshot;
}
