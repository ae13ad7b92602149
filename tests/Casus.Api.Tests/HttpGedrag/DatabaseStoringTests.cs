using System.Net;
using Casus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Casus.Api.Tests.HttpGedrag;

/// <summary>While PostgreSQL cannot be reached the API answers 503 database.niet-beschikbaar with Retry-After, and it
/// serves again as soon as the database is back, without a restart.</summary>
public sealed class DatabaseStoringTests : IAsyncLifetime
{
    private TcpDoorgeefluik _database = null!;
    private OnderbrekbareApi _api = null!;

    public async Task InitializeAsync()
    {
        var echt = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateDatabaseAsync());
        _database = new TcpDoorgeefluik(echt.Host!, echt.Port);
        _database.Start();
        echt.Host = "127.0.0.1";
        echt.Port = _database.Port;
        echt.Timeout = 3;
        _api = new OnderbrekbareApi(echt.ConnectionString);
    }

    [Fact]
    public async Task A_database_outage_is_503_with_retry_after_and_the_api_serves_again_when_it_is_back()
    {
        var client = _api.Client();
        var id = await client.NewCasus();

        _database.Stop();
        var lezen = await client.Get($"/api/v1/casussen/{id}");
        var schrijven = await client.As(Personas.Tilburg).Post("/api/v1/casussen", Examples.Signaal());
        foreach (var antwoord in new[] { lezen, schrijven })
        {
            antwoord.AssertStatus(HttpStatusCode.ServiceUnavailable);
            Assert.Equal("database.niet-beschikbaar", antwoord.Code);
            Assert.True(antwoord.Message.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        }

        _database.Start();
        (await client.Get($"/api/v1/casussen/{id}")).AssertStatus(HttpStatusCode.OK);
        await client.NewCasus();
    }

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        await _database.DisposeAsync();
    }

    private sealed class OnderbrekbareApi(string connectionString) : CasusApi
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Casus", connectionString);
        }
    }
}
