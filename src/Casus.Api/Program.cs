using System.Text.Json;
using System.Text.Json.Serialization;
using Casus.Api.Beheer;
using Casus.Api.BestuurlijkeSignalen;
using Casus.Api.Beveiliging;
using Casus.Api.Casussen;
using Casus.Api.Database;
using Casus.Api.Historie;
using Casus.Api.Http;
using Casus.Api.Import;
using Casus.Api.Notificaties;
using Casus.Api.Ondermijningsbeelden;
using Casus.Api.OpenApi;
using Casus.Api.Operations;
using Casus.Api.Overzichten;
using Casus.Api.Privacy;
using Casus.Api.Termijnen;
using Casus.Api.Verantwoording;
using Casus.Projections;
using Casus.Projections.Historie;
using Casus.Projections.Persoonsgegevens;
using JasperFx;
using JasperFx.CodeGeneration;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Marten;

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
var termijnen = TermijnInstellingen.Lees(builder.Configuration);
builder.Services.AddSingleton(termijnen);
builder.Services.AddSingleton(BewaarInstellingen.Lees(builder.Configuration));
var hoofdsleutel = BewaarInstellingen.Hoofdsleutel(builder.Configuration, local);
builder.Services.AddSingleton(services => new Sleutelring(database, hoofdsleutel, services.GetRequiredService<TimeProvider>()));
builder.Services.AddMarten(services =>
    {
        var options = new StoreOptions();
        CasusStore.Configureer(options, database, services.GetRequiredService<TimeProvider>(), termijnen, services.GetRequiredService<Sleutelring>());
        // Marten's own logger writes failed statements with their parameters (personal data, user ids) at error level, also
        // for the concurrency conflicts the API expects: this one does not (docs/privacy.md, "Logs").
        var loggers = services.GetRequiredService<ILoggerFactory>();
        options.Logger(new MartenLog(loggers.CreateLogger("Marten")));
        // With a logger of our own, AddMarten leaves Marten's (internal) logger factory unset, which its daemon logs through.
        typeof(StoreOptions).GetProperty("LogFactory", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)
            ?.SetValue(options, loggers);
        return options;
    })
    .UseLightweightSessions()
    // Wolverine's inbox, outbox and scheduled messages live in the same database and schema as the events.
    .IntegrateWithWolverine()
    .ApplyAllDatabaseChangesOnStartup()
    .AddCasusProjectiedaemon(builder.Configuration);

builder.Host.UseWolverine(opts =>
{
    opts.ApplicationAssembly = typeof(Program).Assembly;
    // Handler code is generated ahead of time (src/Casus.Api/Internal/Generated, `dotnet run -- codegen write`; CI checks
    // it is current): no Roslyn in the app, a faster start and a smaller publish (README, "Wolverine").
    opts.CodeGeneration.TypeLoadMode = TypeLoadMode.Static;
    opts.Policies.AutoApplyTransactions();
    opts.Policies.UseDurableLocalQueues();
    // A node that dies is noticed within seconds, so its scheduled and queued messages move to a live node quickly.
    opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(10);
    opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(2);
    // Webhook deliveries on a queue of their own: slow receivers hold its slots, never the term monitoring's.
    opts.LocalQueue(Webhooks.Queue).MaximumParallelMessages(16);
    opts.PublishMessage<AfleveringVersturen>().ToLocalQueue(Webhooks.Queue);
    // A concurrent append to the same casus: decide again on the new state at once. Anything else (database away): back
    // off, then park the message in the dead-letter table (README, "Wolverine": how to see and replay it).
    opts.OnException<ConcurrencyException>().RetryTimes(5);
    opts.OnException<Exception>().RetryWithCooldown(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1))
        .Then.ScheduleRetry(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)).Then.MoveToErrorQueue();
});
builder.Services.AddHostedService<Termijnveger>();
builder.Services.AddSingleton<Vernietigingsveger>();
builder.Services.AddHostedService(services => services.GetRequiredService<Vernietigingsveger>());
builder.Services.AddHostedService<Sleutelwachter>();
builder.Services.AddSingleton<Vernietiger>();
builder.Services.AddScoped<PrivacyHandler>();
builder.Services.AddSingleton<Termijnplanning>();
builder.Services.AddCasusWebhooks(builder.Configuration, builder.Environment);

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    // No null properties on the wire (absent is null): the OpenAPI schemas need no nullable tricks that generators
    // mistranslate (OpenApi/GeneratorVriendelijk.cs). Numbers are numbers: "5" for an integer is 400, as the schema says.
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
    Problems.Complete(c.ProblemDetails, c.HttpContext);
    if (c.HttpContext.Items.ContainsKey(typeof(TraceContext)))
        c.ProblemDetails.Extensions["traceId"] = TraceContext.Of(c.HttpContext).TraceId;
});
builder.Services.AddExceptionHandler<MalformedRequestHandler>();
builder.Services.AddExceptionHandler<DatabaseStoringHandler>();
builder.Services.AddCasusOpenApi();
builder.AddCasusAuthentication();
builder.Services.AddCors();
builder.Services.AddSingleton<Microsoft.AspNetCore.Cors.Infrastructure.ICorsPolicyProvider, CorsBeleid>();
builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
builder.AddCasusHealth();
builder.AddCasusTelemetry();

var pseudonimiseringsSleutel = builder.Configuration[Pseudonimisering.Section] is { } sleutel ? Convert.FromBase64String(sleutel)
    : local ? Pseudonimisering.OntwikkelSleutel
    : throw new InvalidOperationException($"Configure {Pseudonimisering.Section} (base64, at least 32 bytes) for the processing log's pseudonyms.");
builder.Services.AddSingleton(new Pseudonimisering(pseudonimiseringsSleutel));
builder.Services.AddSingleton<AuditLog>();
builder.Services.AddSingleton<Verwerkingslog>();
builder.Services.AddHostedService<VerantwoordingSchema>();
builder.Services.AddHostedService<OverzichtSchema>();
builder.Services.AddHostedService<IdempotentieOpslag>();
builder.Services.AddScoped<Verantwoordingscontext>();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DutchCalendar>();
builder.Services.AddScoped<CasusCommandHandler>();
builder.Services.AddScoped<CasusQueries>();
builder.Services.AddSingleton<Ketenlezer>();
builder.Services.AddScoped<HistorieQueries>();
builder.Services.AddScoped<CasusHistoriebron>();
builder.Services.AddScoped<SignaalHistoriebron>();
builder.Services.AddScoped<Ketencontroles>();
builder.Services.AddScoped<Importeur>();
builder.Services.AddBestuurlijkeSignalen();

// The command-line import writes its report to standard output: every log line goes to standard error.
if (args.FirstOrDefault() == ImportCommando.Naam)
    builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

var app = builder.Build();

// The command-line import (docs/import.md): the API's configuration and services, no HTTP.
if (args.FirstOrDefault() == ImportCommando.Naam) return await ImportCommando.RunAsync(app, args[1..]);

app.UseApiHeaders();
TraceContext.UseTraceContext(app);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseHeadAlsGet();
app.UseCors();
app.UseBodyLimiet();
app.UseRouting();
// After routing: it counts commands by their endpoint.
app.UseCasusTelemetry();
app.UseAuthentication();
app.UseAuthorization();
app.UseInhoudsonderhandeling();
app.UseIdempotentie();
app.MapCasusOpenApi();
app.MapCasusHealth();
app.MapCasusEndpoints();
app.MapVerantwoordingEndpoints();
app.MapHistorieEndpoints();
app.MapOndermijningsbeeldEndpoints();
app.MapOverzichtEndpoints();
app.MapBeheerEndpoints();
app.MapImportEndpoints();
app.MapAbonnementEndpoints();
app.MapBestuurlijkeSignalen();
app.MapPrivacyEndpoints();
if (local) app.MapOntwikkeltokens();
if (app.Environment.IsDevelopment())
    app.Lifetime.ApplicationStarted.Register(() => app.Logger.LogInformation(
        "Swagger UI: {Urls} (path /swagger). Every endpoint needs a token: make one with POST /api/v1/ontwikkeltokens and paste it " +
        "into Authorize; see README.md, 'Signing in locally'.", string.Join(", ", app.Urls)));

// JasperFx commands (`codegen write`, `describe`, …) for operators and CI; otherwise run the API.
if (args.FirstOrDefault() is "codegen" or "describe" or "help" or "resources")
    return await app.RunJasperFxCommands(args);
await app.RunAsync();
return 0;

/// <summary>Entry point; public so integration tests can host the API.</summary>
public partial class Program;
