using System.Text.Json.Nodes;
using Casus.Domain.Historie;
using Npgsql;
using NpgsqlTypes;

namespace Casus.Projections.Historie;

/// <summary>Checks hash chains against what PostgreSQL holds: reads the raw rows of mt_events (data and headers as
/// text, never deserialised into event types, so tampered or unreadable data is reported, not thrown) and the stream
/// versions of mt_streams, and re-computes each chain with <see cref="Ketencontrole"/>.</summary>
public sealed class Ketenlezer(NpgsqlDataSource database)
{
    public async Task<Ketenuitslag> Controleer(Guid stroomId, CancellationToken ct) =>
        (await Controleer([stroomId], ct))[stroomId];

    /// <summary>The outcome per stream; a stream without rows is <c>ok</c> with 0 versions.</summary>
    public async Task<IReadOnlyDictionary<Guid, Ketenuitslag>> Controleer(IReadOnlyCollection<Guid> stroomIds, CancellationToken ct)
    {
        var ids = stroomIds.Distinct().ToArray();
        var versies = new Dictionary<Guid, long>();
        await using (var command = database.CreateCommand($"select id, version from {CasusStore.Schema}.mt_streams where id = any($1)"))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) versies[reader.GetGuid(0)] = reader.GetInt64(1);
        }

        var perStroom = ids.ToDictionary(id => id, _ => new List<OpgeslagenGebeurtenis>());
        await using (var command = database.CreateCommand($"""
            select stream_id, version, type, timestamp, user_name, correlation_id, causation_id, headers::text, data::text
            from {CasusStore.Schema}.mt_events where stream_id = any($1) order by stream_id, version
            """))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
                var id = reader.GetGuid(0);
                perStroom[id].Add(new OpgeslagenGebeurtenis(id.ToString(), reader.GetInt64(1), reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3), Text(4), Text(5), Text(6), Headers(Text(7)), Text(8) ?? "null"));
            }
        }
        return perStroom.ToDictionary(p => p.Key, p => Ketencontrole.Controleer(p.Value, versies.GetValueOrDefault(p.Key)));
    }

    private static Dictionary<string, JsonNode?> Headers(string? json) =>
        json is null || JsonNode.Parse(json) is not JsonObject o
            ? []
            : o.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
}
