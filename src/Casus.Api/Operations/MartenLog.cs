using JasperFx;
using Marten;
using Marten.Services;
using Npgsql;

namespace Casus.Api.Operations;

/// <summary>Marten's log, without personal data: Marten's own logger writes every failed statement with all its parameters
/// (event data, user ids, organisations) at error level, also for the concurrency conflicts the API expects and answers with
/// 409/412 (and Wolverine retries). This one never logs parameter values; it logs an expected conflict (a version check that
/// failed, a unique key taken by a concurrent request) at debug level, and anything else as an error with the statement's
/// text (placeholders only). Successful statements: their text at trace level.</summary>
public sealed class MartenLog(ILogger logger) : IMartenLogger, IMartenSessionLogger
{
    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => logger.LogInformation("Marten changed the database schema:\n{Sql}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
        if (logger.IsEnabled(LogLevel.Trace)) logger.LogTrace("Marten executed: {Sql}", command.CommandText);
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        if (logger.IsEnabled(LogLevel.Trace))
            logger.LogTrace("Marten executed a batch: {Sql}", string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Fout(ex, command.CommandText);

    public void LogFailure(NpgsqlBatch batch, Exception ex) => Fout(ex, string.Join(";\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)));

    public void LogFailure(Exception ex, string message) => Fout(ex, null);

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void Fout(Exception ex, string? sql)
    {
        if (IsVerwacht(ex))
        {
            logger.LogDebug("Expected concurrency conflict ({Type}, SQLSTATE {SqlState}); the caller answers or retries it.",
                ex.GetType().Name, SqlState(ex));
            return;
        }
        // The exception holds no parameter values: Npgsql redacts the server's detail unless "Include Error Detail" is set
        // (never in production), and Marten's messages carry the statement text only.
        logger.LogError(ex, "Marten statement failed ({Type}, SQLSTATE {SqlState}):\n{Sql}", ex.GetType().Name, SqlState(ex), sql ?? "(none)");
    }

    /// <summary>Marten's own SQLSTATE for a failed stream version check in its append function ("Stream version mismatch").</summary>
    public const string StroomversieOnjuist = "MT003";

    /// <summary>A version check that failed or a unique key already taken: a concurrent writer won, as the API expects.</summary>
    public static bool IsVerwacht(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is ConcurrencyException or Marten.Exceptions.ExistingStreamIdCollisionException
                || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.SerializationFailure or StroomversieOnjuist })
                return true;
        return false;
    }

    private static string? SqlState(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
            if (ex is PostgresException p) return p.SqlState;
        return null;
    }
}
