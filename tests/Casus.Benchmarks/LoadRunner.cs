using System.Diagnostics;
using System.Net;

namespace Casus.Benchmarks;

/// <summary>What one HTTP phase measured: requests answered inside the measured window, their latencies, and the answers
/// that were not 2xx (concurrency answers 409/412 apart: another client changed the casus in between, which is correct).</summary>
public sealed record LoadResult(string Name, int Clients, TimeSpan Duration, Latencies Latencies, long Conflicts, long Errors,
    IReadOnlyList<string> ErrorSamples)
{
    public double Throughput => Latencies.Count / Duration.TotalSeconds;
}

/// <summary>C clients, each sending its next request as soon as the previous one is answered (closed loop), first for a
/// warm-up (not measured), then for the measured duration.</summary>
public static class LoadRunner
{
    /// <summary>Runs the phase. <paramref name="nextRequest"/> makes a client's next request (given its own random);
    /// <paramref name="isConflict"/> says whether a non-2xx answer is an expected concurrency answer.</summary>
    public static async Task<LoadResult> RunAsync(string name, HttpClient http, int clients, TimeSpan warmUp, TimeSpan duration,
        Func<Random, HttpRequestMessage> nextRequest, Func<HttpStatusCode, string, bool> isConflict, CancellationToken ct)
    {
        var all = new Latencies();
        long conflicts = 0, errors = 0;
        var samples = new List<string>();
        var start = Stopwatch.GetTimestamp();
        var measureFrom = start + (long)(warmUp.TotalSeconds * Stopwatch.Frequency);
        var stopAt = measureFrom + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        async Task Client(int number)
        {
            var random = new Random(HashCode.Combine(name, number));
            var own = new Latencies();
            while (true)
            {
                var before = Stopwatch.GetTimestamp();
                if (before >= stopAt) break;
                using var request = nextRequest(random);
                using var response = await http.SendAsync(request, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                var after = Stopwatch.GetTimestamp();
                var measured = before >= measureFrom && after <= stopAt;
                if (response.IsSuccessStatusCode)
                {
                    if (measured) own.Add(Stopwatch.GetElapsedTime(before, after).TotalMilliseconds);
                }
                else if (isConflict(response.StatusCode, body)) Interlocked.Increment(ref conflicts);
                else
                {
                    Interlocked.Increment(ref errors);
                    lock (samples)
                        if (samples.Count < 5) samples.Add($"{request.Method} {request.RequestUri}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 400)]}");
                }
            }
            lock (all) all.AddRange(own);
        }

        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(() => Client(i), ct)));
        return new LoadResult(name, clients, duration, all, conflicts, errors, samples);
    }
}
