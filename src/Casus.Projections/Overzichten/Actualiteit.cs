using Npgsql;

namespace Casus.Projections.Overzichten;

/// <summary>How current an overview is: the async projections have processed every event up to sequence
/// <paramref name="ActueelTot"/>; the newest event in the store has sequence <paramref name="LaatsteGebeurtenis"/>.</summary>
public sealed record Actualiteit(long ActueelTot, long LaatsteGebeurtenis)
{
    /// <summary>One round trip: the daemon's progress mark of the <see cref="CasusStore.Overzichten"/> composite (its
    /// shard "Overzichten:All") and the highest event sequence.</summary>
    public static async Task<Actualiteit> LeesAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select coalesce((select min(last_seq_id) from {CasusStore.Schema}.mt_event_progression where name like $1), 0),
                   coalesce((select max(seq_id) from {CasusStore.Schema}.mt_events), 0)
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = CasusStore.Overzichten + ":%" });
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new Actualiteit(reader.GetInt64(0), reader.GetInt64(1));
    }
}
