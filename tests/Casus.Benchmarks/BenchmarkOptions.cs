using System.Globalization;

namespace Casus.Benchmarks;

/// <summary>The command line: sizes, durations, where the database is, and whether to write docs/benchmarks.md.</summary>
public sealed record BenchmarkOptions
{
    public bool Quick { get; init; }
    /// <summary>N: casussen seeded through the generator.</summary>
    public int Casussen { get; init; } = 100_000;
    /// <summary>C: concurrent HTTP clients (and concurrent raw appenders).</summary>
    public int Clients { get; init; } = 32;
    /// <summary>How long each measured HTTP phase runs (after its warm-up).</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(30);
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);
    /// <summary>Events in the extra casus whose history is replayed.</summary>
    public int ReplayEvents { get; init; } = 1_000;
    public int ReplayRuns { get; init; } = 200;
    /// <summary>Rows the raw COPY baseline writes (at most; never more than the event store holds).</summary>
    public int CopyRows { get; init; } = 500_000;
    public int Seed { get; init; } = 20261123;
    /// <summary>An Npgsql connection string of a server where the user may CREATE DATABASE; null: a throwaway local cluster.</summary>
    public string? Connection { get; init; }
    public bool WriteDocs { get; init; }
    /// <summary>With --connection: keep the benchmark's database afterwards (to inspect or profile it).</summary>
    public bool KeepDatabase { get; init; }
    public string CommandLine { get; init; } = "";
    /// <summary>The growth run: seed N casussen, measure, grow to this many, measure again (0: the normal run).</summary>
    public int Growth { get; init; }

    public static BenchmarkOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        var options = quick
            ? new BenchmarkOptions
            {
                Quick = true, Casussen = 500, Clients = 8, Duration = TimeSpan.FromSeconds(5), WarmUp = TimeSpan.FromSeconds(1),
                ReplayRuns = 50, CopyRows = 50_000,
            }
            : new BenchmarkOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Int() => int.Parse(Value(), CultureInfo.InvariantCulture);
            options = args[i] switch
            {
                "--quick" => options,
                "-n" or "--casussen" => options with { Casussen = Int() },
                "-c" or "--clients" => options with { Clients = Int() },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(Int()) },
                "--warmup" => options with { WarmUp = TimeSpan.FromSeconds(Int()) },
                "--replay-events" => options with { ReplayEvents = Int() },
                "--copy-rows" => options with { CopyRows = Int() },
                "--seed" => options with { Seed = Int() },
                "--connection" => options with { Connection = Value() },
                "--write-docs" => options with { WriteDocs = true },
                "--keep-database" => options with { KeepDatabase = true },
                "--growth" => options with { Growth = Int() },
                "-h" or "--help" => throw new HelpRequested(),
                var other => throw new ArgumentException($"Unknown option {other}. Try --help."),
            };
        }
        return options with
        {
            WriteDocs = options.WriteDocs || !options.Quick,
            CommandLine = "dotnet run -c Release --project tests/Casus.Benchmarks" + (args.Length > 0 ? " -- " + string.Join(' ', args.Select(Mask)) : ""),
        };
    }

    /// <summary>A connection string may hold a password: never print it.</summary>
    private static string Mask(string arg) => arg.Contains('=') ? "'<connection string>'" : arg;

    public const string Help = """
        Casus benchmark: seeds N casussen, then measures commands and reads over HTTP, the projection rebuild, history replay,
        and raw Marten / Npgsql baselines, in one run. Writes docs/benchmarks.md (full runs; --quick only with --write-docs).

          --quick               smoke size (N=500, C=8, 5 s phases); exits non-zero on errors only, never on timings
          -n, --casussen N      casussen to seed (default 100000)
          -c, --clients C       concurrent clients (default 32)
          --duration S          seconds per measured HTTP phase (default 30)
          --warmup S            seconds of warm-up before each HTTP phase (default 3)
          --replay-events E     events in the replayed casus (default 1000)
          --copy-rows R         rows for the raw COPY baseline (default 500000)
          --seed S              generator seed
          --connection CS       use this PostgreSQL (user may CREATE DATABASE) instead of a throwaway local cluster
          --keep-database       with --connection: keep the benchmark's database afterwards (to profile it)
          --write-docs          also write docs/benchmarks.md in --quick mode
          --growth M            instead of the normal run: seed N (-n), measure seeding, rebuild and one-client reads, grow
                                to M casussen (chunks of 100,000) and measure again; writes the growth table of docs/benchmarks.md
        """;
}

public sealed class HelpRequested : Exception;
