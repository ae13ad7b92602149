using JasperFx.Events;
using Marten.Events.Projections;

namespace Casus.Projections.Overzichten;

/// <summary>Stage 2 of the overviews: one <see cref="PartnerDashboard"/> per organisation, fed by the
/// <see cref="CasusVoortgang"/> updates of every casus it takes part in.</summary>
public partial class PartnerDashboardProjectie : MultiStreamProjection<PartnerDashboard, string>
{
    public PartnerDashboardProjectie() =>
        Identities<Updated<CasusVoortgang>>(u => u.Entity.Betrokkenen.Select(b => b.OrganisatieId).ToList());

    public override PartnerDashboard? Evolve(PartnerDashboard? snapshot, string id, IEvent e)
    {
        if (e.Data is not Updated<CasusVoortgang> updated) return snapshot;
        var dashboard = snapshot ?? new PartnerDashboard { Id = id };
        dashboard.Verwerk(updated.Entity);
        return dashboard;
    }
}
