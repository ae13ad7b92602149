using System.Diagnostics;
using System.Globalization;
using Casus.Domain.Termijnen;
using Casus.Projections;
using Casus.Testdata;
using Marten;
using Npgsql;

namespace Casus.Benchmarks;

/// <summary>One size of the growth run: how fast it was seeded and rebuilt, what one client's reads cost, how big it is.</summary>
public sealed record GrowthStage(int Casussen, long Events, TimeSpan Seeding, long SeededCasussen, long SeededEvents, TimeSpan Vacuum,
    Herbouwresultaat Rebuild, IReadOnlyList<LoadResult> Reads, long DatabaseBytes, long ProcessPeak, long PostgresPeak, string Busiest,
    long BusiestOpen, string Load);

/// <summary>The growth run (<c>--growth M</c>): seeds N casussen, measures, grows to M in chunks of 100,000 (each its own
/// generator seed) and measures again, in one process against one database. Per size: the seeding rate (of that stage's
/// casussen), VACUUM ANALYZE, the bulk rebuild, one client's latency of GET casus, list, dashboard (any organisation and
/// the busiest), jaarcijfers and RIEC overview, the database's size on disk and peak memory. The API runs throughout with its
/// async daemon off (the rebuild builds the overviews), so it costs nothing while seeding.</summary>
public static class Growth
{
    private const int Chunk = 100_000;

    public static async Task<int> RunAsync(BenchmarkOptions o, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        void Step(string what) => Console.WriteLine($"[{total.Elapsed:hh\\:mm\\:ss}] {what}");
        var loadStart = Resources.LoadAverage();
        Step($"Growth run: N = {o.Casussen:N0}, then M = {o.Growth:N0}; load average {loadStart}");
        await using var db = await BenchDatabase.StartAsync(o.Connection, o.KeepDatabase, ct);
        await using var resources = new Resources(db.DataDirectory);
        var settings = await db.SettingsAsync(ct);
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        var sleutels = new Casus.Projections.Persoonsgegevens.Sleutelring(dataSource, ApiHost.Hoofdsleutel, TimeProvider.System);
        using var store = DocumentStore.For(opts => CasusStore.Configureer(opts, dataSource, TimeProvider.System, Termijnbeleid.Standaard, sleutels));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        await using var api = await ApiHost.StartAsync(db.ConnectionString, ct, "--Casus:Daemon=Disabled");
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 4 }) { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(120) };

        var tot = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var generaties = new List<(Generatie, IReadOnlyDictionary<int, Guid>)>();
        var stages = new List<GrowthStage>();
        var seeded = 0;
        var chunk = 0;
        var single = TimeSpan.FromSeconds(Math.Max(5, o.Duration.TotalSeconds / 3));
        foreach (var target in new[] { o.Casussen, o.Growth })
        {
            var seedTime = TimeSpan.Zero;
            long stageCasussen = 0, stageEvents = 0;
            while (seeded < target)
            {
                var n = Math.Min(Chunk, target - seeded);
                var generatie = new Generator(o.Seed + chunk).Maak(n, new DateOnly(2023, 1, 1), tot);
                var seed = await new Seeder(store).SeedAsync(generatie.Commandos, parallel: 2, ct);
                seedTime += seed.Duration;
                stageCasussen += seed.Casussen;
                stageEvents += seed.Events;
                generaties.Add((new Generatie(generatie.Casussen, []), seed.Ids));
                seeded += n;
                chunk++;
                Step($"Seeded {seeded:N0} casussen (this chunk: {seed.CasussenPerSecond:N0} casussen/s, {seed.EventsPerSecond:N0} events/s)");
            }
            var clock = Stopwatch.StartNew();
            await using (var vacuum = dataSource.CreateCommand("vacuum analyze"))
            {
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(ct);
            }
            var vacuumTime = clock.Elapsed;
            Step($"VACUUM ANALYZE: {vacuumTime.TotalSeconds:0.0} s; rebuilding");
            // The rebuild writes the overviews as the events up to the async daemon's mark make them (the daemon goes on from
            // there). The API's daemon is off here, so after the first stage the mark would stay where that stage's rebuild
            // left it, and the overviews of every later casus would not be built (the growth run of 2026-11-30 21:39 read
            // the overviews of only the first 100,000). Put the mark at the head, where a running daemon keeps it.
            await using (var mark = dataSource.CreateCommand($"update {CasusStore.Schema}.mt_event_progression " +
                $"set last_seq_id = (select max(seq_id) from {CasusStore.Schema}.mt_events) where name like 'Overzichten:%'"))
                await mark.ExecuteNonQueryAsync(ct);
            var rebuild = await ProjectieHerbouw.HerbouwAllesAsync(store, dataSource, ct);
            await using (var progress = dataSource.CreateCommand($"select count(*) from {CasusStore.Schema}.mt_doc_casusvoortgang"))
            {
                var overviewRows = Convert.ToInt64(await progress.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
                if (overviewRows < seeded)
                    throw new InvalidOperationException($"The rebuild left {overviewRows:N0} progress rows for {seeded:N0} seeded casussen.");
            }
            Step($"Rebuilt {rebuild.Gebeurtenissen:N0} events in {rebuild.Duur.TotalSeconds:0.0} s");
            await using (var analyze = dataSource.CreateCommand("vacuum analyze"))
            {
                analyze.CommandTimeout = 0;
                await analyze.ExecuteNonQueryAsync(ct);
            }

            var (busiest, open) = await Busiest(dataSource, ct);
            var workloads = new Workloads(api, generaties);
            var reads = new List<LoadResult>();
            foreach (var (name, next) in new (string, Func<Random, HttpRequestMessage>)[]
                     {
                         ("GET casus", workloads.NextCasusGet), ("GET list", workloads.NextList), ("GET dashboard", workloads.NextDashboard),
                         ("GET dashboard, busiest organisation", workloads.DashboardOf(busiest)), ("GET jaarcijfers", workloads.NextJaarcijfers),
                         ("GET RIEC overview", workloads.NextRiecOverzicht),
                     })
            {
                // The first request of a kind pays for the API's first use of its code and storage (seconds on a loaded machine).
                using (var first = next(new Random(0)))
                using (var answer = await http.SendAsync(first, ct)) await answer.Content.ReadAsStringAsync(ct);
                var result = await LoadRunner.RunAsync($"{name}, 1 client", http, 1, TimeSpan.FromSeconds(2), single, next, Workloads.NeverExpected, ct);
                Console.WriteLine($"         {result.Name}: {result.Throughput:0}/s, p50 {result.Latencies.P50:0.00} ms, p99 {result.Latencies.P99:0.00} ms, {result.Errors} errors");
                foreach (var e in result.ErrorSamples) Console.Error.WriteLine($"error: {e}");
                reads.Add(result);
            }
            var size = await db.SizeAsync(ct);
            await using var count = dataSource.CreateCommand($"select count(*) from {CasusStore.Schema}.mt_events");
            var events = Convert.ToInt64(await count.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
            stages.Add(new GrowthStage(target, events, seedTime, stageCasussen, stageEvents, vacuumTime, rebuild, reads, size,
                Resources.ProcessPeak(), resources.PostgresPeak, busiest, open, Resources.LoadAverage()));
            Step($"N = {target:N0}: {events:N0} events, database {size / 1e9:0.00} GB");
        }

        var markdown = Markdown(o, stages, loadStart, settings, total.Elapsed);
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (o.WriteDocs && Report.RepositoryRoot() is { } root) WriteDocs(root, markdown);
        var errors = stages.Sum(s => s.Reads.Sum(r => r.Errors));
        Step($"Done in {total.Elapsed.TotalMinutes:0.0} min");
        return errors > 0 ? 1 : 0;
    }

    private static async Task<(string Id, long Open)> Busiest(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select organisatie_id, count(*) filter (where stap <> 'Afgesloten') from {CasusStore.Schema}.mt_doc_partnercasus
            where organisatie_id not like 'riec%' group by organisatie_id order by 2 desc limit 1
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetString(0), reader.GetInt64(1));
    }

    private static string Markdown(BenchmarkOptions o, IReadOnlyList<GrowthStage> s, string loadStart,
        IReadOnlyList<(string Name, string Value)> settings, TimeSpan wall)
    {
        static string F(double v, int d = 1) => Report.F(v, d);
        string Ratio(double a, double b) => b == 0 ? "" : $"{F(a / b, 2)}×";
        var a = s[0];
        var b = s[^1];
        var rows = new List<(string Name, Func<GrowthStage, double> Value, Func<double, string> Format, string Target)>
        {
            ("Events in the store", x => x.Events, v => F(v, 0), ""),
            ("Seeding rate of the stage's casussen (casussen/s)", x => x.SeededCasussen / x.Seeding.TotalSeconds, v => F(v, 0), "within 20 %"),
            ("Seeding rate (events/s)", x => x.SeededEvents / x.Seeding.TotalSeconds, v => F(v, 0), "within 20 %"),
            ("VACUUM ANALYZE after seeding (s)", x => x.Vacuum.TotalSeconds, v => F(v, 1), ""),
            ("Rebuild of all projections (events/s)", x => x.Rebuild.Gebeurtenissen / x.Rebuild.Duur.TotalSeconds, v => F(v, 0), "within 20 %"),
            ("Rebuild of all projections (s)", x => x.Rebuild.Duur.TotalSeconds, v => F(v, 1), ""),
        };
        for (var i = 0; i < a.Reads.Count; i++)
        {
            var k = i;
            rows.Add(($"{a.Reads[k].Name}: p50 (ms)", x => x.Reads[k].Latencies.P50, v => F(v, 2), "within 1.5×"));
            rows.Add(($"{a.Reads[k].Name}: p99 (ms)", x => x.Reads[k].Latencies.P99, v => F(v, 2), ""));
        }
        rows.Add(("Database size on disk (GB)", x => x.DatabaseBytes / 1e9, v => F(v, 2), ""));
        rows.Add(("… per 100,000 casussen (GB)", x => x.DatabaseBytes / 1e9 / (x.Casussen / 100_000.0), v => F(v, 2), ""));
        rows.Add(("Peak memory of the benchmark process with the API (GB, VmHWM)", x => x.ProcessPeak / 1e9, v => F(v, 2), ""));
        rows.Add(("Peak memory of PostgreSQL (GB, sum of Pss)", x => x.PostgresPeak / 1e9, v => F(v, 2), ""));
        rows.Add(("Open casussen of the busiest organisation", x => x.BusiestOpen, v => F(v, 0), ""));

        var text = new System.Text.StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Growth run of {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {F(wall.TotalMinutes, 0)} min.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Command**: `{o.CommandLine}`");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Machine**: {Report.Machine()}; load average (1, 5, 15 min) at the start {loadStart}, " +
            $"after N = {a.Casussen:N0} {a.Load}, at the end {b.Load}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **PostgreSQL**: {string.Join(", ", settings.Select(x => $"{x.Name}={x.Value}"))}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- **Busiest organisation**: `{a.Busiest}` at N = {a.Casussen:N0}, `{b.Busiest}` at N = {b.Casussen:N0}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- One client per read, {F(s[0].Reads[0].Duration.TotalSeconds, 0)} s each after 2 s warm-up; the API's async daemon off (the rebuild built the overviews).");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"| Figure | N = {a.Casussen:N0} | N = {b.Casussen:N0} | Ratio | Target |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (name, value, format, target) in rows)
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {format(value(a))} | {format(value(b))} | {Ratio(value(b), value(a))} | {target} |");
        return text.ToString();
    }

    private static void WriteDocs(string root, string markdown)
    {
        var path = Path.Combine(root, "docs", "benchmarks.md");
        const string begin = "<!-- growth:begin (generated by tests/Casus.Benchmarks --growth; do not edit by hand) -->";
        const string end = "<!-- growth:end -->";
        var current = File.ReadAllText(path);
        var generated = $"{begin}\n{markdown}{end}";
        var from = current.IndexOf(begin, StringComparison.Ordinal);
        var to = current.IndexOf(end, StringComparison.Ordinal);
        File.WriteAllText(path, from >= 0 && to > from
            ? current[..from] + generated + current[(to + end.Length)..]
            : current.TrimEnd() + "\n\n## Growth: N = 100,000 and N = 1,000,000\n\n" + generated + "\n");
        Console.WriteLine($"Wrote {path}");
    }
}
