using Casus.Api.Database;

namespace Casus.Api.Tests.Infrastructure;

/// <summary>The PostgreSQL programs beside the server binaries this machine has (PATH may hold only links to initdb and
/// pg_ctl; pg_basebackup, pg_dump and pg_restore are in the real directory).</summary>
public static class PostgresBinaries
{
    public static string Map()
    {
        var gevonden = PostgresInstallation.FindBinDirectory() ?? throw new InvalidOperationException("The PostgreSQL server binaries are not installed.");
        return Path.GetDirectoryName(new FileInfo(Path.Combine(gevonden, "initdb")).ResolveLinkTarget(returnFinalTarget: true)?.FullName) ?? gevonden;
    }

    public static string Pad(string programma) => Path.Combine(Map(), programma);
}
