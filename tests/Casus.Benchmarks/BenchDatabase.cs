using System.Globalization;
using Casus.Api.Database;
using Npgsql;

namespace Casus.Benchmarks;

/// <summary>The database the benchmark runs against: a fresh database on the given server, or on a throwaway local cluster
/// started here with PostgreSQL's defaults (fsync and synchronous_commit on) and removed at the end.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly LocalPostgresCluster? _cluster;
    private readonly string? _adminConnection;
    private readonly string _name;
    private bool _keep;

    private BenchDatabase(LocalPostgresCluster? cluster, string? adminConnection, string name, string connectionString)
    {
        _cluster = cluster;
        _adminConnection = adminConnection;
        _name = name;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }
    public string Source { get; private init; } = "";

    /// <summary>The throwaway cluster's data directory (null for a server given with --connection).</summary>
    public string? DataDirectory { get; private init; }

    /// <summary>The database's size on disk (tables, indexes, TOAST), bytes.</summary>
    public async Task<long> SizeAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select pg_database_size(current_database())", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    public static async Task<BenchDatabase> StartAsync(string? connection, bool keep, CancellationToken ct)
    {
        var name = "casus_bench_" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        if (connection is not null)
        {
            await using var admin = new NpgsqlConnection(connection);
            await admin.OpenAsync(ct);
            await using (var create = new NpgsqlCommand($"create database {name}", admin)) await create.ExecuteNonQueryAsync(ct);
            return new BenchDatabase(null, connection, name,
                new NpgsqlConnectionStringBuilder(connection) { Database = name, MaxPoolSize = 200 }.ConnectionString)
            { Source = "the server given with --connection", _keep = keep };
        }

        var directory = Path.Combine(Path.GetTempPath(), $"casus-bench-pg-{Environment.ProcessId}");
        var port = PostgresInstallation.FindFreePort();
        var cluster = await LocalPostgresCluster.StartAsync(directory, port, persistent: false, durable: true, ct);
        var database = await cluster.EnsureDatabaseAsync(name, ct);
        return new BenchDatabase(cluster, null, name, new NpgsqlConnectionStringBuilder(database) { MaxPoolSize = 200 }.ConnectionString)
        {
            Source = $"a throwaway local cluster on 127.0.0.1:{port} (fsync on, defaults except max_connections=200)",
            DataDirectory = directory,
        };
    }

    /// <summary>The server's version and the settings that matter for write and read speed, as the server reports them.</summary>
    public async Task<IReadOnlyList<(string Name, string Value)>> SettingsAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        var result = new List<(string, string)>();
        await using var command = new NpgsqlCommand("""
            select name, setting || coalesce(' ' || unit, '') from pg_settings
            where name in ('server_version', 'fsync', 'synchronous_commit', 'wal_sync_method', 'full_page_writes', 'shared_buffers',
                           'work_mem', 'max_connections', 'max_wal_size', 'commit_delay')
            order by name
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) result.Add((reader.GetString(0), reader.GetString(1)));
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_cluster is not null) await _cluster.DisposeAsync();
        else if (_adminConnection is not null && !_keep)
        {
            await using var admin = new NpgsqlConnection(_adminConnection);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {_name} with (force)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
