using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Npgsql;

namespace Casus.Api.Tests.Overzichten;

/// <summary>Rebuilding every projection from the event store gives the same documents as projecting live did.</summary>
[Collection(GegenereerdeData.Collectie)]
public sealed class HerbouwTests(GegenereerdeData data)
{
    private static readonly Actor Beheerder =
        new("beheer", new Organisatie("liec", "LIEC", PartnerType.Liec), new HashSet<RiecRegio>(), true, new HashSet<Rol> { Rol.Beheerder });

    [Fact]
    public async Task A_rebuild_yields_the_same_documents_as_live_projection()
    {
        var live = await Documenten();
        // Spoil the read models, so only a real replay of the events can bring them back.
        await Sql("""
            delete from casus.mt_doc_partnercasus;
            update casus.mt_doc_casusvoortgang set data = jsonb_set(jsonb_set(data, '{stap}', '"Verkennen"'), '{themas}', '[]');
            delete from casus.mt_doc_integralecasus where id in (select id from casus.mt_doc_integralecasus order by id limit 10);
            """);
        var bedorven = await Documenten();
        Assert.Empty(bedorven["mt_doc_partnercasus"]);
        Assert.Equal(live["mt_doc_integralecasus"].Count - 10, bedorven["mt_doc_integralecasus"].Count);

        var resultaat = (await data.Api.Client(Beheerder).Post("/api/v1/beheer/projecties/_herbouw", new { })).AssertStatus(HttpStatusCode.OK).Body!;
        await data.WachtOpProjectiesAsync();

        var herbouwd = await Documenten();
        Assert.Equal(GegenereerdeData.Aantal, resultaat["casussen"]!.GetValue<int>());
        Assert.Equal(data.Generatie.Commandos.Count, resultaat["gebeurtenissen"]!.GetValue<long>());
        Assert.Equal(live.Keys, herbouwd.Keys);
        foreach (var tabel in live.Keys)
        {
            Assert.True(live[tabel].Count > 0, $"{tabel} is empty");
            Assert.Equal(live[tabel], herbouwd[tabel]);
        }
        // The dashboards' counts per organisation, region and step, kept by a trigger through the spoiling and the rebuild,
        // are the counts of the rows.
        Assert.Equal(await data.Api.Sql<string>("select organisatie_id || ' ' || regio || ' ' || stap || ' ' || count(*) from casus.mt_doc_partnercasus group by organisatie_id, regio, stap order by 1"),
            await data.Api.Sql<string>("select organisatie_id || ' ' || regio || ' ' || stap || ' ' || aantal from casus.partner_telling where aantal > 0 order by 1"));
        // So are the jaarcijfers' counters (the spoiling took every theme away, the rebuild gave them back): the contributions
        // of the progress rows, counted afresh.
        var tellers = await data.Api.Sql<string>("select regio || ' ' || jaar || ' ' || kolom || ' ' || round(waarde, 2) from casus.jaarcijfers_telling where waarde <> 0 order by 1");
        Assert.Contains(tellers, t => t.Contains(" thema:", StringComparison.Ordinal));
        Assert.Equal(await data.Api.Sql<string>("""
            select b.regio || ' ' || b.jaar || ' ' || b.kolom || ' ' || round(sum(b.waarde), 2)
            from casus.mt_doc_casusvoortgang c, casus.jaarcijfers_bijdrage(c.data) b group by b.regio, b.jaar, b.kolom
            having sum(b.waarde) <> 0 order by 1
            """), tellers);
        // And the RIEC overview's narrow rows are those of the progress rows.
        Assert.Equal(await data.Api.Sql<string>("select r::text from casus.mt_doc_casusvoortgang c, casus.riec_overzicht_van(c.id, c.data) r order by 1"),
            await data.Api.Sql<string>("select r::text from casus.riec_overzicht r order by 1"));
    }

    private async Task Sql(string sql)
    {
        await using var database = NpgsqlDataSource.Create(data.Api.ConnectionString);
        await database.CreateCommand(sql).ExecuteNonQueryAsync();
    }

    /// <summary>Every projected document, by table, as PostgreSQL's normalised jsonb text, ordered by id.</summary>
    private async Task<Dictionary<string, List<string>>> Documenten()
    {
        await using var database = NpgsqlDataSource.Create(data.Api.ConnectionString);
        var result = new Dictionary<string, List<string>>();
        foreach (var tabel in new[] { "mt_doc_integralecasus", "mt_doc_casusvoortgang", "mt_doc_partnercasus" })
        {
            await using var command = database.CreateCommand($"select id::text || ' ' || data::text from casus.{tabel} order by id");
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            result[tabel] = rows;
        }
        return result;
    }
}
