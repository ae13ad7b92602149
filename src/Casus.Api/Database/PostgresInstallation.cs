using System.Net;
using System.Net.Sockets;

namespace Casus.Api.Database;

/// <summary>What this machine offers for a local PostgreSQL: the server binaries and free ports.</summary>
public static class PostgresInstallation
{
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

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago, and not handed out before by this process. It is taken
    /// below the kernel's ephemeral range (<c>ip_local_port_range</c>), so the outgoing connections of a busy test run, which
    /// take their local ports from that range, cannot grab it between this call and the server binding it.</summary>
    public static int FindFreePort()
    {
        lock (HandedOut)
        {
            for (var attempt = 0; attempt < 200; attempt++)
            {
                var wanted = EphemeralLow > 12_000 ? Random.Shared.Next(10_000, EphemeralLow) : 0;
                if (HandedOut.Contains(wanted) || Bind(wanted) is not { } port || !HandedOut.Add(port)) continue;
                return port;
            }
            throw new InvalidOperationException("No free TCP port on 127.0.0.1 after 200 attempts.");
        }
    }

    private static readonly HashSet<int> HandedOut = [];

    /// <summary>The lowest port of the kernel's ephemeral range (0 when unknown: then the kernel picks, from that range).</summary>
    private static readonly int EphemeralLow = LeesEphemeralLow();

    /// <summary>Binds <paramref name="port"/> (0: any) on 127.0.0.1 and lets go again: the port bound, or null when taken.</summary>
    private static int? Bind(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
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
        catch (SocketException)
        {
            return null;
        }
    }

    private static int LeesEphemeralLow()
    {
        const string range = "/proc/sys/net/ipv4/ip_local_port_range";
        try
        {
            return File.Exists(range) && int.TryParse(File.ReadAllText(range).Split((char[])['\t', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries)[0], out var low) ? low : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

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

    internal static bool IsPortFree(int port)
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
}
