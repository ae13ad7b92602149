using Casus.Projections.Overzichten;
using Npgsql;

namespace Casus.Api.Overzichten;

/// <summary>Makes sure at start-up (after Marten created its tables) that the partner dashboards' table of waiting items and
/// its trigger exist (<see cref="PartnerWachtrij"/>; idempotent).</summary>
public sealed class WachtrijSchema(NpgsqlDataSource database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => PartnerWachtrij.ZorgVoorSchemaAsync(database, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
