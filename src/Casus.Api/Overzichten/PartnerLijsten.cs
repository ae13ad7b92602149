using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;
using Casus.Domain.Toegang;
using Casus.Projections;
using Casus.Projections.Overzichten;
using Npgsql;

namespace Casus.Api.Overzichten;

/// <summary>The paged lists behind a partner dashboard: its unanswered information requests and unregistered advised
/// interventions (oldest first, from <see cref="PartnerWachtrij"/>), and its quiet open casussen (longest quiet first).
/// Each page and its total come in one round trip (a batch of two statements on an index).</summary>
public static class PartnerLijsten
{
    public static async Task<Pagina<WachtendVerzoek>> VerzoekenAsync(string organisatieId, Actor actor, NpgsqlDataSource database,
        DateTimeOffset nu, Termijnbeleid termijnen, Paging paging, HttpContext http, CancellationToken ct)
    {
        var vandaag = Kalender.Dag(nu);
        var (total, rows) = await PaginaAsync(database, organisatieId, actor, paging,
            $"from {PartnerWachtrij.Tabel} where organisatie_id = $1 and regio = any($2) and soort = 'verzoek'",
            "casus_id, nummer, sinds, datum", "sinds, casus_id, nummer", r =>
            {
                var sinds = r.GetFieldValue<DateTimeOffset>(2);
                DateOnly? voor = r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3);
                return new WachtendVerzoek(r.GetGuid(0), r.GetInt32(1), sinds, Dagen(nu, sinds), voor,
                    voor is { } d ? PartnerDashboardAntwoord.Status(vandaag, d, termijnen) : null);
            }, ct);
        return paging.Answer(http, total, rows);
    }

    public static async Task<Pagina<WachtendAdvies>> AdviezenAsync(string organisatieId, Actor actor, NpgsqlDataSource database,
        DateTimeOffset nu, Termijnbeleid termijnen, Paging paging, HttpContext http, CancellationToken ct)
    {
        var vandaag = Kalender.Dag(nu);
        var (total, rows) = await PaginaAsync(database, organisatieId, actor, paging,
            $"from {PartnerWachtrij.Tabel} where organisatie_id = $1 and regio = any($2) and soort = 'advies'",
            "casus_id, nummer, sinds, datum, instrument", "sinds, casus_id, nummer", r =>
            {
                var sinds = r.GetFieldValue<DateTimeOffset>(2);
                var uiterlijk = r.GetFieldValue<DateOnly>(3).AddDays(termijnen.InterventieDagen);
                return new WachtendAdvies(r.GetGuid(0), r.GetInt32(1), Enum.Parse<Instrument>(r.GetString(4)), sinds, Dagen(nu, sinds),
                    uiterlijk, PartnerDashboardAntwoord.Status(vandaag, uiterlijk, termijnen));
            }, ct);
        return paging.Answer(http, total, rows);
    }

    public static async Task<Pagina<StilleCasus>> StilAsync(string organisatieId, Actor actor, NpgsqlDataSource database,
        DateTimeOffset nu, int stilNaDagen, Paging paging, HttpContext http, CancellationToken ct)
    {
        var grens = nu.AddDays(-stilNaDagen);
        var (total, rows) = await PaginaAsync(database, organisatieId, actor, paging,
            $"from {CasusStore.Schema}.mt_doc_partnercasus where organisatie_id = $1 and regio = any($2) and stap <> 'Afgesloten' and laatste_activiteit < $5",
            "(data ->> 'casusId')::uuid, stap, laatste_activiteit", "laatste_activiteit, id", r =>
            {
                var laatst = r.GetFieldValue<DateTimeOffset>(2);
                return new StilleCasus(r.GetGuid(0), Enum.Parse<Stap>(r.GetString(1)), laatst, Dagen(nu, laatst));
            }, ct, grens);
        return paging.Answer(http, total, rows);
    }

    private static int Dagen(DateTimeOffset nu, DateTimeOffset sinds) => (int)(nu - sinds).TotalDays;

    /// <summary>The page (<c>offset $3 limit $4</c>) and the total of the rows <paramref name="from"/> says, in one batch.</summary>
    private static async Task<(long Total, IReadOnlyList<T> Rows)> PaginaAsync<T>(NpgsqlDataSource database, string organisatieId, Actor actor,
        Paging paging, string from, string columns, string orderBy, Func<NpgsqlDataReader, T> row, CancellationToken ct, object? extra = null)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var batch = new NpgsqlBatch(connection);
        var regios = PartnerDashboardAntwoord.Regios(organisatieId, actor);
        NpgsqlBatchCommand Command(string sql, bool page)
        {
            var command = new NpgsqlBatchCommand(sql);
            command.Parameters.Add(new NpgsqlParameter { Value = organisatieId });
            command.Parameters.Add(new NpgsqlParameter { Value = regios });
            command.Parameters.Add(new NpgsqlParameter { Value = page ? paging.Skip : 0 });
            command.Parameters.Add(new NpgsqlParameter { Value = page ? paging.PageSize : 0 });
            if (extra is not null) command.Parameters.Add(new NpgsqlParameter { Value = extra });
            return command;
        }
        // $3 and $4 appear in both statements, so both have the same parameters.
        batch.BatchCommands.Add(Command($"select {columns} {from} order by {orderBy} offset $3 limit $4", page: true));
        batch.BatchCommands.Add(Command($"select count(*) {from} and $3::int >= 0 and $4::int >= 0", page: false));
        await using var reader = await batch.ExecuteReaderAsync(ct);
        var rows = new List<T>();
        while (await reader.ReadAsync(ct)) rows.Add(row(reader));
        await reader.NextResultAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), rows);
    }
}
