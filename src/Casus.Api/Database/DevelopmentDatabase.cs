using Npgsql;

namespace Casus.Api.Database;

/// <summary>
/// The database for local development when no connection string is configured: a persistent
/// <see cref="LocalPostgresCluster"/> in <c>{repo root}/.local/postgres</c> that keeps running (and keeps its data)
/// between runs of the API.
/// </summary>
public static class DevelopmentDatabase
{
    /// <summary>Configuration key for the port of the development cluster (default <see cref="DefaultPort"/>).</summary>
    public const string PortKey = "Casus:DevelopmentDatabasePort";

    /// <summary>Default port of the development cluster on 127.0.0.1.</summary>
    public const int DefaultPort = 55432;

    /// <summary>Name of the development database.</summary>
    public const string DatabaseName = "casus";

    /// <summary>
    /// Starts or reuses the development cluster, ensures database <c>casus</c> and returns its connection string.
    /// </summary>
    /// <param name="contentRootPath">The app's content root; the repository root is the nearest ancestor holding Casus.sln.</param>
    /// <param name="configuration">Read for <see cref="PortKey"/>.</param>
    /// <param name="logger">Told where the data lives and how to reset it.</param>
    /// <param name="ct">Cancellation.</param>
    /// <exception cref="InvalidOperationException">No PostgreSQL binaries, port taken, or the server did not start.</exception>
    public static async Task<string> ConnectionStringAsync(string contentRootPath, IConfiguration configuration, ILogger logger, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentRootPath);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(logger);

        var repositoryRoot = FindRepositoryRoot(contentRootPath);
        var dataDirectory = DataDirectoryFor(repositoryRoot);
        var port = configuration.GetValue<int?>(PortKey) ?? DefaultPort;

        var binDirectory = PostgresInstallation.FindBinDirectory() ?? throw new InvalidOperationException(
            "No database configured (ConnectionStrings:Casus is not set), and no PostgreSQL server binaries (initdb, pg_ctl) were found " +
            "on PATH or in /usr/lib/postgresql/<version>/bin to start a local development database. Do one of: " +
            "install PostgreSQL (e.g. `apt-get install postgresql`); " +
            "or set the environment variable ConnectionStrings__Casus to an Npgsql connection string " +
            "(e.g. Host=localhost;Port=5432;Username=casus;Password=casus;Database=casus); " +
            "or use deploy/compose.yaml (`docker compose -f deploy/compose.yaml up --build`), which runs the API with its own PostgreSQL.");

        logger.LogInformation(
            "No ConnectionStrings:Casus configured: using a local PostgreSQL cluster in {DataDirectory} on 127.0.0.1:{Port} (binaries in {BinDirectory}).",
            dataDirectory, port, binDirectory);

        LocalPostgresCluster cluster;
        try
        {
            cluster = await LocalPostgresCluster.StartAsync(dataDirectory, port, persistent: true, durable: true, ct).ConfigureAwait(false);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException(
                $"The local development database could not be started: {exception.Message}{Environment.NewLine}" +
                $"Options: choose another port with the configuration key {PortKey} (now {port}; e.g. environment variable " +
                $"Casus__DevelopmentDatabasePort), set ConnectionStrings__Casus to an existing PostgreSQL server, " +
                "or use deploy/compose.yaml.",
                exception);
        }

        await using (cluster.ConfigureAwait(false))
        {
            var connectionString = await cluster.EnsureDatabaseAsync(DatabaseName, ct).ConfigureAwait(false);
            var actualPort = new NpgsqlConnectionStringBuilder(connectionString).Port;
            if (actualPort != port)
            {
                logger.LogWarning(
                    "The development PostgreSQL cluster in {DataDirectory} was already running on port {ActualPort}, not on the configured port {Port}; using it as is.",
                    dataDirectory, actualPort, port);
            }

            var pgCtl = Path.Combine(binDirectory, "pg_ctl");
            var stopCommand = Environment.IsPrivilegedProcess && !OperatingSystem.IsWindows()
                ? $"runuser -u postgres -- {pgCtl} stop -D {dataDirectory}"
                : $"{pgCtl} stop -D {dataDirectory}";
            logger.LogInformation(
                "Development database '{Database}' on 127.0.0.1:{Port}; data lives in {DataDirectory} (server log: {LogFile}). " +
                "The server keeps running after the API stops. To reset it: `{StopCommand}`, then delete {DataDirectory2}.",
                DatabaseName, actualPort, dataDirectory, Path.Combine(dataDirectory, "server.log"), stopCommand, dataDirectory);
            return connectionString;
        }
    }

    /// <summary>
    /// <c>{repo}/.local/postgres</c>; but as root with the repository where the <c>postgres</c> user cannot enter (e.g. a
    /// clone under /root), <c>/var/lib/casus/dev-{hash of the repo path}</c>, so the server, which runs as that user, can.
    /// </summary>
    private static string DataDirectoryFor(string repositoryRoot)
    {
        var inRepository = Path.Combine(repositoryRoot, ".local", "postgres");
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess) return inRepository;
        for (var directory = new DirectoryInfo(repositoryRoot); directory is not null; directory = directory.Parent)
            if (!File.GetUnixFileMode(directory.FullName).HasFlag(UnixFileMode.OtherExecute))
            {
                var hash = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(repositoryRoot)));
                return Path.Combine("/var/lib/casus", $"dev-{hash[..12].ToLowerInvariant()}");
            }
        return inRepository;
    }

    private static string FindRepositoryRoot(string contentRootPath)
    {
        var start = Path.GetFullPath(contentRootPath);
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Casus.sln")))
            {
                return directory.FullName;
            }
        }

        return start;
    }
}
