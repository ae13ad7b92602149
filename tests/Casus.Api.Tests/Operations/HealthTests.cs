using System.Net;
using Casus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;

namespace Casus.Api.Tests.Operations;

/// <summary>The probes a load balancer or Kubernetes uses: without a token, and answering no more than healthy or not.</summary>
public sealed class HealthTests(CasusApi api) : IClassFixture<CasusApi>
{
    internal static async Task<(HttpStatusCode Status, string Body)> Probe(WebApplicationFactory<Program> host, string path)
    {
        using var response = await host.CreateClient().GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Probes_answer_healthy_without_a_token_and_say_nothing_more(string path) =>
        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Probe(api, path));

    [Fact]
    public async Task Ready_is_unhealthy_while_the_database_refuses_connections_and_healthy_again_after_while_live_stays_up()
    {
        await Probe(api, "/health/live");
        var database = new NpgsqlConnectionStringBuilder(api.ConnectionString).Database!;
        await Beheer($"alter database {database} allow_connections false; " +
            $"select pg_terminate_backend(pid) from pg_stat_activity where datname = '{database}' and pid <> pg_backend_pid()");
        try
        {
            Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), await Probe(api, "/health/ready"));
            Assert.Equal((HttpStatusCode.OK, "Healthy"), await Probe(api, "/health/live"));
        }
        finally
        {
            await Beheer($"alter database {database} allow_connections true");
        }

        Assert.Equal((HttpStatusCode.OK, "Healthy"), await Probe(api, "/health/ready"));
    }

    /// <summary>As the server's administrator, on its maintenance database.</summary>
    private async Task Beheer(string sql)
    {
        var beheer = new NpgsqlConnectionStringBuilder(api.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(beheer);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
