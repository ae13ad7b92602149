using System.Diagnostics.Metrics;
using Casus.Projections;
using Npgsql;

namespace Casus.Api.Operations;

/// <summary>Measures the work waiting for Wolverine every 15 seconds for three gauges (only when telemetry is on; one
/// database, so every instance reports the same numbers: aggregate with max): <c>casus.termijnen.te-bewaken</c>, casussen
/// with a term due that the monitoring has not recorded yet; <c>casus.termijnen.gepland</c>, scheduled term messages;
/// <c>casus.notificaties.onderweg</c>, webhook deliveries not yet delivered, given up or paused.</summary>
public sealed class WerkvoorraadMeter(NpgsqlDataSource database, TimeProvider clock, ILogger<WerkvoorraadMeter> logger) : BackgroundService
{
    public const string MeterNaam = "Casus.Werkvoorraad";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly Meter _meter = new(MeterNaam);
    private (long TeBewaken, long Gepland, long Onderweg) _laatste;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _meter.CreateObservableGauge("casus.termijnen.te-bewaken", () => _laatste.TeBewaken, "{casus}",
            "Casussen met een termijn die verliep of herinnerd moet worden en nog niet is vastgelegd");
        _meter.CreateObservableGauge("casus.termijnen.gepland", () => _laatste.Gepland, "{bericht}",
            "Geplande berichten van de termijnbewaking");
        _meter.CreateObservableGauge("casus.notificaties.onderweg", () => _laatste.Onderweg, "{aflevering}",
            "Webhook-afleveringen die nog niet zijn afgeleverd (eerste poging of een nieuwe poging gepland)");
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var command = database.CreateCommand($"""
                    select (select count(*) from {CasusStore.Schema}.mt_doc_integralecasus where volgende_termijn < $1),
                           (select count(*) from {CasusStore.Schema}.wolverine_incoming_envelopes
                             where status = 'Scheduled' and message_type like '%TermijnenBewaken%'),
                           (select count(*) from {CasusStore.Schema}.mt_doc_aflevering where data->>'status' = 'Onderweg')
                    """);
                command.Parameters.Add(new NpgsqlParameter { Value = Domain.Gedeeld.Kalender.Dag(clock.GetUtcNow()) });
                await using var reader = await command.ExecuteReaderAsync(stoppingToken);
                await reader.ReadAsync(stoppingToken);
                _laatste = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Werkvoorraad niet gemeten: {Fout}", e.GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }
}
