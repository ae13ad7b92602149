using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using Casus.Api.Database;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>
/// One PostgreSQL server per test run, found in this order:
/// (1) environment variable <c>CASUS_TEST_CONNECTION_STRING</c>;
/// (2) Testcontainers (postgres:15-alpine) when a Docker engine answers;
/// (3) a throwaway <see cref="LocalPostgresCluster"/> from the PostgreSQL binaries on this machine.
/// Every test asks for its own fresh, empty database.
/// </summary>
public static class PostgresServer
{
    /// <summary>Npgsql connection string of a server where the user may CREATE DATABASE.</summary>
    public const string EnvironmentVariable = "CASUS_TEST_CONNECTION_STRING";

    private const string ContainerImage = "postgres:15-alpine";
    private const string TempDirectoryPrefix = "casus-test-pg-";
    private static readonly Lazy<Task<Server>> Instance = new(StartAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    private static string source = "not started yet";

    /// <summary>Where the server came from, for diagnostics.</summary>
    public static string Source => Volatile.Read(ref source);

    /// <summary>Creates a fresh, empty database with a unique name and returns its Npgsql connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = await Instance.Value.ConfigureAwait(false);
        var connection = new NpgsqlConnection(server.AdminConnectionString);
        await using (connection.ConfigureAwait(false))
        {
            await connection.OpenAsync().ConfigureAwait(false);
            for (var attempt = 1; ; attempt++)
            {
                var name = "casus_test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant();
                var create = new NpgsqlCommand($"create database {name}", connection);
                await using (create.ConfigureAwait(false))
                {
                    try
                    {
                        await create.ExecuteNonQueryAsync().ConfigureAwait(false);
                    }
                    catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase && attempt < 5)
                    {
                        continue;
                    }
                }

                server.Created.Add(name);
                return new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
            }
        }
    }

    private static async Task<Server> StartAsync()
    {
        var notes = new List<string>();

        // (1) An explicitly configured server.
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            var server = await FromEnvironmentAsync(configured).ConfigureAwait(false);
            Volatile.Write(ref source, "environment variable");
            return server;
        }

        // (2) Docker, only when an engine answers quickly.
        var docker = await FindDockerAsync().ConfigureAwait(false);
        if (docker.Answers)
        {
            try
            {
                var server = await FromContainerAsync(docker.Endpoint).ConfigureAwait(false);
                Volatile.Write(ref source, "Testcontainers");
                return server;
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                notes.Add($"Docker answered but starting a {ContainerImage} container failed: {exception.Message}");
            }
        }
        else
        {
            notes.Add($"Docker: {docker.Reason}");
        }

        // (3) The PostgreSQL binaries on this machine.
        var binDirectory = PostgresInstallation.FindBinDirectory();
        if (binDirectory is not null)
        {
            var server = await FromLocalBinariesAsync().ConfigureAwait(false);
            Volatile.Write(ref source, $"local binaries at {binDirectory}");
            return server;
        }

        notes.Add("Local binaries: initdb/pg_ctl found neither on PATH nor in /usr/lib/postgresql/<version>/bin.");

        // (4) Nothing.
        throw new InvalidOperationException(
            "The tests need a PostgreSQL server and none was found. Do one of:" + Environment.NewLine +
            $"  - set {EnvironmentVariable} to an Npgsql connection string for a server where the user may CREATE DATABASE, " +
            "e.g. Host=localhost;Port=5432;Username=postgres;Password=postgres;" + Environment.NewLine +
            $"  - start a Docker engine (Testcontainers then runs {ContainerImage});" + Environment.NewLine +
            "  - install the PostgreSQL server binaries (Debian/Ubuntu: `apt-get install postgresql`; initdb and pg_ctl are looked up " +
            "on PATH and in /usr/lib/postgresql/<version>/bin), or run `bash .ci/run`, which installs them." + Environment.NewLine +
            "Details: " + string.Join(" ", notes));
    }

    private static async Task<Server> FromEnvironmentAsync(string configured)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(configured);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidOperationException($"{EnvironmentVariable} is not a valid Npgsql connection string: {exception.Message}", exception);
        }

        if (string.IsNullOrEmpty(builder.Database))
        {
            builder.Database = "postgres";
        }

        var adminConnectionString = builder.ConnectionString;
        try
        {
            var connection = new NpgsqlConnection(adminConnectionString);
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync().ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or SocketException)
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is set, but connecting with it failed: {exception.Message}. Fix or unset the variable.", exception);
        }

        var server = new Server(adminConnectionString);
        RegisterCleanUp(() => DropCreatedDatabases(server));
        return server;
    }

    private static async Task<Server> FromContainerAsync(string? endpoint)
    {
        var builder = new PostgreSqlBuilder(ContainerImage);
        if (endpoint is not null)
        {
            builder = builder.WithDockerEndpoint(endpoint);
        }

        var container = builder.Build();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            await container.StartAsync(timeout.Token).ConfigureAwait(false);
        }
        catch
        {
            await container.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        RegisterCleanUp(() => container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30)));
        return new Server(container.GetConnectionString());
    }

    private static async Task<Server> FromLocalBinariesAsync()
    {
        RemoveLeftoversOfEarlierRuns();

        // Retry once with another port/directory: the free port may be taken between finding and binding it.
        for (var attempt = 1; ; attempt++)
        {
            var directory = Path.Combine(
                Path.GetTempPath(),
                $"{TempDirectoryPrefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant()}");
            try
            {
                // Throwaway: the cluster itself stops the server and deletes the directory at process exit.
                var cluster = await LocalPostgresCluster.StartAsync(directory, PostgresInstallation.FindFreePort(), persistent: false, durable: false).ConfigureAwait(false);
                return new Server(cluster.ConnectionString);
            }
            catch (InvalidOperationException) when (attempt < 2)
            {
            }
        }
    }

    /// <summary>
    /// Throwaway clusters of test runs that crashed (their process is gone) are stopped and deleted. The directory
    /// name holds the owning process id; a directory whose owner still runs is left alone.
    /// </summary>
    private static void RemoveLeftoversOfEarlierRuns()
    {
        string[] leftovers;
        try
        {
            leftovers = Directory.GetDirectories(Path.GetTempPath(), TempDirectoryPrefix + "*");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return;
        }

        foreach (var directory in leftovers)
        {
            var name = Path.GetFileName(directory)[TempDirectoryPrefix.Length..];
            var dash = name.IndexOf('-', StringComparison.Ordinal);
            if (dash <= 0 || !int.TryParse(name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var ownerId) || IsRunning(ownerId))
            {
                continue;
            }

            try
            {
                KillServer(directory);
                Directory.Delete(directory, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Someone else's or still busy: not our problem, it has a unique name anyway.
            }
        }
    }

    private static bool IsRunning(int processId)
    {
        if (processId == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void KillServer(string directory)
    {
        var pidFile = Path.Combine(directory, "postmaster.pid");
        if (!File.Exists(pidFile))
        {
            return;
        }

        var firstLine = File.ReadLines(pidFile).FirstOrDefault();
        if (!int.TryParse(firstLine, NumberStyles.None, CultureInfo.InvariantCulture, out var postmasterId))
        {
            return;
        }

        try
        {
            using var postmaster = Process.GetProcessById(postmasterId);
            if (postmaster.ProcessName == "postgres")
            {
                postmaster.Kill(entireProcessTree: true);
                postmaster.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Gone already, or not ours to kill.
        }
    }

    private static void DropCreatedDatabases(Server server)
    {
        try
        {
            var admin = new NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Pooling = false, Timeout = 5 }.ConnectionString;
            using var connection = new NpgsqlConnection(admin);
            connection.Open();
            foreach (var name in server.Created)
            {
                using var drop = new NpgsqlCommand($"drop database if exists {name} with (force)", connection);
                drop.ExecuteNonQuery();
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or SocketException)
        {
            // Best effort at process exit.
        }
    }

    private static void RegisterCleanUp(Action cleanUp)
    {
        var done = 0;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            if (Interlocked.Exchange(ref done, 1) == 0)
            {
                cleanUp();
            }
        };
    }

    private static async Task<(bool Answers, string? Endpoint, string Reason)> FindDockerAsync()
    {
        var dockerHost = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (!string.IsNullOrWhiteSpace(dockerHost))
        {
            // Testcontainers reads DOCKER_HOST itself (TLS settings included): no endpoint override.
            if (dockerHost.StartsWith("unix://", StringComparison.Ordinal))
            {
                var socketPath = dockerHost["unix://".Length..];
                return await PingAsync(socketPath, null).ConfigureAwait(false)
                    ? (true, null, "")
                    : (false, null, $"DOCKER_HOST={dockerHost} does not answer.");
            }

            if (dockerHost.StartsWith("tcp://", StringComparison.Ordinal))
            {
                var tls = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_TLS_VERIFY"));
                var uri = new Uri((tls ? "https://" : "http://") + dockerHost["tcp://".Length..]);
                return await PingAsync(null, uri).ConfigureAwait(false)
                    ? (true, null, "")
                    : (false, null, $"DOCKER_HOST={dockerHost} does not answer.");
            }

            return (false, null, $"DOCKER_HOST={dockerHost} is not a unix:// or tcp:// address; not tried.");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var runtimeDirectory = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        var candidates = new List<string> { "/var/run/docker.sock" };
        if (!string.IsNullOrEmpty(runtimeDirectory))
        {
            candidates.Add(Path.Combine(runtimeDirectory, "docker.sock"));
        }

        if (!string.IsNullOrEmpty(home))
        {
            candidates.Add(Path.Combine(home, ".docker", "run", "docker.sock"));
        }

        foreach (var socketPath in candidates.Where(File.Exists))
        {
            if (await PingAsync(socketPath, null).ConfigureAwait(false))
            {
                return (true, socketPath == "/var/run/docker.sock" ? null : "unix://" + socketPath, "");
            }
        }

        return (false, null, "no DOCKER_HOST and no Docker socket that answers (" + string.Join(", ", candidates) + ").");
    }

    /// <summary>GET /_ping on the Docker engine API with a 3 second time-out.</summary>
    private static async Task<bool> PingAsync(string? socketPath, Uri? baseAddress)
    {
        var handler = new SocketsHttpHandler();
        if (socketPath is not null)
        {
            handler.ConnectCallback = async (_, ct) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), ct).ConfigureAwait(false);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            };
        }

        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await client.GetAsync(new Uri(baseAddress ?? new Uri("http://localhost"), "/_ping")).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or SocketException or IOException)
        {
            return false;
        }
    }

    private sealed class Server(string adminConnectionString)
    {
        public string AdminConnectionString { get; } = adminConnectionString;

        public System.Collections.Concurrent.ConcurrentBag<string> Created { get; } = [];
    }
}
