using Npgsql;

namespace Casus.Api.Tests.Infrastructure;

public sealed class PostgresServerTests
{
    [Fact]
    public async Task Gives_two_distinct_usable_empty_databases()
    {
        var first = await PostgresServer.CreateDatabaseAsync();
        var second = await PostgresServer.CreateDatabaseAsync();

        Assert.NotEqual(
            new NpgsqlConnectionStringBuilder(first).Database,
            new NpgsqlConnectionStringBuilder(second).Database);
        Assert.False(string.IsNullOrWhiteSpace(PostgresServer.Source));

        await using var a = await OpenAsync(first);
        await using var b = await OpenAsync(second);
        Assert.Equal(1, await ScalarAsync<int>(a, "select 1"));
        Assert.Equal(1, await ScalarAsync<int>(b, "select 1"));
        Assert.NotEqual(await ScalarAsync<string>(a, "select current_database()"), await ScalarAsync<string>(b, "select current_database()"));
        Assert.Equal(0L, await UserTableCountAsync(a));
        Assert.Equal(0L, await UserTableCountAsync(b));

        await ExecuteAsync(a, "create table probe (id int primary key, name text not null)");
        await ExecuteAsync(a, "insert into probe values (1, 'only here')");

        Assert.Equal("only here", await ScalarAsync<string>(a, "select name from probe where id = 1"));
        Assert.Equal(1L, await UserTableCountAsync(a));
        Assert.Equal(0L, await UserTableCountAsync(b));
        var missing = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync<string>(b, "select name from probe"));
        Assert.Equal(PostgresErrorCodes.UndefinedTable, missing.SqlState);
    }

    [Fact]
    public async Task Creates_databases_concurrently_with_unique_names()
    {
        var connectionStrings = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostgresServer.CreateDatabaseAsync()));

        var names = connectionStrings.Select(c => new NpgsqlConnectionStringBuilder(c).Database).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.StartsWith("casus_test_", name, StringComparison.Ordinal));

        foreach (var connectionString in connectionStrings)
        {
            await using var connection = await OpenAsync(connectionString);
            Assert.Equal(0L, await UserTableCountAsync(connection));
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static Task<long> UserTableCountAsync(NpgsqlConnection connection) =>
        ScalarAsync<long>(connection, "select count(*) from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')");
}
