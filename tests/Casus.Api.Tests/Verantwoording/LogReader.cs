using Npgsql;

namespace Casus.Api.Tests.Verantwoording;

/// <summary>Reads the audit and processing logs and the events straight from PostgreSQL, as an auditor's DBA would.</summary>
public sealed class LogReader(string connectionString)
{
    public async Task<List<Dictionary<string, object?>>> Rows(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var p in parameters) command.Parameters.Add(new NpgsqlParameter { Value = p });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }

    public async Task Execute(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public Task<List<Dictionary<string, object?>>> Audit(string traceId) =>
        Rows("select * from casus.auditlog where trace_id = $1 order by id", traceId);

    public Task<List<Dictionary<string, object?>>> Verwerkingen(string traceId) =>
        Rows("select * from casus.verwerkingslog where trace_id = $1 order by id", traceId);
}
