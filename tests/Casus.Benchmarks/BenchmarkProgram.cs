using System.Diagnostics;
using Casus.Domain.Termijnen;
using Casus.Projections;
using Casus.Projections.Historie;
using Casus.Testdata;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Casus.Benchmarks;

/// <summary>Entry point: seeds, measures every phase in one run, prints the summary and (full runs) writes docs/benchmarks.md.
/// Exit code 0 unless something failed (an exception, a refused seed command, an HTTP answer that should have been 2xx);
/// timings never fail the run.</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkOptions options;
        try { options = BenchmarkOptions.Parse(args); }
        catch (HelpRequested) { Console.WriteLine(BenchmarkOptions.Help); return 0; }
        catch (Exception e) when (e is ArgumentException or FormatException) { Console.Error.WriteLine(e.Message); return 2; }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };
        try
        {
            return options.Growth > 0 ? await Growth.RunAsync(options, cancel.Token) : await RunAsync(options, cancel.Token);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Benchmark failed: {e}");
            return 1;
        }
    }

    private static async Task<int> RunAsync(BenchmarkOptions o, CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var report = new Report(o);
        void Step(string what) => Console.WriteLine($"[{total.Elapsed:mm\\:ss}] {what}");

        var loadStart = Resources.LoadAverage();
        Step($"Starting PostgreSQL (N = {o.Casussen:N0}, C = {o.Clients}, {o.Duration.TotalSeconds:0} s per HTTP phase); load average {loadStart}");
        await using var db = await BenchDatabase.StartAsync(o.Connection, o.KeepDatabase, ct);
        await using var resources = new Resources(db.DataDirectory);
        var settings = await db.SettingsAsync(ct);
        Step($"PostgreSQL ready: {string.Join(", ", settings.Select(s => $"{s.Name}={s.Value}"))}");
        await using var dataSource = NpgsqlDataSource.Create(db.ConnectionString);
        // The API and this process share the key-encryption key (personal data) and the pseudonym key (processing log).
        var sleutels = new Casus.Projections.Persoonsgegevens.Sleutelring(dataSource, ApiHost.Hoofdsleutel, TimeProvider.System);
        using var store = DocumentStore.For(opts => CasusStore.Configureer(opts, dataSource, TimeProvider.System, Termijnbeleid.Standaard, sleutels));
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();

        // 1. Seed.
        var tot = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
        var clock = Stopwatch.StartNew();
        var generatie = new Generator(o.Seed).Maak(o.Casussen, new DateOnly(2023, 1, 1), tot);
        var generation = clock.Elapsed;
        Step($"Generated {generatie.Casussen.Count:N0} casussen, {generatie.Commandos.Count:N0} commands in {generation.TotalSeconds:0.0} s; seeding");
        var seed = await new Seeder(store).SeedAsync(generatie.Commandos, parallel: 2, ct);
        Step($"Seeded {seed.Casussen:N0} casussen, {seed.Events:N0} events in {seed.Duration.TotalSeconds:0.0} s");
        var sample = seed.Ids.Values.Take(200).ToArray();
        var chains = await new Ketenlezer(dataSource).Controleer(sample, ct);
        if (chains.Values.FirstOrDefault(c => !c.IsOk) is { } broken)
            throw new InvalidOperationException($"A seeded hash chain does not verify: {broken}");

        // Fresh statistics and visibility map after the bulk load, as autovacuum would make them shortly after any bulk load;
        // without them the planner takes the just-filled tables for empty (e.g. the daemon's event pages took 100x longer).
        clock.Restart();
        await using (var vacuum = dataSource.CreateCommand("vacuum analyze"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }
        Step($"VACUUM ANALYZE after the bulk load: {clock.Elapsed.TotalSeconds:0.0} s");
        report.Note($"After seeding the benchmark runs VACUUM ANALYZE ({clock.Elapsed.TotalSeconds:0.0} s), as autovacuum would shortly after any bulk load; no PostgreSQL setting is changed.");

        // 5. Rebuild (also makes the async overviews the reads need).
        Step("Rebuilding all projections");
        var rebuild = await ProjectieHerbouw.HerbouwAllesAsync(store, dataSource, ct);
        var rebuildTime = rebuild.Duur;
        Step($"Rebuilt in {rebuildTime.TotalSeconds:0.0} s");
        // The rebuild rewrote every read model: fresh visibility map and statistics, as autovacuum would make them shortly
        // after (without it the dashboard's index-only counts visit the heap for every entry).
        await using (var vacuum = dataSource.CreateCommand("vacuum analyze"))
        {
            vacuum.CommandTimeout = 0;
            await vacuum.ExecuteNonQueryAsync(ct);
        }

        // 6. Replay.
        Step($"Replaying a {o.ReplayEvents}-event casus {o.ReplayRuns} times");
        var replay = await Replay.RunAsync(store, o.ReplayEvents, o.ReplayRuns, ct);

        // 2, 3. Over HTTP.
        Step("Starting the API (Production environment, Kestrel on 127.0.0.1)");
        LoadResult commands;
        var reads = new List<LoadResult>();
        var singles = new List<LoadResult>();
        var roundTrips = new List<(string Name, RoundTripCount Count)>();
        (string Id, long Open) busiestFigures = ("", 0);
        long mark;
        WebhookResultaat webhooks;
        ImportResultaat import;
        await using (var api = await ApiHost.StartAsync(db.ConnectionString, ct))
        {
            using var http = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = o.Clients * 2,
                PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            }) { BaseAddress = api.Address, Timeout = TimeSpan.FromSeconds(60) };
            var workloads = new Workloads(api, generatie, seed.Ids);
            mark = await MaxSequence(dataSource, ct);
            Step($"Commands: {o.Clients} clients on {workloads.OpenCasussen:N0} casussen in step 3");
            commands = await LoadRunner.RunAsync("commands", http, o.Clients, o.WarmUp, o.Duration, workloads.NextCommand,
                Workloads.IsConcurrencyAnswer, ct);
            Print(commands);
            var phases = new (string, Func<Random, HttpRequestMessage>)[]
                { ("GET casus", workloads.NextCasusGet), ("GET list", workloads.NextList), ("GET dashboard", workloads.NextDashboard) };
            foreach (var (name, next) in phases)
            {
                Step($"Reads: {name}");
                var result = await LoadRunner.RunAsync(name, http, o.Clients, o.WarmUp, o.Duration, next, Workloads.NeverExpected, ct);
                Print(result);
                reads.Add(result);
            }
            // The same with one client: the cost of one request without queueing behind the others.
            var single = TimeSpan.FromSeconds(Math.Max(2, o.Duration.TotalSeconds / 3));
            using var counter = new RoundTrips();
            Step($"The same with 1 client, {single.TotalSeconds:0} s each");
            var (busiest, busiestOpen) = await Busiest(dataSource, ct);
            busiestFigures = (busiest, busiestOpen);
            var singlePhases = phases
                .Append(("GET dashboard, busiest organisation", workloads.DashboardOf(busiest)))
                .Append(("GET waiting requests (page), busiest organisation", workloads.WaitingOf(busiest)))
                .Select(p => (p.Item1, p.Item2, (Func<System.Net.HttpStatusCode, string, bool>)Workloads.NeverExpected))
                .Prepend(("commands", workloads.NextCommand, Workloads.IsConcurrencyAnswer));
            foreach (var (name, next, conflict) in singlePhases)
            {
                var (result, trips) = await counter.Measure(() => LoadRunner.RunAsync($"{name}, 1 client", http, 1, TimeSpan.FromSeconds(1), single, next, conflict, ct));
                Print(result);
                Console.WriteLine($"         round trips: {trips.Describe()}");
                singles.Add(result);
                roundTrips.Add((name, trips));
            }
            Step("Webhooks: every partner subscribes to every fact; commands with a fast, then a slow receiver");
            webhooks = await WebhookFase.RunAsync(api, http, workloads, o.Clients, o.WarmUp, o.Duration, ct);
            Print(webhooks.Snel);
            Print(webhooks.Traag);
            Console.WriteLine($"         deliveries: {webhooks.AfleveringenPerSeconde:0}/s ({webhooks.Afleveringen:N0}), lag commit→receipt " +
                $"p50 {webhooks.Vertraging.P50:0} ms, p99 {webhooks.Vertraging.P99:0} ms");
            // Last of the HTTP phases: it adds the generated casussen a second time (as imported ones) to the database.
            Step("Import: the generated casussen as a file of casus histories (docs/import.md), a dry run and the import over HTTP");
            import = await ImportFase.RunAsync(api, generatie, ct);
            Console.WriteLine($"         import: {import.CasussenPerSeconde:0} casussen/s, {import.GebeurtenissenPerSeconde:0} events/s " +
                $"({import.Casussen:N0} casussen, {import.Gebeurtenissen:N0} events in {import.Duur.TotalSeconds:0.0} s); dry run " +
                $"{import.ProefCasussenPerSeconde:0} casussen/s{(import.Fout is null ? "" : $"; FAILED: {import.Fout}")}");
        }

        var dashboards = await DashboardSizes(dataSource, ct);
        var (overviews, last) = await DaemonProgress(dataSource, ct);
        Step($"Async overviews after the HTTP phases: at event {overviews:N0} of {last:N0}");
        report.Note(overviews >= last
            ? "The API's async daemon kept the overviews current during the HTTP phases."
            : $"The API's async daemon did NOT keep up: after the HTTP phases the overviews were at event {overviews:N0} of {last:N0} " +
              "(see docs/benchmarks.md, 'Findings').");

        // 4. Baselines.
        Step("Baseline (a): raw Marten append of the command phase's events");
        var raw = await Baselines.RawMartenAppendAsync(store, dataSource, mark, Math.Max(commands.Latencies.Count, 1), o.Clients, ct);
        Step("Baseline (d): raw audited read (select the casus document, insert an audit row, commit)");
        var audited = await Baselines.AuditedReadAsync(dataSource, seed.Ids.Values.ToArray(), o.Clients, o.WarmUp, o.Duration, ct);
        Console.WriteLine($"         (d): {audited.EventsPerSecond:0}/s, p50 {audited.Latencies.P50:0.00} ms, p99 {audited.Latencies.P99:0.00} ms");
        var events = await Count(dataSource, ct);
        Step("Baseline (b): raw COPY into a plain table");
        var copy = await Baselines.CopyAsync(dataSource, (int)Math.Min(o.CopyRows, events), ct);
        Step("Baseline (c): raw scan of mt_events");
        var scan = await Baselines.ScanAsync(dataSource, ct);

        // 7. Destruction (last: it destroys the personal data of every closed casus).
        Step("Destruction: the clock past every retention term, the sweep proposes lists, two approvals each, carried out");
        var vernietiging = await VernietigingFase.RunAsync(store, dataSource, ct);
        Step($"Destroyed {vernietiging.Casussen:N0} casussen on {vernietiging.Lijsten} of the {vernietiging.Voorgesteld} proposed lists in {vernietiging.Uitvoeren.TotalSeconds:0.0} s: " +
            $"{vernietiging.CasussenPerSeconde:0} casussen/s (proposing the lists: {vernietiging.Voorstellen.TotalSeconds:0.0} s)");

        Summarise(report, o, db, settings, generatie.Commandos.Count, seed, import, rebuild, rebuildTime, replay, commands, reads, singles, raw, copy, scan, events,
            audited, roundTrips, busiestFigures);
        report.Context("Peak memory", $"benchmark process with the API in it (VmHWM) {Resources.ProcessPeak() / 1e9:0.00} GB; " +
            $"PostgreSQL (sum of Pss of the cluster's processes, sampled each second) {resources.PostgresPeak / 1e9:0.00} GB; " +
            $"database on disk at the end {await db.SizeAsync(ct) / 1e9:0.00} GB");
        report.Context("Machine load", $"load average (1, 5, 15 min) {loadStart} at the start, {Resources.LoadAverage()} at the end");
        SummariseWebhooks(report, webhooks);
        report.Add(new Figure("Destruction of personal data (approved lists, in-process)",
            $"{Report.F(vernietiging.CasussenPerSeconde, 0)} casussen/s ({vernietiging.Casussen:N0} casussen on the first {vernietiging.Lijsten} of {vernietiging.Voorgesteld} proposed lists of at most 1,000, " +
            $"{Report.F(vernietiging.Uitvoeren.TotalSeconds)} s; proposing the lists: {Report.F(vernietiging.Voorstellen.TotalSeconds)} s; " +
            $"{vernietiging.KetensGecontroleerd} chains checked afterwards: ok)"));
        report.Context("Partner dashboards", dashboards + $"; the busiest organisation measured on its own: `{busiestFigures.Id}` ({busiestFigures.Open:N0} open casussen)");
        report.Context("Wall time", $"{total.Elapsed.TotalSeconds:0} s (PostgreSQL start included, build excluded)");
        var markdown = report.Markdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        if (o.WriteDocs)
        {
            if (Report.RepositoryRoot() is { } root) report.WriteDocs(root);
            else Console.Error.WriteLine("Not written: no Casus.sln above the working directory.");
        }

        var errors = commands.Errors + webhooks.Snel.Errors + webhooks.Traag.Errors + reads.Concat(singles).Sum(r => r.Errors) + (import.Fout is null ? 0 : 1);
        if (import.Fout is not null) Console.Error.WriteLine($"error: import: {import.Fout}");
        foreach (var sampleError in reads.Concat(singles).Prepend(commands).SelectMany(r => r.ErrorSamples)) Console.Error.WriteLine($"error: {sampleError}");
        if (errors > 0) Console.Error.WriteLine($"{errors} requests failed that should have succeeded.");
        Step($"Done in {total.Elapsed.TotalSeconds:0} s");
        return errors > 0 ? 1 : 0;
    }

    private static void Summarise(Report report, BenchmarkOptions o, BenchDatabase db, IReadOnlyList<(string Name, string Value)> settings,
        int commandos, SeedResult seed, ImportResultaat import, Herbouwresultaat rebuild, TimeSpan rebuildTime, ReplayResult replay, LoadResult commands,
        IReadOnlyList<LoadResult> reads, IReadOnlyList<LoadResult> singles, RawAppendResult raw, RowsResult copy, RowsResult scan, long events,
        RawAppendResult audited, IReadOnlyList<(string Name, RoundTripCount Count)> roundTrips, (string Id, long Open) busiest)
    {
        static string F(double v, int d = 1) => Report.F(v, d);
        report.Context("Command", $"`{o.CommandLine}`");
        report.Context("Machine", Report.Machine());
        report.Context("PostgreSQL", $"{db.Source}; {string.Join(", ", settings.Select(s => $"{s.Name}={s.Value}"))}");
        report.Context("N, C", $"N = {o.Casussen:N0} casussen ({commandos:N0} generated commands, {seed.Events:N0} events), C = {o.Clients} clients, " +
            $"{o.Duration.TotalSeconds:0} s per HTTP phase after {o.WarmUp.TotalSeconds:0} s warm-up; event store at the end: {events:N0} events");

        report.Add(new Figure("Seeding (in-process, through the domain)", $"{F(seed.CasussenPerSecond, 0)} casussen/s, {F(seed.EventsPerSecond, 0)} events/s ({F(seed.Duration.TotalSeconds)} s)"));
        report.Add(new Figure($"Import of the first {import.Casussen:N0} of the same casussen over HTTP (docs/import.md)",
            $"{F(import.CasussenPerSeconde, 0)} casussen/s, {F(import.GebeurtenissenPerSeconde, 0)} events/s ({import.Casussen:N0} casussen, " +
            $"{import.Gebeurtenissen:N0} events, {F(import.Bytes / 1024.0 / 1024.0)} MB, {F(import.Duur.TotalSeconds)} s); dry run {F(import.ProefCasussenPerSeconde, 0)} casussen/s " +
            $"({F(import.Proefdraai.TotalSeconds)} s)",
            "seeding", $"{F(import.CasussenPerSeconde / seed.CasussenPerSecond * 100, 0)} %"));
        var rawRate = raw.EventsPerSecond;
        report.Add(new Figure("Commands over HTTP: throughput", $"{F(commands.Throughput, 0)} commands/s ({commands.Latencies.Count:N0} ok, {commands.Conflicts} concurrency 409/412, {commands.Errors} errors)",
            $"(a) raw Marten append: {F(rawRate, 0)} events/s, p50 {F(raw.Latencies.P50, 2)} ms, p99 {F(raw.Latencies.P99, 2)} ms",
            $"{F(commands.Throughput / rawRate * 100, 0)} %", "≥ 50 % of (a)", commands.Throughput >= 0.5 * rawRate));
        report.Add(new Figure("Commands over HTTP: latency", Latency(commands), Target: "p99 ≤ 25 ms", Met: commands.Latencies.P99 <= 25));
        foreach (var r in reads)
            report.Add(r.Name == "GET casus"
                ? new Figure($"{r.Name}: throughput, latency", $"{F(r.Throughput, 0)}/s; {Latency(r)}",
                    $"(d) raw audited read: {F(audited.EventsPerSecond, 0)}/s, p50 {F(audited.Latencies.P50, 2)} ms, p99 {F(audited.Latencies.P99, 2)} ms",
                    $"{F(r.Throughput / audited.EventsPerSecond * 100, 0)} %", "≥ 50 % of (d)", r.Throughput >= 0.5 * audited.EventsPerSecond)
                : new Figure($"{r.Name}: throughput, latency", $"{F(r.Throughput, 0)}/s; {Latency(r)}"));
        var casusSingle = singles.First(r => r.Name.StartsWith("GET casus", StringComparison.Ordinal)).Latencies.P50;
        foreach (var r in singles)
        {
            var trips = roundTrips.FirstOrDefault(t => r.Name.StartsWith(t.Name, StringComparison.Ordinal)).Count;
            var value = $"{F(r.Throughput, 0)}/s; {Latency(r)}" + (trips is null ? "" : $"; round trips {trips.Describe()}");
            var paged = r.Name.Contains("dashboard", StringComparison.Ordinal) || r.Name.Contains("waiting", StringComparison.Ordinal);
            report.Add(paged
                ? new Figure($"{r.Name}: throughput, latency", value, $"GET casus, 1 client: p50 {F(casusSingle, 2)} ms",
                    $"p50 {F(r.Latencies.P50 / casusSingle, 1)}× GET casus; p99 {F(r.Latencies.P99 / r.Latencies.P50, 1)}× own p50",
                    "p50 ≤ 2× GET casus; p99 ≤ 3× own p50", r.Latencies.P50 <= 2 * casusSingle && r.Latencies.P99 <= 3 * r.Latencies.P50)
                : new Figure($"{r.Name}: throughput, latency", value));
        }
        var rebuildRate = rebuild.Gebeurtenissen / rebuildTime.TotalSeconds;
        var scanInsert = 1 / (1 / scan.RowsPerSecond + 1 / copy.RowsPerSecond);
        report.Add(new Figure("Rebuild of all projections", $"{F(rebuildTime.TotalSeconds)} s, {F(rebuildRate, 0)} events/s ({rebuild.Gebeurtenissen:N0} events, {rebuild.Casussen:N0} streams)",
            $"(c) scan: {F(scan.RowsPerSecond, 0)} rows/s; (b)+(c) scan+insert: {F(scanInsert, 0)} rows/s",
            $"{F(rebuildRate / scan.RowsPerSecond * 100, 1)} % of (c); {F(rebuildRate / scanInsert * 100, 1)} % of scan+insert", "≥ 50 % of scan+insert",
            rebuildRate >= 0.5 * scanInsert));
        report.Add(new Figure($"… as casus streams rewritten in place ({ProjectieHerbouw.StromenPerPartij:N0} per batch)",
            $"{F(rebuild.Casussen / rebuildTime.TotalSeconds, 0)} streams/s"));
        report.Add(new Figure($"Replay of a {replay.Events}-event casus, at a random version or moment", Latency(replay.AtRandomPoint)));
        report.Add(new Figure($"Replay of a {replay.Events}-event casus, whole", Latency(replay.Whole), Target: "≤ 50 ms (p99)", Met: replay.Whole.P99 <= 50));
        report.Add(new Figure("(a) Raw Marten append, one event per commit", $"{F(rawRate, 0)} events/s ({raw.Events:N0} events, {o.Clients} writers)"));
        report.Add(new Figure("(b) Raw Npgsql binary COPY, plain logged table", $"{F(copy.RowsPerSecond, 0)} rows/s, {F(copy.MegabytesPerSecond)} MB/s ({copy.Rows:N0} rows)"));
        report.Add(new Figure("(d) Raw audited read: select the casus document by id, insert one audit row, commit",
            $"{F(audited.EventsPerSecond, 0)}/s ({audited.Events:N0} reads, {o.Clients} clients); p50 {F(audited.Latencies.P50, 2)} ms, p99 {F(audited.Latencies.P99, 2)} ms"));
        report.Add(new Figure("(c) Raw SQL scan of mt_events", $"{F(scan.RowsPerSecond, 0)} rows/s, {F(scan.MegabytesPerSecond)} MB/s ({scan.Rows:N0} rows)"));
        report.Note("scan+insert rate = 1 / (1/(c) + 1/(b)): the rows/s of a pipeline that reads every event row and writes one row of the same size, one after the other.");
        report.Note("Latency = from sending the request to reading the whole answer, at the client, for answers inside the measured window (closed loop: each client sends its next request when the previous one is answered).");
    }

    private static void SummariseWebhooks(Report report, WebhookResultaat w)
    {
        static string F(double v, int d = 1) => Report.F(v, d);
        report.Add(new Figure("Webhooks: deliveries while commands run (fast receiver)",
            $"{F(w.AfleveringenPerSeconde, 0)} deliveries/s ({w.Afleveringen:N0} in {F(w.Venster.TotalSeconds)} s); lag commit→receipt {Latency(w.Vertraging)}"));
        report.Add(new Figure("Webhooks: commands with a fast receiver", $"{F(w.Snel.Throughput, 0)} commands/s; {Latency(w.Snel)}"));
        report.Add(new Figure($"Webhooks: commands with a receiver taking {w.TraagMs / 1000} s", $"{F(w.Traag.Throughput, 0)} commands/s; {Latency(w.Traag)}",
            "the same with a fast receiver", $"{F(w.Traag.Throughput / w.Snel.Throughput * 100, 0)} %", "no drop (≥ 90 %)",
            w.Traag.Throughput >= 0.9 * w.Snel.Throughput));
    }

    private static string Latency(LoadResult r) => Latency(r.Latencies);

    private static string Latency(Latencies l) =>
        $"p50 {Report.F(l.P50, 2)} ms, p95 {Report.F(l.P95, 2)} ms, p99 {Report.F(l.P99, 2)} ms (n = {l.Count:N0})";

    private static void Print(LoadResult r) =>
        Console.WriteLine($"         {r.Name}: {r.Throughput:0}/s, {Latency(r)}, {r.Conflicts} conflicts, {r.Errors} errors");

    /// <summary>The organisation with the most open casussen on its dashboard (not the RIEC), and how many.</summary>
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

    private static async Task<long> MaxSequence(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select coalesce(max(seq_id), 0) from {CasusStore.Schema}.mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(long Overviews, long Last)> DaemonProgress(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand(
            $"select coalesce((select max(last_seq_id) from {CasusStore.Schema}.mt_event_progression where name like '{CasusStore.Overzichten}%'), 0), " +
            $"coalesce((select max(seq_id) from {CasusStore.Schema}.mt_events), 0)");
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>How big the partner dashboards are: one row per organisation and casus it takes part in.</summary>
    private static async Task<string> DashboardSizes(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"""
            select coalesce(sum(r), 0)::bigint, count(*), coalesce(max(n), 0), coalesce(max(w), 0) from (
              select organisatie_id, count(*) r, count(*) filter (where stap <> 'Afgesloten') n, count(*) filter (where wacht) w
              from {CasusStore.Schema}.mt_doc_partnercasus group by organisatie_id) o
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return $"{reader.GetInt64(0):N0} rows (one per organisation and casus) for {reader.GetInt64(1)} organisations; " +
            $"the most open casussen on one dashboard: {reader.GetInt64(2):N0}, of which with something waiting: {reader.GetInt64(3):N0}";
    }

    private static async Task<long> Count(NpgsqlDataSource database, CancellationToken ct)
    {
        await using var command = database.CreateCommand($"select count(*) from {CasusStore.Schema}.mt_events");
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }
}
