using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Casus.Api.Verantwoording;

/// <summary>One audit record (BIO2 8.15.01): time, actor (user, organisation, roles), action, casus, result (HTTP status),
/// reason of a refusal, origin (client id or address) and trace id. A refused request has no casus when it was hidden.</summary>
public sealed record AuditRecord(
    DateTimeOffset Tijdstip, string TraceId, string SpanId, string? GebruikerId, string? OrganisatieId, string? OrganisatieNaam,
    IReadOnlyList<string> Rollen, string Actie, Guid? CasusId, string? Regio, int Resultaat, string? Reden, string Herkomst)
{
    /// <summary>The record of <paramref name="http"/>: its actor (none when not authenticated), action, trace and origin;
    /// the casus it touched, or the bestuurlijk signaal (<paramref name="signaalId"/>; its id goes in the same column), or else
    /// the one its route names; the casus's region, or else <paramref name="regio"/>.</summary>
    public static AuditRecord Van(HttpContext http, DateTimeOffset tijdstip, IntegraleCasus? casus, int resultaat, string? reden,
        Domain.Gedeeld.RiecRegio? regio = null, Guid? signaalId = null)
    {
        var actor = http.ActorOrNull();
        var trace = TraceContext.Of(http);
        var casusId = casus?.Id ?? signaalId
            ?? (Guid.TryParse(http.Request.RouteValues["casusId"]?.ToString(), out var id) ? id : (Guid?)null)
            ?? (Guid.TryParse(http.Request.RouteValues["signaalId"]?.ToString(), out var sid) ? sid : (Guid?)null);
        return new AuditRecord(tijdstip, trace.TraceId, trace.SpanId, actor?.GebruikerId, actor?.Organisatie.Id, actor?.Organisatie.Naam,
            actor?.Rollen.Select(Names.Of).Order().ToList() ?? [], http.Action(), casusId,
            (casus?.Regio ?? regio) is { } r ? Names.Of(r) : null, resultaat, reden, http.Herkomst());
    }
}

/// <summary>The append-only audit log in PostgreSQL (table casus.auditlog): written in the transaction of the events it
/// describes, or on its own right after a read or a refusal.</summary>
public sealed class AuditLog(NpgsqlDataSource database)
{
    private const string Insert = """
        insert into casus.auditlog (tijdstip, trace_id, span_id, gebruiker_id, organisatie_id, organisatie_naam, rollen, actie,
                                    casus_id, regio, resultaat, reden, herkomst)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """;

    private const string Columns =
        "tijdstip, trace_id, span_id, gebruiker_id, organisatie_id, organisatie_naam, rollen, actie, casus_id, regio, resultaat, reden, herkomst";

    /// <summary>Queues the record in <paramref name="session"/>: it commits (or not) together with that session's events.</summary>
    public static void Voeg(IDocumentSession session, AuditRecord r) =>
        session.QueueSqlCommand(Insert, r.Tijdstip, r.TraceId, r.SpanId, (object?)r.GebruikerId ?? DBNull.Value,
            (object?)r.OrganisatieId ?? DBNull.Value, (object?)r.OrganisatieNaam ?? DBNull.Value, r.Rollen.ToArray(), r.Actie,
            (object?)r.CasusId ?? DBNull.Value, (object?)r.Regio ?? DBNull.Value, r.Resultaat, (object?)r.Reden ?? DBNull.Value, r.Herkomst);

    /// <summary>Writes the record on its own (reads and refusals, which append no events).</summary>
    public async Task SchrijfAsync(AuditRecord r, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"insert into casus.auditlog ({Columns}) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");
        command.Parameters.Add(Sql.Param(r.Tijdstip));
        command.Parameters.Add(Sql.Param(r.TraceId));
        command.Parameters.Add(Sql.Param(r.SpanId));
        command.Parameters.Add(Sql.Param(r.GebruikerId, NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(r.OrganisatieId, NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(r.OrganisatieNaam, NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(r.Rollen.ToArray()));
        command.Parameters.Add(Sql.Param(r.Actie));
        command.Parameters.Add(Sql.Param(r.CasusId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Sql.Param(r.Regio, NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(r.Resultaat));
        command.Parameters.Add(Sql.Param(r.Reden, NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(r.Herkomst));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Records matching the filters, oldest first. <paramref name="regios"/> null: every region (national auditor);
    /// otherwise only records of casussen in those regions.</summary>
    public async Task<(long Total, IReadOnlyList<AuditRecord> Rows)> ZoekAsync(
        Guid? casusId, string? organisatieId, string? gebruikerId, DateTimeOffset? van, DateTimeOffset? tot, string[]? regios,
        int skip, int take, CancellationToken ct)
    {
        const string where = """
            where ($1::uuid is null or casus_id = $1) and ($2::text is null or organisatie_id = $2) and ($3::text is null or gebruiker_id = $3)
              and ($4::timestamptz is null or tijdstip >= $4) and ($5::timestamptz is null or tijdstip < $5)
              and ($6::text[] is null or regio = any($6))
            """;
        await using var command = database.CreateCommand(
            $"select count(*) over (), {Columns} from casus.auditlog {where} order by tijdstip, id offset $7 limit $8");
        command.Parameters.Add(Sql.Param(casusId, NpgsqlDbType.Uuid));
        command.Parameters.Add(Sql.Param(organisatieId, NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(gebruikerId, NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(van, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Sql.Param(tot, NpgsqlDbType.TimestampTz));
        command.Parameters.Add(Sql.Param(regios, NpgsqlDbType.Array | NpgsqlDbType.Text));
        command.Parameters.Add(Sql.Param(skip));
        command.Parameters.Add(Sql.Param(take));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<AuditRecord>();
        long total = 0;
        while (await reader.ReadAsync(ct))
        {
            total = reader.GetInt64(0);
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            rows.Add(new AuditRecord(reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), Text(4), Text(5), Text(6),
                reader.IsDBNull(7) ? [] : reader.GetFieldValue<string[]>(7), reader.GetString(8),
                reader.IsDBNull(9) ? null : reader.GetGuid(9), Text(10), reader.GetInt32(11), Text(12), reader.GetString(13)));
        }
        return (total, rows);
    }
}
