using JasperFx.Events;
using Marten.Events.Projections;

namespace Casus.Projections.Overzichten;

/// <summary>Stage 2 of the overviews: the partner dashboards, as one <see cref="PartnerCasus"/> row per organisation and
/// casus, fed by the <see cref="CasusVoortgang"/> updates of every casus. A change to a casus rewrites only the small rows
/// of the organisations taking part in it.</summary>
public partial class PartnerCasusProjectie : MultiStreamProjection<PartnerCasus, string>
{
    public PartnerCasusProjectie() =>
        Identities<Updated<CasusVoortgang>>(u => u.Entity.Betrokkenen.Select(b => PartnerCasus.IdVan(b.OrganisatieId, u.Entity.Id)).ToList());

    public override PartnerCasus? Evolve(PartnerCasus? snapshot, string id, IEvent e) =>
        e.Data is Updated<CasusVoortgang> updated ? PartnerCasus.Van(updated.Entity, PartnerCasus.OrganisatieVan(id)) : snapshot;
}
