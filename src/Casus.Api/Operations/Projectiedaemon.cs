using JasperFx.Events.Daemon;
using Marten;

namespace Casus.Api.Operations;

/// <summary>Where the async projections (the overviews) run. Default <see cref="DaemonMode.HotCold"/>: every instance
/// takes part in Marten's leader election over a PostgreSQL advisory lock, exactly one runs the projections, and when it
/// dies another takes over; nobody is chosen by hand. <c>Solo</c> (this instance runs them without election, for tests
/// and tools with one instance) and <c>Disabled</c> remain possible.</summary>
public static class Projectiedaemon
{
    /// <summary>Configuration key of the daemon mode.</summary>
    public const string Setting = "Casus:Daemon";

    /// <summary>How often a standby instance tries to take the leadership lock (Marten's default is 5 s): bounds the takeover
    /// after the leader dies at about this plus the time PostgreSQL needs to release a dead session's lock.</summary>
    public static readonly TimeSpan LeiderschapPolling = TimeSpan.FromSeconds(1);

    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddCasusProjectiedaemon(
        this MartenServiceCollectionExtensions.MartenConfigurationExpression marten, IConfiguration configuration)
    {
        marten.Services.ConfigureMarten(o => o.Projections.LeadershipPollingTime = (int)LeiderschapPolling.TotalMilliseconds);
        return marten.AddAsyncDaemon(configuration.GetValue(Setting, DaemonMode.HotCold));
    }
}
