using System.Diagnostics.Metrics;
using Npgsql;

namespace Casus.Api.Operations;

/// <summary>Measures the projection lag every 15 seconds for the gauges <c>casus.projecties.achterstand</c> (seconds) and
/// <c>casus.projecties.achterstand.gebeurtenissen</c>; only when telemetry is on. Every instance reports the same lag
/// (one database), so aggregate with max, not sum.</summary>
public sealed class ProjectieAchterstandMeter(NpgsqlDataSource database, TimeProvider clock, ILogger<ProjectieAchterstandMeter> logger)
    : BackgroundService
{
    public const string MeterNaam = "Casus.Projecties";
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);
    private readonly Meter _meter = new(MeterNaam);
    private ProjectieAchterstand? _laatste;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _meter.CreateObservableGauge("casus.projecties.achterstand", () => _laatste?.Duur.TotalSeconds ?? 0, "s",
            "Leeftijd van de oudste gebeurtenis die de async projecties nog niet verwerkten (0: actueel)");
        _meter.CreateObservableGauge("casus.projecties.achterstand.gebeurtenissen", () => _laatste?.Gebeurtenissen ?? 0, "{gebeurtenis}",
            "Aantal gebeurtenissen dat de async projecties nog niet verwerkten");
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await using var connection = await database.OpenConnectionAsync(stoppingToken);
                _laatste = await ProjectieAchterstand.MeetAsync(connection, clock, stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.LogWarning("Projectieachterstand niet gemeten: {Fout}", e.GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override void Dispose()
    {
        _meter.Dispose();
        base.Dispose();
    }
}
