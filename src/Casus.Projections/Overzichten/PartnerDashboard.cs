using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Projections.Overzichten;

/// <summary>An open casus as one partner organisation sees it on its dashboard: step, its last activity, and what waits
/// on it (information requests to answer, advised interventions to register). Numbers and dates only, no free text.</summary>
public sealed record PartnerCasus(
    RiecRegio Regio, Stap Stap, DateTimeOffset LaatsteActiviteit,
    IReadOnlyList<PartnerVerzoek> OpenVerzoeken, IReadOnlyList<PartnerAdvies> OpenAdviezen);

public sealed record PartnerVerzoek(int Nummer, DateTimeOffset VerzochtOp);

public sealed record PartnerAdvies(int Nummer, Instrument Instrument, DateTimeOffset GeadviseerdOp);

/// <summary>The dashboard of one partner organisation (<see cref="Id"/> = organisation id): every open casus it takes part
/// in, and how many closed ones per region. Kept by the async daemon from <see cref="CasusVoortgang"/> updates.</summary>
public sealed class PartnerDashboard
{
    public string Id { get; set; } = "";
    public Dictionary<Guid, PartnerCasus> Open { get; set; } = [];
    public Dictionary<RiecRegio, int> AfgeslotenPerRegio { get; set; } = [];

    /// <summary>Takes in the latest progress of a casus this organisation takes part in. A closed casus leaves the open
    /// list and is counted once: closing is final, so no later update of it follows.</summary>
    public void Verwerk(CasusVoortgang casus)
    {
        if (casus.Stap == Stap.Afgesloten)
        {
            Open.Remove(casus.Id);
            AfgeslotenPerRegio[casus.Regio] = AfgeslotenPerRegio.GetValueOrDefault(casus.Regio) + 1;
            return;
        }
        var betrokkene = casus.Betrokkenen.Single(b => b.OrganisatieId == Id);
        Open[casus.Id] = new PartnerCasus(casus.Regio, casus.Stap, betrokkene.LaatsteActiviteit,
            casus.OpenVerzoeken.Where(v => v.AanPartnerId == Id).Select(v => new PartnerVerzoek(v.Nummer, v.VerzochtOp)).ToList(),
            casus.OpenAdviezen.Where(a => a.PartnerId == Id).Select(a => new PartnerAdvies(a.Nummer, a.Instrument, a.GeadviseerdOp)).ToList());
    }
}
