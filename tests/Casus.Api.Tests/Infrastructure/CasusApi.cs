using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>The real API host, on its own fresh PostgreSQL database (one per test class).</summary>
public class CasusApi : WebApplicationFactory<Program>, IAsyncLifetime
{
    public string ConnectionString { get; protected set; } = "";

    /// <summary>Settings of this host. The term monitoring's sweep is off here (the clock jumps around in most tests, and
    /// a sweep would add system events they do not expect); the term tests switch it on.</summary>
    public Dictionary<string, string?> Instellingen { get; } = new() { ["Casus:Termijnen:ControleSeconden"] = "0" };

    /// <summary>The key the API checks token signatures with (configured, as in production), so tests can also forge bad tokens.</summary>
    public byte[] SigningKey { get; } = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

    public virtual async Task InitializeAsync() => ConnectionString = await PostgresServer.CreateDatabaseAsync();

    private Task<OpenApiContract>? _contract;

    /// <summary>The API's OpenAPI document, read once, as the contract its answers are checked against.</summary>
    public Task<OpenApiContract> Contract() => _contract ??= LeesContract();

    private async Task<OpenApiContract> LeesContract()
    {
        using var http = CreateDefaultClient();
        var document = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(new Uri("/api/v1/openapi.json", UriKind.Relative)))!.AsObject();
        return new OpenApiContract(document);
    }

    /// <summary>A client whose every answer is checked against the OpenAPI document (<see cref="OpenApiAntwoordValidatie"/>).</summary>
    public HttpClient CreateCheckedClient() => CreateDefaultClient(new Uri("http://localhost"), new OpenApiAntwoordValidatie(Contract));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Casus", ConnectionString);
        builder.UseSetting("Casus:Tokens:SigningKey", Convert.ToBase64String(SigningKey));
        builder.UseSetting("Casus:Cors:Origins:0", PartnerOrigin);
        foreach (var (key, value) in Instellingen) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>The one browser origin the tests' API allows (Casus:Cors:Origins).</summary>
    public const string PartnerOrigin = "https://partner.example.nl";

    /// <summary>The API's clock in tests: it stands still at <see cref="Now"/> unless a test sets it.</summary>
    public TestClock Clock { get; } = new(Now);

    /// <summary>"Today" in the tests is 2026-11-23 in the Netherlands.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 11, 0, 0, TimeSpan.Zero);

    public sealed class TestClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;

        public void Set(DateTimeOffset now) => _now = now;

        public override DateTimeOffset GetUtcNow() => _now;
    }

    /// <summary>A client acting as <paramref name="actor"/>; by default the RIEC coordinator of the example casus's region.</summary>
    public CasusClient Client(Casus.Domain.Toegang.Actor? actor = null) => new(this, actor ?? Personas.Coordinator());

    public CasusClient Anonymous() => new(this, null);

    /// <summary>Waits until the async overviews (jaarcijfers, RIEC overview, dashboards) have processed every event.</summary>
    public Task WachtOpOverzichtenAsync() =>
        Services.GetRequiredService<Marten.IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    /// <summary>The first column of every row <paramref name="sql"/> returns, straight from the database.</summary>
    public async Task<List<T>> Sql<T>(string sql, params object[] parameters)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new Npgsql.NpgsqlParameter { Value = p });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
