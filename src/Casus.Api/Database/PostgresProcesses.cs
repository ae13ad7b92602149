using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Casus.Api.Database;

internal sealed record ProcessResult(int ExitCode, string Output);

/// <summary>Runs the PostgreSQL binaries, as the <c>postgres</c> OS user when this process is root.</summary>
internal sealed class PostgresTools
{
    private readonly string binDirectory;
    private readonly string? runUser;

    private PostgresTools(string binDirectory, string? runUser)
    {
        this.binDirectory = binDirectory;
        this.runUser = runUser;
    }

    public string UserDescription => runUser is null ? $"(binaries in {binDirectory})" : $"(binaries in {binDirectory}, run as OS user '{LocalPostgresCluster.ServiceUser}')";

    public static async Task<PostgresTools> CreateAsync(string binDirectory, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows() || !Environment.IsPrivilegedProcess)
        {
            return new PostgresTools(binDirectory, null);
        }

        var runUser = new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "This process runs as root, and the PostgreSQL server refuses to run as root, but 'runuser' (util-linux) was not found " +
                "to run it as the 'postgres' user. Install util-linux, or run as a normal user.");

        var id = await ProcessRunner.RunAsync("id", ["-u", LocalPostgresCluster.ServiceUser], LocalPostgresCluster.ShortTimeout, ct).ConfigureAwait(false);
        if (id.ExitCode != 0)
        {
            throw new InvalidOperationException(
                "This process runs as root, and the PostgreSQL server refuses to run as root, so it is run as the OS user 'postgres', " +
                "which does not exist. Create it (`useradd --system --user-group --home-dir /var/lib/postgresql postgres`; installing the " +
                "Debian package `postgresql` does that too), or run as a normal user.");
        }

        return new PostgresTools(binDirectory, runUser);
    }

    public Task<ProcessResult> RunAsync(string tool, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
    {
        var executable = Path.Combine(binDirectory, tool);
        return runUser is null
            ? ProcessRunner.RunAsync(executable, arguments, timeout, ct)
            : ProcessRunner.RunAsync(runUser, ["-u", LocalPostgresCluster.ServiceUser, "--", executable, .. arguments], timeout, ct);
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
            arguments.AddRange([runUser, "-u", LocalPostgresCluster.ServiceUser, "--"]);
        }

        arguments.AddRange([Path.Combine(binDirectory, "pg_ctl"), "stop", "-D", dataDirectory, "-m", "immediate", "-w", "-t", "30"]);
        try
        {
            await ProcessRunner.RunAsync(fileName, arguments, LocalPostgresCluster.ShortTimeout, ct).ConfigureAwait(false);
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

        var chown = await ProcessRunner.RunAsync("chown", [LocalPostgresCluster.ServiceUser + ":", directory], LocalPostgresCluster.ShortTimeout, ct).ConfigureAwait(false);
        if (chown.ExitCode != 0)
        {
            throw new InvalidOperationException($"`chown {LocalPostgresCluster.ServiceUser}: {directory}` failed: {chown.Output.Trim()}");
        }
    }

    /// <summary>As root: check that the postgres user can reach and write the directory; say which parent blocks it.</summary>
    public async Task EnsureAccessibleAsync(string directory, CancellationToken ct)
    {
        if (runUser is null)
        {
            return;
        }

        var test = await ProcessRunner.RunAsync(runUser, ["-u", LocalPostgresCluster.ServiceUser, "--", "test", "-w", directory, "-a", "-x", directory], LocalPostgresCluster.ShortTimeout, ct)
            .ConfigureAwait(false);
        if (test.ExitCode == 0)
        {
            return;
        }

        var blocking = directory;
        for (var parent = Path.GetDirectoryName(directory); parent is not null; parent = Path.GetDirectoryName(parent))
        {
            var traverse = await ProcessRunner.RunAsync(runUser, ["-u", LocalPostgresCluster.ServiceUser, "--", "test", "-x", parent], LocalPostgresCluster.ShortTimeout, ct).ConfigureAwait(false);
            if (traverse.ExitCode != 0)
            {
                blocking = parent;
            }
        }

        throw new InvalidOperationException(
            $"The PostgreSQL server runs as the OS user '{LocalPostgresCluster.ServiceUser}' (it refuses to run as root), but that user cannot reach '{directory}'" +
            (blocking == directory ? "." : $": it may not enter '{blocking}'.") +
            $" Either allow it (`chmod o+x {blocking}`), or use a directory it can reach (for example under /tmp), " +
            "or run as a normal user, or configure a PostgreSQL server through a connection string instead.");
    }
}

/// <summary>Runs a program with an argument list and a time-out, collecting its output.</summary>
internal static class ProcessRunner
{
    public static async Task<ProcessResult> RunAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken ct)
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
