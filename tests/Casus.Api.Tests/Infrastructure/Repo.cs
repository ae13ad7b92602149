namespace Casus.Api.Tests.Infrastructure;

/// <summary>The repository the tests run from (for the documentation they check).</summary>
public static class Repo
{
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Casus.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Casus.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The text of <c>docs/<paramref name="naam"/></c>.</summary>
    public static string Doc(string naam) => File.ReadAllText(Path.Combine(Root(), "docs", naam));
}
