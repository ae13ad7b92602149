using System.Diagnostics;
using Casus.Api.Database;
using Npgsql;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>A throwaway PostgreSQL primary with one streaming standby, both from the server binaries on this machine, with
/// synchronous replication (<c>synchronous_standby_names = standby</c>): a commit is acknowledged only once the standby
/// has it. As root the binaries run as the <c>postgres</c> OS user. Database <c>casus</c>, superuser <c>postgres</c>, trust
/// authentication on 127.0.0.1.</summary>
public sealed class PostgresReplicatie : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _map;
    private readonly bool _alsPostgres = Environment.UserName == "root";

    private PostgresReplicatie(string bin, string map)
    {
        _bin = bin;
        _map = map;
        PrimairPoort = PostgresInstallation.FindFreePort();
        StandbyPoort = PostgresInstallation.FindFreePort();
    }

    public int PrimairPoort { get; }
    public int StandbyPoort { get; }
    private string Primair => Path.Combine(_map, "primair");
    private string Standby => Path.Combine(_map, "standby");

    /// <summary>For the API: both hosts, only ever the primary, and a host's role re-checked every second (Npgsql's
    /// default is 10 s, which would keep the promoted standby out of use that long).</summary>
    public string MultiHostConnectionString =>
        $"Host=127.0.0.1:{PrimairPoort},127.0.0.1:{StandbyPoort};Database=casus;Username=postgres;Target Session Attributes=primary;Host Recheck Seconds=1";

    public string ConnectionString(int poort, string database = "casus") =>
        $"Host=127.0.0.1;Port={poort};Database={database};Username=postgres;Pooling=false";

    public static async Task<PostgresReplicatie> StartAsync()
    {
        var bin = PostgresBinaries.Map();
        var map = Path.Combine(Path.GetTempPath(), $"casus-replicatie-{Guid.NewGuid():N}");
        Directory.CreateDirectory(map);
        var paar = new PostgresReplicatie(bin, map);
        try
        {
            Directory.CreateDirectory(paar.Primair);
            await paar.GeefAanPostgres(paar.Primair);
            await paar.Run("initdb", "-D", paar.Primair, "--auth=trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync");
            await paar.Run("pg_ctl", "start", "-w", "-D", paar.Primair, "-l", Path.Combine(paar.Primair, "server.log"), "-o",
                $"-p {paar.PrimairPoort} -k {paar.Primair} -c listen_addresses=127.0.0.1 -c synchronous_standby_names=standby");
            await using (var primair = new NpgsqlConnection(paar.ConnectionString(paar.PrimairPoort, "postgres")))
            {
                await primair.OpenAsync();
                await using var create = new NpgsqlCommand("create database casus", primair);
                await create.ExecuteNonQueryAsync();
            }

            Directory.CreateDirectory(paar.Standby);
            await paar.GeefAanPostgres(paar.Standby);
            await paar.Run("pg_basebackup", "-h", "127.0.0.1", "-p", paar.PrimairPoort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", "postgres", "-D", paar.Standby, "-X", "stream", "--no-sync");
            await File.WriteAllTextAsync(Path.Combine(paar.Standby, "standby.signal"), "");
            await File.AppendAllTextAsync(Path.Combine(paar.Standby, "postgresql.auto.conf"),
                $"primary_conninfo = 'host=127.0.0.1 port={paar.PrimairPoort} user=postgres application_name=standby'\n");
            await paar.GeefAanPostgres(paar.Standby);
            await paar.Run("pg_ctl", "start", "-w", "-D", paar.Standby, "-l", Path.Combine(paar.Standby, "server.log"), "-o",
                $"-p {paar.StandbyPoort} -k {paar.Standby} -c listen_addresses=127.0.0.1");
            await paar.WachtOpSynchroneStandby();
            return paar;
        }
        catch
        {
            await paar.DisposeAsync();
            throw;
        }
    }

    /// <summary>The primary goes down hard (as a crashed server): <c>pg_ctl stop -m immediate</c>.</summary>
    public Task StopPrimairAsync() => Run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", Primair);

    /// <summary>The standby becomes the primary.</summary>
    public Task PromoveerStandbyAsync() => Run("pg_ctl", "promote", "-w", "-D", Standby);

    private async Task WachtOpSynchroneStandby()
    {
        var klok = Stopwatch.StartNew();
        while (klok.Elapsed < TimeSpan.FromSeconds(30))
        {
            await using var primair = new NpgsqlConnection(ConnectionString(PrimairPoort, "postgres"));
            await primair.OpenAsync();
            await using var status = new NpgsqlCommand("select count(*) from pg_stat_replication where application_name = 'standby' and sync_state = 'sync'", primair);
            if ((long)(await status.ExecuteScalarAsync())! == 1) return;
            await Task.Delay(100);
        }

        throw new TimeoutException("The standby did not become a synchronous standby within 30 s.");
    }

    private async Task GeefAanPostgres(string map)
    {
        if (_alsPostgres) await Proces("chown", ["-R", "postgres:postgres", map]);
        await Proces("chmod", ["700", map]);
    }

    private Task Run(string tool, params string[] arguments)
    {
        var pad = Path.Combine(_bin, tool);
        return _alsPostgres ? Proces("runuser", ["-u", "postgres", "--", pad, .. arguments]) : Proces(pad, arguments);
    }

    private static async Task Proces(string bestand, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(bestand) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var proces = Process.Start(start)!;
        var uitvoer = proces.StandardOutput.ReadToEndAsync();
        var fouten = proces.StandardError.ReadToEndAsync();
        await proces.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (proces.ExitCode != 0)
            throw new InvalidOperationException($"{bestand} {string.Join(' ', start.ArgumentList)} failed ({proces.ExitCode}): {await uitvoer}{await fouten}");
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var cluster in new[] { Standby, Primair }.Where(d => File.Exists(Path.Combine(d, "postmaster.pid"))))
        {
            try
            {
                await Run("pg_ctl", "stop", "-w", "-m", "immediate", "-D", cluster);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        try
        {
            Directory.Delete(_map, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
