using Casus.Projections.Overzichten;
using Npgsql;

namespace Casus.Api.Overzichten;

/// <summary>Makes sure at start-up (after Marten created its tables) that the tables the overviews keep by trigger exist
/// with their triggers: the partner dashboards' waiting items and counts (<see cref="PartnerWachtrij"/>) and the jaarcijfers'
/// counters (<see cref="JaarcijferTelling"/>) and the RIEC overview's narrow rows (<see cref="RiecOverzichtRij"/>); idempotent.</summary>
public sealed class OverzichtSchema(NpgsqlDataSource database) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await PartnerWachtrij.ZorgVoorSchemaAsync(database, cancellationToken);
        await JaarcijferTelling.ZorgVoorSchemaAsync(database, cancellationToken);
        await RiecOverzichtRij.ZorgVoorSchemaAsync(database, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
