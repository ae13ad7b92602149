namespace Casus.Benchmarks;

/// <summary>Latency samples in milliseconds, kept whole (a phase has at most a few hundred thousand) and sorted once for
/// exact percentiles (nearest rank).</summary>
public sealed class Latencies
{
    private readonly List<double> _samples = [];
    private double[]? _sorted;

    public void Add(double milliseconds)
    {
        _samples.Add(milliseconds);
        _sorted = null;
    }

    public void AddRange(Latencies other)
    {
        _samples.AddRange(other._samples);
        _sorted = null;
    }

    public int Count => _samples.Count;

    public double Percentile(double p)
    {
        _sorted ??= [.. _samples.Order()];
        if (_sorted.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling(p / 100.0 * _sorted.Length);
        return _sorted[Math.Clamp(rank - 1, 0, _sorted.Length - 1)];
    }

    public double P50 => Percentile(50);
    public double P95 => Percentile(95);
    public double P99 => Percentile(99);
}
