using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;
using Casus.Domain.Toegang;
using Casus.Projections;
using Casus.Projections.Overzichten;
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

/// <summary>Where the dashboard's lists are: the first page of each (<see cref="Http.Pagina{T}"/>, paged with <c>page</c> and
/// <c>pageSize</c>).</summary>
public sealed record DashboardLinks(string OpenInformatieverzoeken, string OpenInterventieadviezen, string StilleCasussen);

/// <summary>The dashboard of a partner organisation, as counts: its casussen per step, the information requests it has not
/// answered, the advised interventions it has not registered, how many of those are due soon or overdue
/// (<see cref="VerlooptBinnenkort"/>, <see cref="Verlopen"/>), and its open casussen where it did nothing for more than
/// <see cref="StilNaDagen"/> days. The items themselves are in paged lists (<see cref="Links"/>). Numbers and dates only.</summary>
public sealed record PartnerDashboardAntwoord(
    string OrganisatieId, Actualiteit Actualiteit, int StilNaDagen, IReadOnlyList<StapAantal> CasussenPerStap,
    int OpenInformatieverzoeken, int OpenInterventieadviezen, int VerlooptBinnenkort, int Verlopen, int StilleCasussen,
    DashboardLinks Links)
{
    /// <summary>The regions whose casussen <paramref name="actor"/> sees on the organisation's dashboard and lists: all for
    /// its own staff and national auditors; those of their regions for other auditors.</summary>
    public static string[] Regios(string organisatieId, Actor actor) =>
        (actor.Landelijk || (actor.Heeft(Rol.PartnerMedewerker) && actor.Organisatie.Id == organisatieId)
            ? Enum.GetValues<RiecRegio>() : actor.Regios.ToArray()).Select(r => r.ToString()).ToArray();

    /// <summary>All the counts, and how current they are, in one statement (one round trip): the organisation's counts per
    /// region and step and its waiting items (<see cref="PartnerWachtrij"/>), and its quiet open rows, from indexes only.</summary>
    public static async Task<PartnerDashboardAntwoord> LeesAsync(string organisatieId, Actor actor, NpgsqlDataSource database,
        DateTimeOffset nu, int stilNaDagen, Termijnbeleid termijnen, string basis, CancellationToken ct)
    {
        var vandaag = Kalender.Dag(nu);
        const string s = CasusStore.Schema;
        const string w = PartnerWachtrij.Tabel;
        await using var command = database.CreateCommand($"""
            select
              (select coalesce(jsonb_object_agg(stap, n), '{"{}"}')::text from
                 (select stap, sum(aantal) n from {PartnerWachtrij.Telling} where organisatie_id = $1 and regio = any($2) group by stap) p),
              (select count(*) from {w} where organisatie_id = $1 and soort = 'verzoek' and regio = any($2)),
              (select count(*) from {w} where organisatie_id = $1 and soort = 'advies' and regio = any($2)),
              (select count(*) from {w} where organisatie_id = $1 and regio = any($2)
                 and ((soort = 'verzoek' and datum between $3 and $3 + $5) or (soort = 'advies' and datum between $4 and $4 + $5))),
              (select count(*) from {w} where organisatie_id = $1 and regio = any($2)
                 and ((soort = 'verzoek' and datum < $3) or (soort = 'advies' and datum < $4))),
              (select count(*) from {s}.mt_doc_partnercasus where organisatie_id = $1 and stap <> 'Afgesloten' and laatste_activiteit < $6
                 and regio = any($2)),
              coalesce((select min(last_seq_id) from {s}.mt_event_progression where name like '{CasusStore.Overzichten}:%'), 0),
              coalesce((select max(seq_id) from {s}.mt_events), 0)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = organisatieId });
        command.Parameters.Add(new NpgsqlParameter { Value = Regios(organisatieId, actor) });
        command.Parameters.Add(new NpgsqlParameter { Value = vandaag });
        // An advice's last day is its date plus the term: compared on the date itself.
        command.Parameters.Add(new NpgsqlParameter { Value = vandaag.AddDays(-termijnen.InterventieDagen) });
        command.Parameters.Add(new NpgsqlParameter { Value = termijnen.HerinneringDagen });
        command.Parameters.Add(new NpgsqlParameter { Value = nu.AddDays(-stilNaDagen) });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var perStap = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, int>>(reader.GetString(0)) ?? [];
        return new PartnerDashboardAntwoord(organisatieId, new Actualiteit(reader.GetInt64(6), reader.GetInt64(7)), stilNaDagen,
            Enum.GetValues<Stap>().Select(st => new StapAantal(st, perStap.GetValueOrDefault(st.ToString()))).ToList(),
            (int)reader.GetInt64(1), (int)reader.GetInt64(2), (int)reader.GetInt64(3), (int)reader.GetInt64(4), (int)reader.GetInt64(5),
            new DashboardLinks($"{basis}/informatieverzoeken", $"{basis}/interventieadviezen", $"{basis}/stille-casussen?stilNaDagen={stilNaDagen}"));
    }

    /// <summary>Where an item with last day <paramref name="uiterlijk"/> stands on <paramref name="vandaag"/>.</summary>
    public static Termijnstatus Status(DateOnly vandaag, DateOnly uiterlijk, Termijnbeleid termijnen) =>
        vandaag > uiterlijk ? Termijnstatus.Verlopen
        : uiterlijk.DayNumber - vandaag.DayNumber <= termijnen.HerinneringDagen ? Termijnstatus.VerlooptBinnenkort
        : Termijnstatus.Lopend;
}
