using System.Text.Json;
using Casus.Domain.Verwerkingen;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Casus.Api.Verantwoording;

/// <summary>An organisation that took part in a processing, found through the audit log by trace id.</summary>
public sealed record Betrokkene(string Id, string Naam);

/// <summary>One processing of one data subject (Logboek Dataverwerkingen): time, trace and span id, the processing
/// activity (id and version of the register entry), casus, status (<see cref="Verwerkingsstatus"/>), and the organisations that
/// took part. No user id. <see cref="GegevensVernietigdOp"/>: when the subject's data in this casus were destroyed (retention
/// term, erasure on request), so an art. 15 answer says so on every record of that casus.</summary>
public sealed record Verwerking(
    DateTimeOffset Tijdstip, string TraceId, string SpanId, string ActiviteitId, int ActiviteitVersie, Guid CasusId, string Status,
    IReadOnlyList<Betrokkene> Organisaties, DateTimeOffset? GegevensVernietigdOp = null);

/// <summary>The statuses of a processing record.</summary>
public static class Verwerkingsstatus
{
    public const string Voltooid = "voltooid";
    /// <summary>The subject's data were corrected (the record is of the old value's pseudonym).</summary>
    public const string Gerectificeerd = "gerectificeerd";
    /// <summary>The subject's data in the casus were destroyed: retention term passed, or an old value after rectification.</summary>
    public const string Vernietigd = "vernietigd";
    /// <summary>The subject's data in the casus were erased on request (AVG art. 17).</summary>
    public const string Gewist = "gewist";
}

/// <summary>The append-only processing log (table casus.verwerkingslog): one record per data subject per processing,
/// with a pseudonym instead of the subject and without the user, linked to the audit log only by trace id.</summary>
public sealed class Verwerkingslog(NpgsqlDataSource database)
{
    /// <summary>Queues one record per pseudonym in <paramref name="session"/>, in the transaction of the request's
    /// events and audit record.</summary>
    public static void Voeg(IDocumentSession session, DateTimeOffset tijdstip, TraceContext trace, Verwerkingsactiviteit activiteit,
        Guid casusId, string regio, IReadOnlyList<string> pseudoniemen, string status = Verwerkingsstatus.Voltooid)
    {
        if (pseudoniemen.Count == 0) return;
        session.QueueSqlCommand("""
            insert into casus.verwerkingslog (tijdstip, trace_id, span_id, activiteit_id, activiteit_versie, subject_pseudoniem, casus_id, regio, status)
            select ?, ?, ?, ?, ?, unnest(?), ?, ?, ?
            """, tijdstip, trace.TraceId, trace.SpanId, activiteit.Id, activiteit.Versie, pseudoniemen.ToArray(), casusId, regio, status);
    }

    /// <summary>Writes the records on their own (a processing that happened in a request that was refused, which appends nothing).</summary>
    public async Task SchrijfAsync(DateTimeOffset tijdstip, TraceContext trace, Verwerkingsactiviteit activiteit, Guid casusId, string regio,
        IReadOnlyList<string> pseudoniemen, CancellationToken ct)
    {
        if (pseudoniemen.Count == 0) return;
        await using var command = database.CreateCommand("""
            insert into casus.verwerkingslog (tijdstip, trace_id, span_id, activiteit_id, activiteit_versie, subject_pseudoniem, casus_id, regio, status)
            select $1, $2, $3, $4, $5, unnest($6), $7, $8, 'voltooid'
            """);
        command.Parameters.Add(Sql.Param(tijdstip));
        command.Parameters.Add(Sql.Param(trace.TraceId));
        command.Parameters.Add(Sql.Param(trace.SpanId));
        command.Parameters.Add(Sql.Param(activiteit.Id));
        command.Parameters.Add(Sql.Param(activiteit.Versie));
        command.Parameters.Add(Sql.Param(pseudoniemen.ToArray()));
        command.Parameters.Add(Sql.Param(casusId));
        command.Parameters.Add(Sql.Param(regio));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Every processing of the subject with <paramref name="pseudoniem"/> and/or in casus <paramref name="casusId"/>,
    /// oldest first, with the organisations (from the audit records of the same trace). <paramref name="regios"/> null: all regions.</summary>
    public async Task<(long Total, IReadOnlyList<Verwerking> Rows)> ZoekAsync(
        string? pseudoniem, Guid? casusId, string[]? regios, int skip, int take, CancellationToken ct)
    {
        await using var command = database.CreateCommand("""
            select count(*) over (), v.tijdstip, v.trace_id, v.span_id, v.activiteit_id, v.activiteit_versie, v.casus_id, v.status,
                   coalesce((select json_agg(distinct jsonb_build_object('id', a.organisatie_id, 'naam', a.organisatie_naam))
                             from casus.auditlog a where a.trace_id = v.trace_id and a.organisatie_id is not null), '[]'),
                   (select min(w.tijdstip) from casus.verwerkingslog w
                    where w.casus_id = v.casus_id and w.subject_pseudoniem = v.subject_pseudoniem and w.status in ('vernietigd', 'gewist'))
            from casus.verwerkingslog v
            where ($1::text is null or v.subject_pseudoniem = $1) and ($5::uuid is null or v.casus_id = $5)
              and ($2::text[] is null or v.regio = any($2))
            order by v.tijdstip, v.id offset $3 limit $4
            """);
        command.Parameters.Add(Sql.Param(pseudoniem, NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(regios, NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(skip));
        command.Parameters.Add(Sql.Param(take));
        command.Parameters.Add(Sql.Param(casusId, NpgsqlDbType.Uuid));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<Verwerking>();
        long total = 0;
        while (await reader.ReadAsync(ct))
        {
            total = reader.GetInt64(0);
            var organisaties = JsonSerializer.Deserialize<List<Betrokkene>>(reader.GetString(8), JsonSerializerOptions.Web) ?? [];
            rows.Add(new Verwerking(reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetInt32(5), reader.GetGuid(6), reader.GetString(7), organisaties,
                reader.IsDBNull(9) ? null : reader.GetFieldValue<DateTimeOffset>(9)));
        }
        return (total, rows);
    }
}
