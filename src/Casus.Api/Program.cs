using System.Text.Json;
using System.Text.Json.Serialization;
using Casus.Api.Beheer;
using Casus.Api.Beveiliging;
using Casus.Api.Casussen;
using Casus.Api.Database;
using Casus.Api.Historie;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Api.Operations;
using Casus.Api.Overzichten;
using Casus.Api.Verantwoording;
using Casus.Projections;
using Casus.Projections.Historie;
using Marten;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
var local = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");

var connectionString = builder.Configuration.GetConnectionString("Casus");
if (connectionString is null && builder.Environment.IsDevelopment())
{
    using var loggers = LoggerFactory.Create(l => l.AddConsole());
    connectionString = await DevelopmentDatabase.ConnectionStringAsync(
        builder.Environment.ContentRootPath, builder.Configuration, loggers.CreateLogger("Casus.DevelopmentDatabase"));
}
if (connectionString is null)
    throw new InvalidOperationException(
        "No database configured: set ConnectionStrings__Casus (an Npgsql connection string), or run in Development to use a local PostgreSQL.");

var database = NpgsqlDataSource.Create(connectionString);
builder.Services.AddSingleton(database);
builder.Services.AddMarten(services =>
    {
        var options = new StoreOptions();
        CasusStore.Configureer(options, database, services.GetRequiredService<TimeProvider>());
        return options;
    })
    .UseLightweightSessions()
    .ApplyAllDatabaseChangesOnStartup()
    .AddCasusProjectiedaemon(builder.Configuration);

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
    if (c.HttpContext.Items.ContainsKey(typeof(TraceContext)))
        c.ProblemDetails.Extensions["traceId"] = TraceContext.Of(c.HttpContext).TraceId;
});
builder.Services.AddExceptionHandler<MalformedRequestHandler>();
builder.Services.AddCasusOpenApi();
builder.AddCasusAuthentication();
builder.AddCasusHealth();
builder.AddCasusTelemetry();

var pseudonimiseringsSleutel = builder.Configuration[Pseudonimisering.Section] is { } sleutel ? Convert.FromBase64String(sleutel)
    : local ? Pseudonimisering.OntwikkelSleutel
    : throw new InvalidOperationException($"Configure {Pseudonimisering.Section} (base64, at least 32 bytes) for the processing log's pseudonyms.");
builder.Services.AddSingleton(new Pseudonimisering(pseudonimiseringsSleutel));
builder.Services.AddSingleton<AuditLog>();
builder.Services.AddSingleton<Verwerkingslog>();
builder.Services.AddHostedService<VerantwoordingSchema>();
builder.Services.AddScoped<Verantwoordingscontext>();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DutchCalendar>();
builder.Services.AddScoped<CasusCommandHandler>();
builder.Services.AddScoped<CasusQueries>();
builder.Services.AddSingleton<Ketenlezer>();
builder.Services.AddScoped<HistorieQueries>();
builder.Services.AddScoped<Ketencontroles>();

var app = builder.Build();

app.UseApiHeaders();
TraceContext.UseTraceContext(app);
app.UseCasusTelemetry();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.MapCasusOpenApi();
app.MapCasusHealth();
app.MapCasusEndpoints();
app.MapVerantwoordingEndpoints();
app.MapHistorieEndpoints();
app.MapOverzichtEndpoints();
app.MapBeheerEndpoints();
if (local) app.MapOntwikkeltokens();
if (app.Environment.IsDevelopment())
    app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
        "Swagger UI: {Urls} (path /swagger). Every endpoint needs a token: make one with POST /api/v1/ontwikkeltokens and paste it " +
        "into Authorize; see README.md, 'Signing in locally'.", string.Join(", ", app.Urls)));

app.Run();

/// <summary>Entry point; public so integration tests can host the API.</summary>
public partial class Program;
