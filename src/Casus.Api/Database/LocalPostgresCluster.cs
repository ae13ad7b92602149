using System.ComponentModel;
using System.Diagnostics;
using System.Net;
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
    private const string ServiceUser = "postgres";
    private const string LogFileName = "server.log";
    private const int MaxSocketDirectoryLength = 100;
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromMinutes(3);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ShortTimeout = TimeSpan.FromSeconds(20);

    private readonly Tools tools;
    private readonly string dataDirectory;
    private readonly string? ownSocketDirectory;
    private readonly bool persistent;
    private EventHandler? processExitHandler;
    private int stopped;

    private LocalPostgresCluster(Tools tools, string dataDirectory, string? ownSocketDirectory, int port, bool persistent)
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
    /// The directory holding <c>initdb</c> and <c>pg_ctl</c>: the first match on PATH, then the highest
    /// <c>/usr/lib/postgresql/&lt;version&gt;/bin</c>; <see langword="null"/> when there is none.
    /// </summary>
    public static string? FindBinDirectory()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (HasServerTools(directory))
            {
                return Path.GetFullPath(directory);
            }
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot))
        {
            return null;
        }

        return Directory.EnumerateDirectories(debianRoot)
            .Select(directory => (Directory: directory, Version: ParseVersion(Path.GetFileName(directory))))
            .Where(candidate => candidate.Version is not null)
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => Path.Combine(candidate.Directory, "bin"))
            .FirstOrDefault(HasServerTools);
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FindFreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>
    /// Starts (or, when <paramref name="persistent"/>, reuses) a cluster in <paramref name="dataDirectory"/> that
    /// listens on 127.0.0.1:<paramref name="port"/>, and waits until it accepts connections.
    /// </summary>
    /// <param name="dataDirectory">The cluster's data directory; created when missing.</param>
    /// <param name="port">TCP port on 127.0.0.1.</param>
    /// <param name="persistent">
    /// <see langword="true"/>: keep the data and leave the server running on dispose, reuse an existing or running
    /// cluster. <see langword="false"/>: throwaway (fsync off); dispose (or process exit) stops the server and
    /// deletes the directory.
    /// </param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="InvalidOperationException">The cluster could not be created or started; the message says why.</exception>
    public static async Task<LocalPostgresCluster> StartAsync(string dataDirectory, int port, bool persistent, CancellationToken ct = default)
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

        var binDirectory = FindBinDirectory() ?? throw new InvalidOperationException(
            "The PostgreSQL server binaries (initdb, pg_ctl) were found neither on PATH nor in /usr/lib/postgresql/<version>/bin. " +
            "Install them (Debian/Ubuntu: `apt-get install postgresql`) or put the directory that holds initdb and pg_ctl on PATH.");
        var tools = await Tools.CreateAsync(binDirectory, ct).ConfigureAwait(false);

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

        if (!IsPortFree(port))
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
                if (!persistent)
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
            if (!persistent)
            {
                serverOptions += " -c fsync=off";
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

    private static bool HasServerTools(string directory)
    {
        var suffix = OperatingSystem.IsWindows() ? ".exe" : "";
        try
        {
            return File.Exists(Path.Combine(directory, "initdb" + suffix)) && File.Exists(Path.Combine(directory, "pg_ctl" + suffix));
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static Version? ParseVersion(string name)
    {
        if (int.TryParse(name, out var major))
        {
            return new Version(major, 0);
        }

        return Version.TryParse(name, out var version) ? version : null;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

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

    private sealed record ProcessResult(int ExitCode, string Output);

    /// <summary>Runs the PostgreSQL binaries, as the <c>postgres</c> OS user when this process is root.</summary>
    private sealed class Tools
    {
        private readonly string binDirectory;
        private readonly string? runUser;

        private Tools(string binDirectory, string? runUser)
        {
            this.binDirectory = binDirectory;
            this.runUser = runUser;
        }

        public string UserDescription => runUser is null ? $"(binaries in {binDirectory})" : $"(binaries in {binDirectory}, run as OS user '{ServiceUser}')";

        public static async Task<Tools> CreateAsync(string binDirectory, CancellationToken ct)
        {
            if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
            {
                return new Tools(binDirectory, null);
            }

            var runUser = new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException(
                    "This process runs as root, and the PostgreSQL server refuses to run as root, but 'runuser' (util-linux) was not found " +
                    "to run it as the 'postgres' user. Install util-linux, or run as a normal user.");

            var id = await RunProcessAsync("id", ["-u", ServiceUser], ShortTimeout, ct).ConfigureAwait(false);
            if (id.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    "This process runs as root, and the PostgreSQL server refuses to run as root, so it is run as the OS user 'postgres', " +
                    "which does not exist. Create it (`useradd --system --user-group --home-dir /var/lib/postgresql postgres`; installing the " +
                    "Debian package `postgresql` does that too), or run as a normal user.");
            }

            return new Tools(binDirectory, runUser);
        }

        public Task<ProcessResult> RunAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
        {
            var executable = Path.Combine(binDirectory, tool);
            return runUser is null
                ? RunProcessAsync(executable, arguments, timeout, ct)
                : RunProcessAsync(runUser, ["-u", ServiceUser, "--", executable, .. arguments], timeout, ct);
        }

        /// <summary>
        /// Throwaway clusters: a detached shell that stops the server and deletes its directory once this process is
        /// gone. ProcessExit handlers do not always get to finish (a test host is killed shortly after the run, and
        /// a crashed or killed process runs none); the watchdog also ends by itself when the directory disappears.
        /// </summary>
        public async Task StartWatchdogAsync(string dataDirectory, string? socketDirectory, CancellationToken ct)
        {
            if (OperatingSystem.IsWindows() || !File.Exists("/bin/sh"))
            {
                return;
            }

            const string body =
                "exec </dev/null >/dev/null 2>&1; pid=$1; dir=$2; sock=$3; shift 3; " +
                "while kill -0 \"$pid\" && [ -d \"$dir\" ]; do sleep 1; done; " +
                "if [ -d \"$dir\" ]; then \"$@\"; rm -rf \"$dir\"; fi; " +
                "if [ -n \"$sock\" ]; then rm -rf \"$sock\"; fi";

            // In its own session (setsid -f), so that Ctrl+C or a kill of our process group does not take it along.
            var setsid = new[] { "/usr/bin/setsid", "/bin/setsid" }.FirstOrDefault(File.Exists);
            var fileName = setsid ?? "/bin/sh";
            List<string> arguments = setsid is null ? ["-c", $"( {body} ) &"] : ["-f", "/bin/sh", "-c", body];
            arguments.AddRange(["casus-pg-watchdog", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), dataDirectory, socketDirectory ?? ""]);
            if (runUser is not null)
            {
                arguments.AddRange([runUser, "-u", ServiceUser, "--"]);
            }

            arguments.AddRange([Path.Combine(binDirectory, "pg_ctl"), "stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "30"]);
            try
            {
                await RunProcessAsync(fileName, arguments, ShortTimeout, ct).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Best effort: ProcessExit and DisposeAsync still clean up.
            }
        }

        /// <summary>As root: make the postgres user own a directory we created.</summary>
        public async Task HandOverAsync(string directory, CancellationToken ct)
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            File.SetUnixFileMode(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (runUser is null)
            {
                return;
            }

            var chown = await RunProcessAsync("chown", [ServiceUser + ":", directory], ShortTimeout, ct).ConfigureAwait(false);
            if (chown.ExitCode != 0)
            {
                throw new InvalidOperationException($"`chown {ServiceUser}: {directory}` failed: {chown.Output.Trim()}");
            }
        }

        /// <summary>As root: check that the postgres user can reach and write the directory; say which parent blocks it.</summary>
        public async Task EnsureAccessibleAsync(string directory, CancellationToken ct)
        {
            if (runUser is null)
            {
                return;
            }

            var test = await RunProcessAsync(runUser, ["-u", ServiceUser, "--", "test", "-w", directory, "-a", "-x", directory], ShortTimeout, ct)
                .ConfigureAwait(false);
            if (test.ExitCode == 0)
            {
                return;
            }

            var blocking = directory;
            for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
            {
                var traverse = await RunProcessAsync(runUser, ["-u", ServiceUser, "--", "test", "-x", parent], ShortTimeout, ct).ConfigureAwait(false);
                if (traverse.ExitCode != 0)
                {
                    blocking = parent;
                }
            }

            throw new InvalidOperationException(
                $"The PostgreSQL server runs as the OS user '{ServiceUser}' (it refuses to run as root), but that user cannot reach '{directory}'" +
                (blocking == directory ? "." : $": it may not enter '{blocking}'.") +
                $" Either allow it (`chmod o+x {blocking}`), or use a directory it can reach (for example under /tmp), " +
                "or run as a normal user, or configure a PostgreSQL server through a connection string instead.");
        }
    }

    private static async Task<ProcessResult> RunProcessAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The postgres user may not be able to enter our working directory (e.g. /root).
            WorkingDirectory = OperatingSystem.IsWindows() ? Path.GetTempPath() : "/",
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["LANG"] = "C";
        startInfo.Environment.Remove("PGDATA");

        var output = new StringBuilder();
        using var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        var commandLine = fileName + " " + string.Join(' ', arguments);
        try
        {
            process.Start();
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not run `{commandLine}`: {exception.Message}", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }

            ct.ThrowIfCancellationRequested();
            throw new InvalidOperationException(
                $"`{commandLine}` did not finish within {timeout.TotalSeconds:0} s. Output so far:{Environment.NewLine}{Snapshot()}");
        }

        return new ProcessResult(process.ExitCode, Snapshot());

        void Append(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }
        }

        string Snapshot()
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }
}
