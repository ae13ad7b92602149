using Npgsql;

namespace Casus.Projections.Overzichten;

/// <summary>The tables the overviews keep by trigger on Marten's tables: the partner dashboards' waiting items and counts
/// (<see cref="PartnerWachtrij"/>), the jaarcijfers' counters (<see cref="JaarcijferTelling"/>) and the RIEC overview's
/// narrow rows (<see cref="RiecOverzichtRij"/>).</summary>
public static class Overzichttabellen
{
    /// <summary>Creates them with their triggers when missing and fills them from the existing rows, in one round trip
    /// (idempotent; Marten's tables must exist). Run at start-up and before a rebuild.</summary>
    public static async Task ZorgVoorSchemaAsync(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var batch = database.CreateBatch();
        foreach (var ddl in new[] { PartnerWachtrij.Ddl, JaarcijferTelling.Ddl, RiecOverzichtRij.Ddl })
            batch.BatchCommands.Add(new NpgsqlBatchCommand(ddl));
        await batch.ExecuteNonQueryAsync(ct);
    }
}
