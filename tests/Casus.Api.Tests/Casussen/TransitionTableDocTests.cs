using System.Text;
using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Domain.Casussen;

namespace Casus.Api.Tests.Casussen;

/// <summary>docs/transitions.md shows exactly the table the code enforces.</summary>
public sealed class TransitionTableDocTests
{
    public static string Render()
    {
        var table = new StringBuilder()
            .AppendLine("| In step | Command | Endpoint | Leads to |")
            .AppendLine("|---|---|---|---|");
        foreach (var row in Stappen.Tabel)
            table.AppendLine($"| {(row.Van is { } van ? $"`{Names.Of(van)}`" : "(no casus yet)")} | `{Names.Of(row.Commando)}` | " +
                $"`POST {CommandRoutes.PathOf(row.Commando, "{casusId}")}` | {string.Join(" or ", row.Naar.Select(n => $"`{Names.Of(n)}`"))} |");
        return table.ToString();
    }

    [Fact]
    public void The_documented_transition_table_equals_the_enforced_one()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "transitions.md")).ReplaceLineEndings("\n");
        const string start = "<!-- transition-table:start -->\n", end = "<!-- transition-table:end -->";
        var from = doc.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var documented = doc[from..doc.IndexOf(end, StringComparison.Ordinal)];
        Assert.True(Render().ReplaceLineEndings("\n") == documented,
            $"docs/transitions.md is out of date; replace its table with:\n{Render()}");
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Casus.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Casus.sln not found above " + AppContext.BaseDirectory);
    }
}
