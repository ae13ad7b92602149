using System.Text;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Marten;
using Marten.Events;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Casus.Api.Tests.Privacy;

/// <summary>The API with the destruction sweep on (every 200 ms) and every log message it writes, at every level, captured.</summary>
public class PrivacyApi : LogApi
{
    public PrivacyApi() => Instellingen["Casus:Vernietiging:VeegSeconden"] = "0.2";

    /// <summary>The privacy officers of Taskforce Brabant-Zeeland: two, for the four eyes.</summary>
    public static readonly Actor Privacy = Personas.Privacyfunctionaris;
    public static readonly Actor Privacy2 = PrivacyIn("p.tweede");

    private static Actor PrivacyIn(string gebruiker) =>
        new(gebruiker, new Organisatie("riec-zwb", "RIEC Zeeland-West-Brabant", PartnerType.Riec),
            new HashSet<RiecRegio> { RiecRegio.TaskforceBrabantZeeland }, false, new HashSet<Rol> { Rol.Privacyfunctionaris });

    public Task WachtOpProjectiesAsync() =>
        Services.GetRequiredService<IDocumentStore>().WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    public static async Task<bool> WachtOpAsync(Func<Task<bool>> klaar, double seconden = 30)
    {
        var tot = DateTime.UtcNow.AddSeconds(seconden);
        while (DateTime.UtcNow < tot)
        {
            if (await klaar()) return true;
            await Task.Delay(100);
        }
        return await klaar();
    }

    /// <summary>Where in the database any of <paramref name="waarden"/> occurs: every column of every table in every schema
    /// (system catalogs included, after ANALYZE filled the statistics), each row cast to text, case ignored; a bytea column
    /// shows as hex, so each value is also looked for as the hex of its UTF-8 bytes. Returns "schema.table: value" per hit.</summary>
    public async Task<List<string>> ZoekOveral(IReadOnlyCollection<string> waarden)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using (var analyze = new NpgsqlCommand("analyze", connection)) await analyze.ExecuteNonQueryAsync();
        var tabellen = new List<(string Schema, string Naam)>();
        await using (var command = new NpgsqlCommand(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE' order by 1, 2", connection))
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tabellen.Add((reader.GetString(0), reader.GetString(1)));
        Assert.Contains(tabellen, t => t == ("casus", "mt_events"));
        Assert.Contains(tabellen, t => t.Schema == "pg_catalog");

        var treffers = new List<string>();
        foreach (var waarde in waarden)
        {
            var patronen = new[] { waarde, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(waarde)) }.Select(p => $"%{p}%").ToArray();
            foreach (var (schema, naam) in tabellen)
            {
                await using var command = new NpgsqlCommand($"select count(*) from \"{schema}\".\"{naam}\" r where r::text ilike any($1)", connection);
                command.Parameters.Add(new NpgsqlParameter { Value = patronen });
                if ((long)(await command.ExecuteScalarAsync())! > 0) treffers.Add($"{schema}.{naam}: {waarde}");
            }
        }
        return treffers;
    }
}
