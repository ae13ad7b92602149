using System.Collections.Concurrent;
using System.Diagnostics;

namespace Casus.Benchmarks;

/// <summary>What one kind of request cost in database round trips: Npgsql operations (a command, or a batch of commands
/// sent together), counted inside the HTTP request's activity.</summary>
public sealed record RoundTripCount(long Requests, long Operations, IReadOnlyList<(string Name, double PerRequest)> Kinds)
{
    public double PerRequest => Requests == 0 ? 0 : (double)Operations / Requests;

    public string Describe() =>
        $"{Report.F(PerRequest, 2)} statements or batches per request ({string.Join(", ", Kinds.Select(k => $"{k.Name} × {Report.F(k.PerRequest, 2)}"))})";
}

/// <summary>Counts the database round trips of the API's HTTP requests, in the benchmark's own process (the API runs in
/// it): an <see cref="ActivityListener"/> on ASP.NET Core's request activity and Npgsql's activity per operation (a
/// command or a batch), attributed to the request they ran under (background work, such as the async daemon, has no
/// request and is not counted, and neither are Wolverine's handlers of the facts a command published). The COMMIT of an explicit transaction (a command's SaveChanges) is a round trip of its own
/// but no Npgsql activity, so it is not in these counts: a command adds one. Only on while <see cref="Measure"/> runs, so it
/// costs nothing in the throughput phases.</summary>
public sealed class RoundTrips : IDisposable
{
    private const string RequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    private readonly ActivityListener _listener;
    private volatile bool _on;
    private long _requests;
    private long _operations;
    private readonly ConcurrentDictionary<string, long> _kinds = new();

    public RoundTrips()
    {
        _listener = new ActivityListener
        {
            // Wolverine too: its handlers of a command's facts run after the commit on the request's trace; with their own
            // activity their statements no longer hang under the request's (without a listener Wolverine starts none).
            ShouldListenTo = s => s.Name is "Npgsql" or "Microsoft.AspNetCore" or "Wolverine",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => _on ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task<(T Result, RoundTripCount Count)> Measure<T>(Func<Task<T>> phase)
    {
        Interlocked.Exchange(ref _requests, 0);
        Interlocked.Exchange(ref _operations, 0);
        _kinds.Clear();
        _on = true;
        T result;
        try { result = await phase(); }
        finally { _on = false; }
        var requests = Interlocked.Read(ref _requests);
        var kinds = _kinds.OrderByDescending(k => k.Value).Take(8)
            .Select(k => (k.Key, requests == 0 ? 0 : (double)k.Value / requests)).ToList();
        return (result, new RoundTripCount(requests, Interlocked.Read(ref _operations), kinds));
    }

    private void Stopped(Activity activity)
    {
        if (activity.OperationName == RequestActivity || activity.Source.Name == "Microsoft.AspNetCore")
        {
            if (activity.Parent is null) Interlocked.Increment(ref _requests);
            return;
        }
        if (activity.Source.Name != "Npgsql") return;
        var root = activity;
        while (root.Parent is not null) root = root.Parent;
        if (root.Source.Name != "Microsoft.AspNetCore") return;
        var name = Kind(activity);
        Interlocked.Increment(ref _operations);
        _kinds.AddOrUpdate(name, 1, (_, n) => n + 1);
    }

    /// <summary>A short name for the operation: its first SQL keyword and table (or "batch of n").</summary>
    private static string Kind(Activity activity)
    {
        var text = activity.GetTagItem("db.query.text") as string ?? activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
        var batch = activity.GetTagItem("db.operation.batch.size");
        if (batch is not null) return $"batch of {batch}";
        var words = text.Split([' ', '\n', '\r', '\t', '('], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return "?";
        var first = words[0].ToUpperInvariant();
        var table = words.SkipWhile(w => !w.Equals("from", StringComparison.OrdinalIgnoreCase) && !w.Equals("into", StringComparison.OrdinalIgnoreCase))
            .Skip(1).FirstOrDefault();
        return table is null ? first : $"{first} {table}";
    }

    public void Dispose() => _listener.Dispose();


}
