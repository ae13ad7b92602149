using System.Diagnostics;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>The browser tests in <c>tests/e2e</c> (Node.js, npm <c>oidc-provider</c> and <c>playwright-core</c> driving
/// Debian's chromium): where they are, and running one of their scripts.</summary>
public static class Browsertest
{
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>tests/e2e of this repository, found upwards from the test binaries.</summary>
    public static string? Map()
    {
        for (var map = new DirectoryInfo(AppContext.BaseDirectory); map is not null; map = map.Parent)
        {
            var e2e = Path.Combine(map.FullName, "tests", "e2e");
            if (File.Exists(Path.Combine(e2e, "package.json"))) return e2e;
        }

        return null;
    }

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Ontbreekt() =>
        Map() is not { } map ? "tests/e2e not found"
        : !Directory.Exists(Path.Combine(map, "node_modules")) ? "tests/e2e has no node_modules (npm ci --prefix tests/e2e; .ci/run does this)"
        : !File.Exists(Chromium) ? "chromium is not installed (Debian: apt-get install chromium; .ci/run does this)"
        : null;

    /// <summary>Starts <c>node script args</c> in tests/e2e; its output is collected.</summary>
    public static Process Start(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = Map()!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["CHROMIUM"] = Chromium;
        return Process.Start(start) ?? throw new InvalidOperationException($"node {script} did not start.");
    }
}

/// <summary>A browser test: skipped, saying why, only where Node.js packages or chromium are missing (CI installs them).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Browsertest.Ontbreekt() is { } reden) Skip = reden;
    }
}
