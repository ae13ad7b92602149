using System.Globalization;

namespace Casus.Benchmarks;

/// <summary>Peak memory while the benchmark runs, sampled every second: this process (the API runs in it, next to the
/// load generator and the seeder: its peak resident set, VmHWM) and the PostgreSQL cluster (the sum of the proportional set
/// sizes, Pss, of the postmaster and its children, so shared buffers count once). Linux only; zero elsewhere, or for a
/// server given with --connection.</summary>
public sealed class Resources : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampler;
    private readonly string? _dataDirectory;
    private long _postgresPeak;

    public Resources(string? dataDirectory)
    {
        _dataDirectory = dataDirectory;
        _sampler = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var pss = PostgresPss();
                if (pss > Interlocked.Read(ref _postgresPeak)) Interlocked.Exchange(ref _postgresPeak, pss);
                try { await Task.Delay(1000, _stop.Token); } catch (OperationCanceledException) { break; }
            }
        });
    }

    /// <summary>Peak resident set of this process (API, load generator, seeder), bytes.</summary>
    public static long ProcessPeak() => StatusValue("/proc/self/status", "VmHWM:");

    /// <summary>Peak sampled Pss of the PostgreSQL cluster, bytes.</summary>
    public long PostgresPeak => Interlocked.Read(ref _postgresPeak);

    /// <summary>The machine's load averages (1, 5, 15 minutes) as /proc/loadavg has them.</summary>
    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "?"; }
    }

    private long PostgresPss()
    {
        if (_dataDirectory is null) return 0;
        try
        {
            var pidFile = Path.Combine(_dataDirectory, "postmaster.pid");
            if (!File.Exists(pidFile)) return 0;
            var postmaster = int.Parse(File.ReadLines(pidFile).First().Trim(), CultureInfo.InvariantCulture);
            long total = 0;
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    if (pid != postmaster)
                    {
                        var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                        if (int.Parse(fields[1], CultureInfo.InvariantCulture) != postmaster) continue;
                    }
                    total += StatusValue(Path.Combine(dir, "smaps_rollup"), "Pss:");
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
            }
            return total;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidOperationException)
        {
            return 0;
        }
    }

    private static long StatusValue(string path, string key)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            if (line is null) return 0;
            return long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { return 0; }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampler;
        _stop.Dispose();
    }
}
