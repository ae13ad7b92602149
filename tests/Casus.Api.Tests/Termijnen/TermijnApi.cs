using Casus.Api.Tests.Infrastructure;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Casus.Api.Tests.Termijnen;

/// <summary>The API with the term monitoring's sweep on, every 200 ms, so a test that moves the clock sees terms fire.</summary>
public class TermijnApi : CasusApi
{
    public TermijnApi() => Instellingen["Casus:Termijnen:ControleSeconden"] = "0.2";

    /// <summary>The <see cref="Domain.Termijnen.TermijnVerstreken"/> events of a casus, as stored (type, data), in order.</summary>
    public async Task<IReadOnlyList<string>> VerstrekenAsync(Guid casusId) =>
        await Sql<string>($"select data->>'sleutel' from casus.mt_events where stream_id = '{casusId}' and type = 'termijn_verstreken' order by version");

    /// <summary>Waits up to <paramref name="seconden"/> for <paramref name="klaar"/>; false when it never came.</summary>
    public static async Task<bool> WachtOpAsync(Func<Task<bool>> klaar, double seconden = 20)
    {
        var tot = DateTime.UtcNow.AddSeconds(seconden);
        while (DateTime.UtcNow < tot)
        {
            if (await klaar()) return true;
            await Task.Delay(100);
        }
        return await klaar();
    }

    public async Task<IReadOnlyList<T>> Sql<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync()) rows.Add(reader.GetFieldValue<T>(0));
        return rows;
    }

    public Task WachtOpProjectiesAsync() =>
        Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
}
