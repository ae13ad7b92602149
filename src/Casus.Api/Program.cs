using System.Text.Json;
using System.Text.Json.Serialization;
using Casus.Api.Casussen;
using Casus.Api.Database;
using Casus.Api.Http;
using Casus.Api.OpenApi;
using Casus.Projections;
using Marten;

var builder = WebApplication.CreateBuilder(args);

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

builder.Services.AddMarten(o => CasusStore.Configureer(o, connectionString))
    .UseLightweightSessions()
    .ApplyAllDatabaseChangesOnStartup();

builder.Services.ConfigureHttpJsonOptions(o =>
{
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
});
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
{
    c.ProblemDetails.Instance ??= c.HttpContext.Request.Path;
    c.ProblemDetails.Extensions.TryAdd("traceId", System.Diagnostics.Activity.Current?.TraceId.ToString() ?? c.HttpContext.TraceIdentifier);
});
builder.Services.AddExceptionHandler<MalformedRequestHandler>();
builder.Services.AddCasusOpenApi();

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<DutchCalendar>();
builder.Services.AddScoped<CasusCommandHandler>();
builder.Services.AddScoped<CasusQueries>();

var app = builder.Build();

app.UseApiHeaders();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapCasusOpenApi();
app.MapCasusEndpoints();

app.Run();

/// <summary>Entry point; public so integration tests can host the API.</summary>
public partial class Program;
