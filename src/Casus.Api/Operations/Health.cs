using Casus.Projections;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Casus.Api.Operations;

/// <summary><c>/health/live</c>: the process answers (no dependencies, so a database outage never restarts every
/// instance). <c>/health/ready</c>: this instance can serve: the database answers within the probe's time, the schema is
/// there, and the async projections lag at most <see cref="MaxAchterstandSetting"/> behind. Both without a token, and
/// answering only <c>Healthy</c> or <c>Unhealthy</c> (200 or 503): nothing about the system's insides. Not audited: they
/// touch no casus.</summary>
public static class Health
{
    public const string MaxAchterstandSetting = "Casus:Health:MaxProjectieAchterstand";
    public static readonly TimeSpan StandaardMaxAchterstand = TimeSpan.FromMinutes(5);
    private const string Gereed = "gereed";

    public static void AddCasusHealth(this WebApplicationBuilder builder)
    {
        var maxAchterstand = builder.Configuration.GetValue(MaxAchterstandSetting, StandaardMaxAchterstand);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration("database-en-projecties",
            services => new Gereedheid(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<TimeProvider>(), maxAchterstand),
            HealthStatus.Unhealthy, [Gereed], TimeSpan.FromSeconds(3)));
    }

    public static void MapCasusHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Gereed) });
    }

    /// <summary>The readiness check; the lag is <see cref="ProjectieAchterstand.Duur"/>.</summary>
    private sealed class Gereedheid(NpgsqlDataSource database, TimeProvider clock, TimeSpan maxAchterstand) : IHealthCheck
    {
        private static readonly string[] Tabellen =
            ["mt_events", "mt_streams", "mt_event_progression", "mt_doc_integralecasus", "mt_doc_casusvoortgang", "mt_doc_partnercasus", "auditlog", "verwerkingslog"];

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            await using var connection = await database.OpenConnectionAsync(ct);
            await using (var schema = new NpgsqlCommand("select count(*) = cardinality($1) from unnest($1) t where to_regclass(t) is not null", connection))
            {
                schema.Parameters.Add(new NpgsqlParameter { Value = Tabellen.Select(t => $"{CasusStore.Schema}.{t}").ToArray() });
                if (await schema.ExecuteScalarAsync(ct) is not true) return HealthCheckResult.Unhealthy("schema ontbreekt");
            }

            var achterstand = (await ProjectieAchterstand.MeetAsync(connection, clock, ct)).Duur;
            return achterstand <= maxAchterstand ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("projecties lopen achter");
        }
    }
}
