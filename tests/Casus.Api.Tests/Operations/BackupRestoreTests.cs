using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Casus.Api.Beveiliging;
using Casus.Api.Database;
using Casus.Api.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Casus.Api.Tests.Operations;

/// <summary>The restore drill of docs/operations.md: dump the database with pg_dump, restore it into a fresh cluster, run
/// the API on the restored copy, and check the hash chain of every casus.</summary>
public sealed class BackupRestoreTests(CasusApi api) : IClassFixture<CasusApi>
{
    [Fact]
    public async Task A_dump_restored_into_a_fresh_cluster_serves_every_casus_with_an_intact_hash_chain()
    {
        var client = api.Client();
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = await client.NewCasus();
            await client.Commands(id, Examples.ToInformatieDelen);
            if (i == 0) await client.Commands(id, Examples.ToUitvoeren);
            ids.Add(id);
        }

        var dump = Path.Combine(Path.GetTempPath(), $"casus-{Guid.NewGuid():N}.dump");
        var map = Path.Combine(Path.GetTempPath(), $"casus-herstel-{Guid.NewGuid():N}");
        try
        {
            await Programma("pg_dump", "--format=custom", "--file", dump, Libpq(api.ConnectionString));
            await using var vers = await LocalPostgresCluster.StartAsync(map, PostgresInstallation.FindFreePort(), persistent: false, durable: false);
            var hersteld = await vers.EnsureDatabaseAsync("casus");
            await Programma("pg_restore", "--no-owner", "--exit-on-error", "--dbname", Libpq(hersteld), dump);

            await using var opHersteld = api.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Casus", hersteld));
            var auditor = opHersteld.CreateClient();
            auditor.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
                opHersteld.Services.GetRequiredService<DevelopmentTokens>().Mint(Personas.Auditor).Token);
            var casussen = await CasusIds(hersteld);
            Assert.Equal(ids.Order(), casussen.Order());
            foreach (var id in casussen)
            {
                var keten = await auditor.GetFromJsonAsync<JsonNode>($"/api/v1/casussen/{id}/keten");
                Assert.Equal("ok", keten!["status"]!.GetValue<string>());
                Assert.True(keten["versies"]!.GetValue<long>() >= 4);
            }
        }
        finally
        {
            File.Delete(dump);
        }
    }

    private static async Task<List<Guid>> CasusIds(string connectionString)
    {
        await using var database = NpgsqlDataSource.Create(connectionString);
        await using var command = database.CreateCommand("select id from casus.mt_doc_integralecasus");
        await using var lezer = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await lezer.ReadAsync()) ids.Add(lezer.GetGuid(0));
        return ids;
    }

    /// <summary>An Npgsql connection string as a libpq connection URI for the PostgreSQL client programs.</summary>
    private static string Libpq(string connectionString)
    {
        var b = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{Uri.EscapeDataString(b.Username ?? "postgres")}{(b.Password is null ? "" : ":" + Uri.EscapeDataString(b.Password))}" +
               $"@{b.Host}:{b.Port}/{Uri.EscapeDataString(b.Database!)}";
    }

    private static async Task Programma(string naam, params string[] arguments)
    {
        var start = new ProcessStartInfo(PostgresBinaries.Pad(naam)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var proces = Process.Start(start)!;
        var fouten = proces.StandardError.ReadToEndAsync();
        await proces.StandardOutput.ReadToEndAsync();
        await proces.WaitForExitAsync();
        Assert.True(proces.ExitCode == 0, $"{naam} failed ({proces.ExitCode}): {await fouten}");
    }
}
