using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;
using Casus.Domain.Toegang;
using Casus.Projections;
using Casus.Projections.Overzichten;
using Marten;
using Npgsql;

namespace Casus.Api.Overzichten;

public sealed record StapAantal(Stap Stap, int Aantal);

/// <summary>Where a waiting item stands against its term: running, at most <c>Casus:Termijnen:HerinneringDagen</c> days
/// before its last day, or past it.</summary>
public enum Termijnstatus
{
    Lopend,
    VerlooptBinnenkort,
    Verlopen,
}

/// <summary>An unanswered information request; <see cref="AntwoordVoor"/> its last day (none for requests from before terms
/// existed: then <see cref="Termijn"/> is null too).</summary>
public sealed record WachtendVerzoek(Guid CasusId, int Nummer, DateTimeOffset VerzochtOp, int LeeftijdDagen, DateOnly? AntwoordVoor,
    Termijnstatus? Termijn);

/// <summary>An advised intervention not yet registered; <see cref="RegistrerenVoor"/> is the advice date plus the configured
/// term (<c>Casus:Termijnen:InterventieDagen</c>).</summary>
public sealed record WachtendAdvies(Guid CasusId, int Nummer, Instrument Instrument, DateTimeOffset GeadviseerdOp, int LeeftijdDagen,
    DateOnly RegistrerenVoor, Termijnstatus Termijn);

public sealed record StilleCasus(Guid CasusId, Stap Stap, DateTimeOffset LaatsteActiviteit, int DagenStil);

/// <summary>The dashboard of a partner organisation: its casussen per step, the information requests it has not answered
/// and the advised interventions it has not registered (oldest first), and its open casussen where it did nothing for more
/// than <see cref="StilNaDagen"/> days. <see cref="VerlooptBinnenkort"/> and <see cref="Verlopen"/> count the waiting items by
/// their term. Numbers and dates only: open a casus for its content.</summary>
public sealed record PartnerDashboardAntwoord(
    string OrganisatieId, Actualiteit Actualiteit, int StilNaDagen, IReadOnlyList<StapAantal> CasussenPerStap,
    IReadOnlyList<WachtendVerzoek> OpenInformatieverzoeken, IReadOnlyList<WachtendAdvies> OpenInterventieadviezen,
    int VerlooptBinnenkort, int Verlopen, IReadOnlyList<StilleCasus> StilleCasussen)
{
    /// <summary>The open steps, listed so the quiet rows are found per step on the (organisation, step, last activity) index.</summary>
    private static readonly Stap[] OpenStappen = Enum.GetValues<Stap>().Where(s => s != Stap.Afgesloten).ToArray();

    /// <summary>What <paramref name="actor"/> sees of the organisation's <see cref="PartnerCasus"/> rows: all of them for its
    /// own staff and national auditors; those of their regions for other auditors. Three indexed queries: the count per
    /// step, the rows where something waits, the quiet rows.</summary>
    public static async Task<PartnerDashboardAntwoord> LeesAsync(string organisatieId, Actor actor, IQuerySession session,
        NpgsqlDataSource database, Actualiteit actualiteit, DateTimeOffset nu, int stilNaDagen, Termijnbeleid termijnen, CancellationToken ct)
    {
        var alles = actor.Landelijk || (actor.Heeft(Rol.PartnerMedewerker) && actor.Organisatie.Id == organisatieId);
        var regios = alles ? Enum.GetValues<RiecRegio>() : actor.Regios.ToArray();

        var perStap = new Dictionary<Stap, int>();
        await using (var command = database.CreateCommand(
            $"select stap, count(*)::int from {CasusStore.Schema}.mt_doc_partnercasus where organisatie_id = $1 and regio = any($2) group by stap"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = organisatieId });
            command.Parameters.Add(new NpgsqlParameter { Value = regios.Select(r => r.ToString()).ToArray() });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) perStap[Enum.Parse<Stap>(reader.GetString(0))] = reader.GetInt32(1);
        }
        var wachtend = await session.Query<PartnerCasus>()
            .Where(c => c.OrganisatieId == organisatieId && c.Wacht && regios.Contains(c.Regio)).ToListAsync(ct);
        var grens = nu.AddDays(-stilNaDagen);
        var stil = await session.Query<PartnerCasus>()
            .Where(c => c.OrganisatieId == organisatieId && OpenStappen.Contains(c.Stap) && c.LaatsteActiviteit < grens && regios.Contains(c.Regio))
            .OrderBy(c => c.LaatsteActiviteit).ThenBy(c => c.CasusId).ToListAsync(ct);
        int Dagen(DateTimeOffset sinds) => (int)(nu - sinds).TotalDays;
        var vandaag = Kalender.Dag(nu);
        Termijnstatus Status(DateOnly uiterlijk) =>
            vandaag > uiterlijk ? Termijnstatus.Verlopen
            : uiterlijk.DayNumber - vandaag.DayNumber <= termijnen.HerinneringDagen ? Termijnstatus.VerlooptBinnenkort
            : Termijnstatus.Lopend;

        var verzoeken = wachtend
            .SelectMany(c => c.OpenVerzoeken.Select(v => new WachtendVerzoek(c.CasusId, v.Nummer, v.VerzochtOp, Dagen(v.VerzochtOp),
                v.AntwoordVoor, v.AntwoordVoor is { } d ? Status(d) : null)))
            .OrderBy(v => v.VerzochtOp).ThenBy(v => v.CasusId).ThenBy(v => v.Nummer).ToList();
        var adviezen = wachtend
            .SelectMany(c => c.OpenAdviezen.Select(a =>
            {
                var uiterlijk = a.Datum.AddDays(termijnen.InterventieDagen);
                return new WachtendAdvies(c.CasusId, a.Nummer, a.Instrument, a.GeadviseerdOp, Dagen(a.GeadviseerdOp), uiterlijk, Status(uiterlijk));
            }))
            .OrderBy(a => a.GeadviseerdOp).ThenBy(a => a.CasusId).ThenBy(a => a.Nummer).ToList();
        var statussen = verzoeken.Select(v => v.Termijn).Concat(adviezen.Select(a => (Termijnstatus?)a.Termijn)).ToList();

        return new PartnerDashboardAntwoord(organisatieId, actualiteit, stilNaDagen,
            Enum.GetValues<Stap>().Select(s => new StapAantal(s, perStap.GetValueOrDefault(s))).ToList(),
            verzoeken, adviezen,
            statussen.Count(s => s == Termijnstatus.VerlooptBinnenkort), statussen.Count(s => s == Termijnstatus.Verlopen),
            stil.Select(c => new StilleCasus(c.CasusId, c.Stap, c.LaatsteActiviteit, Dagen(c.LaatsteActiviteit))).ToList());
    }
}
