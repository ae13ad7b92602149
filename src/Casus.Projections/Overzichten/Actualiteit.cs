using Marten;
using Npgsql;

namespace Casus.Projections.Overzichten;

/// <summary>How current an overview is: the async projections have processed every event up to sequence
/// <paramref name="ActueelTot"/>; the newest event in the store has sequence <paramref name="LaatsteGebeurtenis"/>.</summary>
public sealed record Actualiteit(long ActueelTot, long LaatsteGebeurtenis)
{
    public static async Task<Actualiteit> LeesAsync(IDocumentStore store, NpgsqlDataSource database, CancellationToken ct)
    {
        var stand = await store.Advanced.AllProjectionProgress(token: ct);
        var actueelTot = stand.Where(s => s.ShardName.StartsWith(CasusStore.Overzichten, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Sequence).DefaultIfEmpty(0).Min();
        await using var command = database.CreateCommand($"select coalesce(max(seq_id), 0) from {CasusStore.Schema}.mt_events");
        var laatste = Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
        return new Actualiteit(actueelTot, laatste);
    }
}
