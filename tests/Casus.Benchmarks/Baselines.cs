using System.Diagnostics;
using Casus.Projections;
using JasperFx.Events;
using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Casus.Benchmarks;

public sealed record RawAppendResult(long Events, TimeSpan Duration, Latencies Latencies)
{
    public double EventsPerSecond => Events / Duration.TotalSeconds;
}

public sealed record RowsResult(long Rows, long Bytes, TimeSpan Duration)
{
    public double RowsPerSecond => Rows / Duration.TotalSeconds;
    public double MegabytesPerSecond => Bytes / 1_048_576.0 / Duration.TotalSeconds;
}

/// <summary>The limits of the layers below us, measured in the same run on the same database.</summary>
public static class Baselines
{
    private const string RawSchema = "bench_raw";
    private const string Columns =
        "seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers, user_name, is_archived";

    /// <summary>(a) Raw Marten: the events the command phase appended (same types, data, headers, user and trace), appended
    /// again in-process by <paramref name="clients"/> concurrent writers, one event per session and commit as the API does,
    /// into a separate schema with the same event store settings but no projections: no HTTP, tokens, validation, access
    /// check, load of the casus, decision, hash, audit or processing record.</summary>
    public static async Task<RawAppendResult> RawMartenAppendAsync(IDocumentStore store, NpgsqlDataSource database, long afterSequence,
        int maxEvents, int clients, CancellationToken ct)
    {
        IReadOnlyList<IEvent> events;
        await using (var query = store.QuerySession())
            events = await query.Events.QueryAllRawEvents().Where(e => e.Sequence > afterSequence).OrderBy(e => e.Sequence)
                .Take(maxEvents).ToListAsync(ct);
        if (events.Count == 0) throw new InvalidOperationException("The command phase appended no events to replay for baseline (a).");

        // The same key ring: the copies are encrypted with their casussen's keys, as the API's events are.
        var sleutels = Casus.Projections.Persoonsgegevens.Sleutelring.Van(store);
        using var raw = DocumentStore.For(opts =>
        {
            opts.Connection(database);
            opts.DatabaseSchemaName = RawSchema;
            CasusStore.ConfigureerGebeurtenissen(opts, sleutels);
        });
        await raw.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        // The streams exist beforehand, as the casussen do for the commands (and concurrent first appends would race).
        await using (var create = database.CreateCommand(
            $"insert into {RawSchema}.mt_streams (id, version, timestamp, tenant_id) select distinct unnest($1), 0, now(), '*DEFAULT*'"))
        {
            create.Parameters.Add(new NpgsqlParameter { Value = events.Select(e => e.StreamId).Distinct().ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            await create.ExecuteNonQueryAsync(ct);
        }

        // One writer per stream (as if the commands never collided), so no append is refused for a concurrent one.
        var queues = Enumerable.Range(0, clients).Select(_ => new Queue<IEvent>()).ToArray();
        foreach (var e in events) queues[(e.StreamId.GetHashCode() & int.MaxValue) % clients].Enqueue(e);
        var all = new Latencies();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(queues.Select(queue => Task.Run(async () =>
        {
            var own = new Latencies();
            while (queue.TryDequeue(out var e))
            {
                var before = Stopwatch.GetTimestamp();
                await using (var session = raw.LightweightSession())
                {
                    session.LastModifiedBy = e.UserName;
                    session.CorrelationId = e.CorrelationId;
                    session.CausationId = e.CausationId;
                    foreach (var (key, value) in e.Headers ?? []) session.SetHeader(key, value);
                    sleutels.Koppel(e.Data, e.StreamId);
                    session.Events.Append(e.StreamId, e.Data);
                    await session.SaveChangesAsync(ct);
                }
                own.Add(Stopwatch.GetElapsedTime(before).TotalMilliseconds);
            }
            lock (all) all.AddRange(own);
        }, ct)));
        return new RawAppendResult(events.Count, clock.Elapsed, all);
    }

    /// <summary>(b) Raw Npgsql: binary COPY of <paramref name="rows"/> rows shaped and sized like mt_events rows (real rows of
    /// the store, repeated) into a plain, logged table with a primary key, in one transaction.</summary>
    public static async Task<RowsResult> CopyAsync(NpgsqlDataSource database, int rows, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await Execute(connection, $"""
            drop table if exists public.bench_copy;
            create table public.bench_copy (seq_id bigint primary key, id uuid not null, stream_id uuid, version bigint not null,
              data jsonb not null, type varchar not null, timestamp timestamptz not null, tenant_id varchar, mt_dotnet_type varchar,
              correlation_id varchar, causation_id varchar, headers jsonb, user_name varchar, is_archived bool)
            """, ct);
        var sample = new List<object?[]>();
        await using (var command = new NpgsqlCommand(
            $"select stream_id, version, data::text, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, headers::text, user_name " +
            $"from {CasusStore.Schema}.mt_events order by seq_id limit 20000", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[reader.FieldCount];
                for (var i = 0; i < values.Length; i++) values[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                sample.Add(values);
            }

        long bytes = 0;
        var clock = Stopwatch.StartNew();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using (var writer = await connection.BeginBinaryImportAsync($"copy public.bench_copy ({Columns}) from stdin (format binary)", ct))
            {
                for (var i = 0; i < rows; i++)
                {
                    var s = sample[i % sample.Count];
                    await writer.StartRowAsync(ct);
                    await writer.WriteAsync((long)i + 1, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync((Guid)s[0]!, NpgsqlDbType.Uuid, ct);
                    await writer.WriteAsync((long)s[1]!, NpgsqlDbType.Bigint, ct);
                    await writer.WriteAsync((string)s[2]!, NpgsqlDbType.Jsonb, ct);
                    await writer.WriteAsync((string)s[3]!, NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(s[4]!, NpgsqlDbType.TimestampTz, ct);
                    foreach (var k in new[] { 5, 6, 7, 8 }) await WriteText(writer, s[k], NpgsqlDbType.Varchar, ct);
                    await WriteText(writer, s[9], NpgsqlDbType.Jsonb, ct);
                    await WriteText(writer, s[10], NpgsqlDbType.Varchar, ct);
                    await writer.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                    bytes += 16 * 2 + 8 * 3 + 1 + new[] { 2, 3, 5, 6, 7, 8, 9, 10 }.Sum(k => (s[k] as string)?.Length ?? 0);
                }
                await writer.CompleteAsync(ct);
            }
            await transaction.CommitAsync(ct);
        }
        var duration = clock.Elapsed;
        await Execute(connection, "drop table public.bench_copy", ct);
        return new RowsResult(rows, bytes, duration);
    }

    /// <summary>(c) Raw SQL scan: every column of every row of mt_events, read to the client in sequence order
    /// (jsonb as text), on one connection.</summary>
    public static async Task<RowsResult> ScanAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        long rows = 0, bytes = 0;
        var clock = Stopwatch.StartNew();
        await using (var command = new NpgsqlCommand(
            $"select seq_id, id, stream_id, version, data::text, type, timestamp, tenant_id, mt_dotnet_type, correlation_id, causation_id, " +
            $"headers::text, user_name, is_archived from {CasusStore.Schema}.mt_events order by seq_id", connection))
        await using (var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct))
            while (await reader.ReadAsync(ct))
            {
                rows++;
                bytes += 8 + 16 + 16 + 8 + 8 + 1;
                reader.GetInt64(0); reader.GetGuid(1); reader.GetGuid(2); reader.GetInt64(3);
                bytes += reader.GetString(4).Length + reader.GetString(5).Length;
                reader.GetFieldValue<DateTimeOffset>(6);
                for (var i = 7; i <= 12; i++)
                    if (!reader.IsDBNull(i)) bytes += reader.GetString(i).Length;
                reader.GetBoolean(13);
            }
        return new RowsResult(rows, bytes, clock.Elapsed);
    }

    /// <summary>(d) Raw audited read: <paramref name="clients"/> concurrent clients, each in a closed loop for
    /// <paramref name="duration"/> (after <paramref name="warmUp"/>): begin, select one casus document by id (read whole, as
    /// text), insert one audit row shaped like the API's, commit (with fsync, as the API's). What an audited GET casus costs
    /// the database, without HTTP, token, access check or serialisation.</summary>
    public static async Task<RawAppendResult> AuditedReadAsync(NpgsqlDataSource database, IReadOnlyList<Guid> ids, int clients,
        TimeSpan warmUp, TimeSpan duration, CancellationToken ct)
    {
        var all = new Latencies();
        long count = 0;
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var random = new Random(client);
            var own = new Latencies();
            long mine = 0;
            while (true)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= stopAt) break;
                var id = ids[random.Next(ids.Count)];
                await using (var connection = await database.OpenConnectionAsync(ct))
                await using (var transaction = await connection.BeginTransactionAsync(ct))
                {
                    await using (var select = new NpgsqlCommand($"select data::text from {CasusStore.Schema}.mt_doc_integralecasus where id = $1", connection, transaction))
                    {
                        select.Parameters.Add(new NpgsqlParameter { Value = id });
                        await using var reader = await select.ExecuteReaderAsync(ct);
                        while (await reader.ReadAsync(ct)) reader.GetString(0);
                    }
                    await using (var insert = new NpgsqlCommand(
                        "insert into casus.auditlog (tijdstip, trace_id, span_id, gebruiker_id, organisatie_id, organisatie_naam, rollen, actie, " +
                        "casus_id, regio, resultaat, reden, herkomst) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)", connection, transaction))
                    {
                        foreach (var value in new object[]
                                 {
                                     DateTimeOffset.UtcNow, ActivityTraceId.CreateRandom().ToHexString(), ActivitySpanId.CreateRandom().ToHexString(),
                                     "coordinator-oost-nederland", "riec-oost-nederland", "RIEC Oost-Nederland", new[] { "riec-coordinator" },
                                     "GET /api/v1/casussen/{casusId}", id, "oost-nederland", 200, DBNull.Value, "127.0.0.1",
                                 })
                            insert.Parameters.Add(new NpgsqlParameter { Value = value });
                        insert.Parameters[11].NpgsqlDbType = NpgsqlDbType.Text;
                        await insert.ExecuteNonQueryAsync(ct);
                    }
                    await transaction.CommitAsync(ct);
                }
                var after = Stopwatch.GetTimestamp();
                if (before >= measureFrom && after <= stopAt)
                {
                    own.Add(Stopwatch.GetElapsedTime(before, after).TotalMilliseconds);
                    mine++;
                }
            }
            lock (all) all.AddRange(own);
            Interlocked.Add(ref count, mine);
        }, ct)));
        return new RawAppendResult(count, duration, all);
    }

    private static async Task WriteText(NpgsqlBinaryImporter writer, object? value, NpgsqlDbType type, CancellationToken ct)
    {
        if (value is null) await writer.WriteNullAsync(ct);
        else await writer.WriteAsync((string)value, type, ct);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
