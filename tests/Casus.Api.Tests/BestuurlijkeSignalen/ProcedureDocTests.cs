using System.Text;
using Casus.Api.BestuurlijkeSignalen;
using Casus.Api.Http;
using Casus.Domain.BestuurlijkeSignalen;

namespace Casus.Api.Tests.BestuurlijkeSignalen;

/// <summary>docs/bestuurlijk-signaal.md shows exactly the procedure table the code enforces.</summary>
public sealed class ProcedureDocTests
{
    public static string Render()
    {
        var table = new StringBuilder()
            .AppendLine("| In step | Command | Endpoint | Leads to |")
            .AppendLine("|---|---|---|---|");
        foreach (var row in Procedure.Tabel)
            table.AppendLine($"| {(row.Van is { } van ? $"`{Names.Of(van)}`" : "(no signaal yet)")} | `{Names.Of(row.Commando)}` | " +
                $"`POST {SignaalRoutes.PathOf(row.Commando, "{signaalId}")}` | `{Names.Of(row.Naar)}` |");
        return table.ToString();
    }

    [Fact]
    public void The_documented_procedure_table_equals_the_enforced_one()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Casus.sln"))) dir = dir.Parent;
        var doc = File.ReadAllText(Path.Combine(dir!.FullName, "docs", "bestuurlijk-signaal.md")).ReplaceLineEndings("\n");
        const string start = "<!-- procedure-table:start -->\n", end = "<!-- procedure-table:end -->";
        var from = doc.IndexOf(start, StringComparison.Ordinal) + start.Length;
        Assert.True(from >= start.Length, "docs/bestuurlijk-signaal.md has no procedure table markers");
        var documented = doc[from..doc.IndexOf(end, StringComparison.Ordinal)];
        Assert.True(Render().ReplaceLineEndings("\n") == documented, $"docs/bestuurlijk-signaal.md is out of date; replace its table with:\n{Render()}");
    }
}
