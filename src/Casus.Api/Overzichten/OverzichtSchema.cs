using Casus.Projections.Overzichten;
using Npgsql;

namespace Casus.Api.Overzichten;

/// <summary>Makes sure at start-up (after Marten created its tables) that the tables the overviews keep by trigger exist
/// (<see cref="Overzichttabellen"/>; idempotent).</summary>
public sealed class OverzichtSchema(NpgsqlDataSource database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Overzichttabellen.ZorgVoorSchemaAsync(database, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
