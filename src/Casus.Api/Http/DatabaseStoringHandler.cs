using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Casus.Api.Http;

/// <summary>PostgreSQL out of reach (refused, reset, timed out, shutting down): 503 <c>database.niet-beschikbaar</c> with
/// <c>Retry-After</c>, instead of a 500. Nothing was committed (a command commits in one transaction). Npgsql opens new
/// connections when the server is back, so the API serves again without a restart.</summary>
public sealed class DatabaseStoringHandler(NpgsqlDataSource database, ILogger<DatabaseStoringHandler> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (!IsOnbereikbaar(exception)) return false;
        logger.LogWarning("Database not reachable: {Message}", exception.GetBaseException().Message);
        // Idle pooled connections died with the server: drop them, so the first requests after its return get fresh ones.
        database.Clear();
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Problems.Write(http, Problems.DatabaseUnavailable(RetryAfterSeconds));
        return true;
    }

    private static bool IsOnbereikbaar(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is SocketException or EndOfStreamException or TimeoutException
                || e is NpgsqlException { IsTransient: true }
                || e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow or PostgresErrorCodes.CrashShutdown })
                return true;
        return false;
    }
}
