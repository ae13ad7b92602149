using System.Diagnostics.Metrics;
using JasperFx.OpenTelemetry;
using Marten;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Casus.Api.Operations;

/// <summary>OpenTelemetry: traces (HTTP, Npgsql, Marten, Wolverine), metrics (request duration by route, commands by kind
/// and outcome, projection lag, Npgsql and Marten) and logs, exported over OTLP as the standard <c>OTEL_*</c> environment
/// variables say, and not at all unless an OTLP endpoint is configured. Outside Development the console log is JSON.</summary>
public static class Telemetry
{
    /// <summary>Name of this application's meter.</summary>
    public const string Naam = "Casus";

    /// <summary>Activity sources traced besides ASP.NET Core: Npgsql (every database command), Marten (sessions,
    /// connections, the async daemon) and Wolverine (messages), which lights up once Wolverine is in the host.</summary>
    public static readonly string[] Bronnen = ["Npgsql", "Marten", "Wolverine"];

    private static readonly string[] Endpoints =
        ["OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT", "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT"];

    private static readonly Meter Meter = new(Naam);
    private static readonly Counter<long> Commandos = Meter.CreateCounter<long>("casus.commandos", "{commando}",
        "Commando's per soort (commando) en uitkomst (uitkomst: uitgevoerd, geweigerd, fout; http.response.status_code)");

    /// <summary>True when an OTLP endpoint is configured and <c>OTEL_SDK_DISABLED</c> is not <c>true</c>.</summary>
    public static bool Aan(IConfiguration configuration) =>
        !configuration.GetValue("OTEL_SDK_DISABLED", false) && Endpoints.Any(e => !string.IsNullOrWhiteSpace(configuration[e]));

    public static void AddCasusTelemetry(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;   // TraceId and SpanId of the request's trace, among others
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        if (!Aan(builder.Configuration)) return;

        builder.Services.ConfigureMarten(o =>
        {
            o.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            o.OpenTelemetry.TrackEventCounters();
        });
        builder.Services.AddHostedService<ProjectieAchterstandMeter>();
        builder.Services.AddHostedService<WerkvoorraadMeter>();
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration["OTEL_SERVICE_NAME"] ?? "casus-api"))
            .WithTracing(t => t
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddSource(Bronnen))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddMeter(Naam, ProjectieAchterstandMeter.MeterNaam, WerkvoorraadMeter.MeterNaam)
                .AddMeter(Bronnen))
            .WithLogging()
            .UseOtlpExporter();
    }

    /// <summary>Counts every command (the POST endpoints under /api/v1/casussen) by its endpoint name and outcome.</summary>
    public static void UseCasusTelemetry(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var commando = http.Request.Method == HttpMethods.Post && http.GetEndpoint() is RouteEndpoint route &&
                       route.RoutePattern.RawText?.StartsWith(Casussen.CommandRoutes.Base, StringComparison.Ordinal) == true
            ? route.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
            : null;
        if (commando is null)
        {
            await next(http);
            return;
        }

        var status = StatusCodes.Status500InternalServerError;
        try
        {
            await next(http);
            status = http.Response.StatusCode;
        }
        finally
        {
            Commandos.Add(1, new("commando", commando),
                new("uitkomst", status < 400 ? "uitgevoerd" : status < 500 ? "geweigerd" : "fout"),
                new("http.response.status_code", status));
        }
    });
}
