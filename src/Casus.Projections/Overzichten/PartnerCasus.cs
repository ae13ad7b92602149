using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Projections.Overzichten;

public sealed record PartnerVerzoek(int Nummer, DateTimeOffset VerzochtOp, DateOnly? AntwoordVoor);

public sealed record PartnerAdvies(int Nummer, Instrument Instrument, DateTimeOffset GeadviseerdOp, DateOnly Datum);

/// <summary>One casus as one partner organisation taking part in it sees it on its dashboard (one row per organisation
/// and casus): step, region, its last activity, and what waits on it (information requests to answer, advised
/// interventions to register). Numbers and dates only. A closed casus keeps its row, without anything waiting.</summary>
public sealed record PartnerCasus
{
    public string Id { get; init; } = "";
    public string OrganisatieId { get; init; } = "";
    public Guid CasusId { get; init; }
    public RiecRegio Regio { get; init; }
    public Stap Stap { get; init; }
    public DateTimeOffset LaatsteActiviteit { get; init; }
    public IReadOnlyList<PartnerVerzoek> OpenVerzoeken { get; init; } = [];
    public IReadOnlyList<PartnerAdvies> OpenAdviezen { get; init; } = [];
    /// <summary>Something waits on the organisation (kept as a column, so the dashboard finds these rows by index).</summary>
    public bool Wacht { get; init; }

    public static string IdVan(string organisatieId, Guid casusId) => $"{organisatieId}|{casusId}";

    public static string OrganisatieVan(string id) => id[..id.LastIndexOf('|')];

    /// <summary>The row of <paramref name="organisatieId"/> after the latest progress of <paramref name="casus"/>.</summary>
    public static PartnerCasus Van(CasusVoortgang casus, string organisatieId)
    {
        var open = casus.Stap != Stap.Afgesloten;
        var verzoeken = open
            ? casus.OpenVerzoeken.Where(v => v.AanPartnerId == organisatieId).Select(v => new PartnerVerzoek(v.Nummer, v.VerzochtOp, v.AntwoordVoor)).ToList()
            : [];
        var adviezen = open
            ? casus.OpenAdviezen.Where(a => a.PartnerId == organisatieId).Select(a => new PartnerAdvies(a.Nummer, a.Instrument, a.GeadviseerdOp, a.Datum)).ToList()
            : [];
        return new PartnerCasus
        {
            Id = IdVan(organisatieId, casus.Id), OrganisatieId = organisatieId, CasusId = casus.Id, Regio = casus.Regio, Stap = casus.Stap,
            LaatsteActiviteit = casus.Betrokkenen.Single(b => b.OrganisatieId == organisatieId).LaatsteActiviteit,
            OpenVerzoeken = verzoeken, OpenAdviezen = adviezen, Wacht = verzoeken.Count + adviezen.Count > 0,
        };
    }
}
