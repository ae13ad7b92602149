using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Projections.Overzichten;

namespace Casus.Api.Overzichten;

public sealed record StapAantal(Stap Stap, int Aantal);

public sealed record WachtendVerzoek(Guid CasusId, int Nummer, DateTimeOffset VerzochtOp, int LeeftijdDagen);

public sealed record WachtendAdvies(Guid CasusId, int Nummer, Instrument Instrument, DateTimeOffset GeadviseerdOp, int LeeftijdDagen);

public sealed record StilleCasus(Guid CasusId, Stap Stap, DateTimeOffset LaatsteActiviteit, int DagenStil);

/// <summary>The dashboard of a partner organisation: its casussen per step, the information requests it has not answered
/// and the advised interventions it has not registered (oldest first), and its open casussen where it did nothing for more
/// than <see cref="StilNaDagen"/> days. Numbers and dates only: open a casus for its content.</summary>
public sealed record PartnerDashboardAntwoord(
    string OrganisatieId, Actualiteit Actualiteit, int StilNaDagen, IReadOnlyList<StapAantal> CasussenPerStap,
    IReadOnlyList<WachtendVerzoek> OpenInformatieverzoeken, IReadOnlyList<WachtendAdvies> OpenInterventieadviezen,
    IReadOnlyList<StilleCasus> StilleCasussen)
{
    /// <summary>What <paramref name="actor"/> sees of <paramref name="dashboard"/> (none yet: an organisation without casussen):
    /// everything for its own staff and national auditors; the casussen of their regions for other auditors.</summary>
    public static PartnerDashboardAntwoord Van(string organisatieId, PartnerDashboard? dashboard, Actor actor, Actualiteit actualiteit,
        DateTimeOffset nu, int stilNaDagen)
    {
        var alles = actor.Landelijk || (actor.Heeft(Rol.PartnerMedewerker) && actor.Organisatie.Id == organisatieId);
        bool Zichtbaar(RiecRegio regio) => alles || actor.Regios.Contains(regio);
        var open = (dashboard?.Open ?? []).Where(c => Zichtbaar(c.Value.Regio)).ToList();
        var afgesloten = (dashboard?.AfgeslotenPerRegio ?? []).Where(a => Zichtbaar(a.Key)).Sum(a => a.Value);
        int Dagen(DateTimeOffset sinds) => (int)(nu - sinds).TotalDays;

        return new PartnerDashboardAntwoord(organisatieId, actualiteit, stilNaDagen,
            Enum.GetValues<Stap>().Select(s => new StapAantal(s, s == Stap.Afgesloten ? afgesloten : open.Count(c => c.Value.Stap == s))).ToList(),
            open.SelectMany(c => c.Value.OpenVerzoeken.Select(v => new WachtendVerzoek(c.Key, v.Nummer, v.VerzochtOp, Dagen(v.VerzochtOp))))
                .OrderBy(v => v.VerzochtOp).ThenBy(v => v.CasusId).ThenBy(v => v.Nummer).ToList(),
            open.SelectMany(c => c.Value.OpenAdviezen.Select(a => new WachtendAdvies(c.Key, a.Nummer, a.Instrument, a.GeadviseerdOp, Dagen(a.GeadviseerdOp))))
                .OrderBy(a => a.GeadviseerdOp).ThenBy(a => a.CasusId).ThenBy(a => a.Nummer).ToList(),
            open.Where(c => Dagen(c.Value.LaatsteActiviteit) > stilNaDagen)
                .Select(c => new StilleCasus(c.Key, c.Value.Stap, c.Value.LaatsteActiviteit, Dagen(c.Value.LaatsteActiviteit)))
                .OrderBy(c => c.LaatsteActiviteit).ThenBy(c => c.CasusId).ToList());
    }
}
