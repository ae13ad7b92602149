using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Casus.Api.Database;

/// <summary>
/// A PostgreSQL cluster run from the PostgreSQL server binaries installed on this machine (<c>initdb</c>,
/// <c>pg_ctl</c>), listening on 127.0.0.1 with trust authentication and superuser <c>postgres</c>.
/// Used for the development database and, as a fallback, for the tests.
/// </summary>
/// <remarks>
/// The PostgreSQL binaries refuse to run as root. When this process runs as root, every binary is started as the
/// <c>postgres</c> OS user via <c>runuser</c>, and the data directory is handed to that user.
/// </remarks>
public sealed class LocalPostgresCluster : IAsyncDisposable
{
    internal const string ServiceUser = "postgres";
    private const string LogFileName = "server.log";
    private const int MaxSocketDirectoryLength = 100;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    internal static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(20);

    private readonly PostgresTools tools;
    private readonly string dataDirectory;
    private readonly string? ownSocketDirectory;
    private readonly bool persistent;
    private EventHandler? processExitHandler;
    private int stopped;

    private LocalPostgresCluster(PostgresTools tools, string dataDirectory, string? ownSocketDirectory, int port, bool persistent)
    {
        this.tools = tools;
        this.dataDirectory = dataDirectory;
        this.ownSocketDirectory = ownSocketDirectory;
        this.persistent = persistent;
        ConnectionString = BuildConnectionString(port, "postgres");
    }

    /// <summary>Npgsql connection string for the <c>postgres</c> database as superuser <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>
    /// Starts (or, when <paramref name="persistent"/>, reuses) a cluster in <paramref name="dataDirectory"/> that
    /// listens on 127.0.0.1:<paramref name="port"/>, and waits until it accepts connections.
    /// </summary>
    /// <param name="dataDirectory">The cluster's data directory; created when missing.</param>
    /// <param name="port">TCP port on 127.0.0.1.</param>
    /// <param name="persistent">
    /// <see langword="true"/>: keep the data and leave the server running on dispose, reuse an existing or running
    /// cluster. <see langword="false"/>: throwaway; dispose (or process exit) stops the server and deletes the directory.
    /// </param>
    /// <param name="durable">
    /// <see langword="true"/>: PostgreSQL's defaults (fsync on), for data that must survive and for benchmarks.
    /// <see langword="false"/>: <c>fsync=off</c> (and initdb <c>--no-sync</c>), for throwaway test clusters.
    /// </param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="InvalidOperationException">The cluster could not be created or started; the message says why.</exception>
    public static async Task<LocalPostgresCluster> StartAsync(string dataDirectory, int port, bool persistent, bool durable,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);

        var directory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dataDirectory));
        if (directory.IndexOfAny(['"', '\'', '$', '`', '\\', '\n']) >= 0)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL data directory '{directory}' contains a quote, '$', '`' or '\\'; pg_ctl cannot handle such paths. Use another directory.");
        }

        var binDirectory = PostgresInstallation.FindBinDirectory() ?? throw new InvalidOperationException(
            "The PostgreSQL server binaries (initdb, pg_ctl) were found neither on PATH nor in /usr/lib/postgresql/<version>/bin. " +
            "Install them (Debian/Ubuntu: `apt-get install postgresql`) or put the directory that holds initdb and pg_ctl on PATH.");
        var tools = await PostgresTools.CreateAsync(binDirectory, ct).ConfigureAwait(false);

        var clusterExists = File.Exists(Path.Combine(directory, "PG_VERSION"));
        if (clusterExists && !persistent)
        {
            throw new InvalidOperationException(
                $"'{directory}' already holds a PostgreSQL cluster; a throwaway cluster needs a new or empty directory (it is deleted afterwards).");
        }

        if (clusterExists)
        {
            var status = await tools.RunAsync("pg_ctl", ["status", "-D", directory], ShortTimeout, ct).ConfigureAwait(false);
            if (status.ExitCode == 0)
            {
                // Already running (for example started by an earlier run of the API): just connect, on the port it really uses.
                var runningPort = ReadRunningPort(directory) ?? port;
                var running = new LocalPostgresCluster(tools, directory, null, runningPort, persistent: true);
                await running.WaitUntilReadyAsync(ct).ConfigureAwait(false);
                return running;
            }

            if (status.ExitCode != 3)
            {
                throw new InvalidOperationException(
                    $"`pg_ctl status -D {directory}` failed (exit code {status.ExitCode}) {tools.UserDescription}: {status.Output.Trim()}");
            }
        }
        else if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            throw new InvalidOperationException(
                $"'{directory}' is not empty but holds no PostgreSQL cluster (no PG_VERSION file). Delete it or choose another directory.");
        }

        if (!PostgresInstallation.IsPortFree(port))
        {
            throw new InvalidOperationException(
                $"Port {port} on 127.0.0.1 is already in use by another process, not by the PostgreSQL cluster in '{directory}' " +
                "(that one is not running). Stop that process or use another port.");
        }

        var createdDirectory = !Directory.Exists(directory);
        string? ownSocketDirectory = null;
        try
        {
            if (!clusterExists)
            {
                Directory.CreateDirectory(directory);
                await tools.HandOverAsync(directory, ct).ConfigureAwait(false);
            }

            await tools.EnsureAccessibleAsync(directory, ct).ConfigureAwait(false);

            var socketDirectory = directory;
            if (directory.Length > MaxSocketDirectoryLength)
            {
                socketDirectory = ownSocketDirectory = ShortSocketDirectory(directory);
                Directory.CreateDirectory(socketDirectory);
                await tools.HandOverAsync(socketDirectory, ct).ConfigureAwait(false);
            }

            if (!clusterExists)
            {
                List<string> initDbArguments = ["-D", directory, "--auth=trust", "-U", ServiceUser, "-E", "UTF8", "--locale=C"];
                if (!durable)
                {
                    initDbArguments.Add("--no-sync");
                }

                var initDb = await tools.RunAsync("initdb", initDbArguments, InitDbTimeout, ct).ConfigureAwait(false);
                if (initDb.ExitCode != 0)
                {
                    throw new InvalidOperationException(
                        $"initdb failed (exit code {initDb.ExitCode}) for '{directory}' {tools.UserDescription}:{Environment.NewLine}{initDb.Output.Trim()}");
                }
            }

            var logFile = Path.Combine(directory, LogFileName);
            var serverOptions = $"-p {port} -k {ShellQuote(socketDirectory)} -c listen_addresses=127.0.0.1 -c max_connections=200";
            if (!durable)
            {
                // A test run hosts dozens of API instances at once, each with its connection pool, Wolverine's agents, the
                // daemon's leadership connection and the health checks: 200 connections run out.
                serverOptions += " -c fsync=off -c max_connections=1000";
            }

            var start = await tools.RunAsync(
                "pg_ctl",
                ["start", "-D", directory, "-l", logFile, "-w", "-t", "60", "-o", serverOptions],
                StartTimeout,
                ct).ConfigureAwait(false);
            if (start.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL did not start (pg_ctl exit code {start.ExitCode}) for data directory '{directory}' on 127.0.0.1:{port} " +
                    $"{tools.UserDescription}.{Environment.NewLine}pg_ctl said: {start.Output.Trim()}{Environment.NewLine}" +
                    LogTail(logFile));
            }

            var cluster = new LocalPostgresCluster(tools, directory, ownSocketDirectory, port, persistent);
            if (!persistent)
            {
                cluster.processExitHandler = (_, _) => cluster.StopAndDelete();
                AppDomain.CurrentDomain.ProcessExit += cluster.processExitHandler;
                await tools.StartWatchdogAsync(directory, ownSocketDirectory, ct).ConfigureAwait(false);
            }

            try
            {
                await cluster.WaitUntilReadyAsync(ct).ConfigureAwait(false);
            }
            catch when (!persistent)
            {
                await cluster.DisposeAsync().ConfigureAwait(false);
                throw;
            }

            return cluster;
        }
        catch when (!persistent)
        {
            // A failed throwaway cluster leaves nothing behind (the exception carries the log tail).
            try
            {
                await tools.RunAsync("pg_ctl", ["stop", "-D", directory, "-m", "immediate", "-w"], ShortTimeout, CancellationToken.None)
                    .ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Best effort.
            }

            if (createdDirectory)
            {
                TryDeleteDirectory(directory);
            }

            if (ownSocketDirectory is not null)
            {
                TryDeleteDirectory(ownSocketDirectory);
            }

            throw;
        }
    }

    /// <summary>Creates database <paramref name="name"/> unless it exists, and returns a connection string for it.</summary>
    public async Task<string> EnsureDatabaseAsync(string name, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var connection = new NpgsqlConnection(ConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);

            bool exists;
            var query = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
            await using (query.ConfigureAwait(false))
            {
                query.Parameters.Add(new NpgsqlParameter { Value = name });
                exists = await query.ExecuteScalarAsync(ct).ConfigureAwait(false) is not null;
            }

            if (!exists)
            {
                var create = new NpgsqlCommand($"create database {QuoteIdentifier(name)}", connection);
                await using (create.ConfigureAwait(false))
                {
                    try
                    {
                        await create.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                    }
                    catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
                    {
                        // Created concurrently by someone else: fine.
                    }
                }
            }
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Persistent cluster: leaves the server running. Throwaway cluster: stops the server (immediate mode) and
    /// deletes its directory.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        if (!persistent)
        {
            return new ValueTask(Task.Run(StopAndDelete));
        }

        return ValueTask.CompletedTask;
    }

    private void StopAndDelete()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1)
        {
            return;
        }

        if (processExitHandler is not null)
        {
            AppDomain.CurrentDomain.ProcessExit -= processExitHandler;
        }

        NpgsqlConnection.ClearAllPools();
        try
        {
            tools.RunAsync("pg_ctl", ["stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "30"], TimeSpan.FromSeconds(40), CancellationToken.None)
                .GetAwaiter().GetResult();
        }
        catch (InvalidOperationException)
        {
            // Best effort: deleting the directory below still happens.
        }

        TryDeleteDirectory(dataDirectory);
        if (ownSocketDirectory is not null)
        {
            TryDeleteDirectory(ownSocketDirectory);
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 3 }.ConnectionString;
        var deadline = Stopwatch.StartNew();
        Exception? last = null;
        while (deadline.Elapsed < ReadyTimeout)
        {
            try
            {
                var connection = new NpgsqlConnection(probe);
                await using (connection.ConfigureAwait(false))
                {
                    await connection.OpenAsync(ct).ConfigureAwait(false);
                    var command = new NpgsqlCommand("select 1", connection);
                    await using (command.ConfigureAwait(false))
                    {
                        await command.ExecuteScalarAsync(ct).ConfigureAwait(false);
                    }
                }

                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException or SocketException)
            {
                last = exception;
            }

            await Task.Delay(200, ct).ConfigureAwait(false);
        }

        throw new InvalidOperationException(
            $"The PostgreSQL server of '{dataDirectory}' did not accept connections ({ConnectionString}) within {ReadyTimeout.TotalSeconds:0} s: " +
            $"{last?.Message}{Environment.NewLine}{LogTail(Path.Combine(dataDirectory, LogFileName))}",
            last);
    }

    private static string BuildConnectionString(int port, string database) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = ServiceUser,
            Database = database,
        }.ConnectionString;

    /// <summary>Line 4 of postmaster.pid is the port of the running server.</summary>
    private static int? ReadRunningPort(string directory)
    {
        try
        {
            var lines = File.ReadAllLines(Path.Combine(directory, "postmaster.pid"));
            return lines.Length >= 4 && int.TryParse(lines[3].Trim(), out var port) ? port : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string ShortSocketDirectory(string dataDirectory)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(dataDirectory)))[..12].ToLowerInvariant();
        var root = Directory.Exists("/tmp") ? "/tmp" : Path.GetTempPath();
        return Path.Combine(root, "casus-pg-socket-" + hash);
    }

    private static string LogTail(string logFile, int lines = 20)
    {
        try
        {
            if (!File.Exists(logFile))
            {
                return $"(no server log at {logFile})";
            }

            var tail = File.ReadLines(logFile).TakeLast(lines);
            return $"Last lines of the server log {logFile}:{Environment.NewLine}{string.Join(Environment.NewLine, tail)}";
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"(could not read the server log {logFile}: {exception.Message})";
        }
    }

    private static void TryDeleteDirectory(string directory)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            try
            {
                if (Directory.Exists(directory))
                {
                    Directory.Delete(directory, recursive: true);
                }

                return;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
