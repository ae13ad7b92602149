using Casus.Projections.Persoonsgegevens;
using Npgsql;

namespace Casus.Api.Privacy;

/// <summary>Listens (PostgreSQL LISTEN) for the announcements of destroyed data keys from any instance, and drops those casussen
/// from this instance's key cache at once, so no instance goes on decrypting from memory what was destroyed elsewhere. When the
/// connection is lost, announcements may have been missed: the whole cache is dropped, and it listens again.</summary>
public sealed class Sleutelwachter(NpgsqlDataSource database, Sleutelring ring, ILogger<Sleutelwachter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) =>
                    ring.Vergeet(e.Payload.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse));
                await using (var listen = new NpgsqlCommand($"listen {Sleutelring.Kanaal}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Whatever was destroyed before this LISTEN took effect was not heard of.
                ring.VergeetAlles();
                while (!stoppingToken.IsCancellationRequested) await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ring.VergeetAlles();
                logger.LogWarning("Listening for destroyed data keys failed ({Error}); the key cache was emptied, listening again in 5 s.",
                    e.GetType().Name);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
