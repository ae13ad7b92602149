using System.Diagnostics;
using Casus.Api.Privacy;
using Casus.Api.Verantwoording;
using Casus.Domain.Historie;
using Casus.Domain.Privacy;
using Casus.Domain.Verwerkingen;
using Casus.Projections;
using Casus.Projections.Historie;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Casus.Benchmarks;

/// <summary>What the destruction phase measured: the sweep proposing the lists, and carrying them out (casussen per second).</summary>
public sealed record VernietigingResultaat(int Casussen, int Lijsten, int Voorgesteld, TimeSpan Voorstellen, TimeSpan Uitvoeren, int Overgeslagen, int KetensGecontroleerd)
{
    public double CasussenPerSeconde => Casussen / Uitvoeren.TotalSeconds;
}

/// <summary>Retention and destruction over the whole seeded store: the clock moves past the retention term of every closed
/// casus, the sweep (the API's <see cref="Vernietigingsveger"/>) proposes the destruction lists, two privacy officers approve each
/// (appended as the API's approval does), and the API's <see cref="Vernietiger"/> carries them out, list after list, as the
/// Wolverine handler would. In-process, on the benchmark's store (which shares the API's keys); the last phase, since it destroys
/// the personal data of most casussen.</summary>
public static class VernietigingFase
{
    /// <summary>The lists carried out (of at most 1,000 casussen each; the rest stay proposed and approved): the rate is what
    /// is measured, and this keeps a full run under 15 minutes (all 175 lists of the N = 100,000 run took 165 s).</summary>
    public const int MaximumLijsten = 20;

    public static async Task<VernietigingResultaat> RunAsync(IDocumentStore store, NpgsqlDataSource database, CancellationToken ct)
    {
        // Past the term of every seeded casus (closed from 2023 until yesterday, kept at most 60 months).
        var klok = new VasteKlok(new DateTimeOffset(DateTime.UtcNow.Year + 6, 1, 2, 10, 0, 0, TimeSpan.Zero));
        var beleid = Bewaarbeleid.Standaard;
        var configuratie = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Casus:Vernietiging:MaxPerLijst"] = "1000",
        }).Build();
        await using var diensten = new ServiceCollection().BuildServiceProvider();
        var veger = new Vernietigingsveger(database, store, diensten, beleid, klok, configuratie, NullLogger<Vernietigingsveger>.Instance);
        var vernietiger = new Vernietiger(store, database, new Pseudonimisering(ApiHost.Pseudoniemsleutel), beleid, klok, NullLogger<Vernietiger>.Instance);

        var stopwatch = Stopwatch.StartNew();
        var lijsten = await veger.VeegAsync(ct);
        var voorstellen = stopwatch.Elapsed;
        if (lijsten.Count == 0) throw new InvalidOperationException("The destruction sweep proposed no list: no closed casus in the seeded data?");
        foreach (var lijstId in lijsten)
        {
            await KeurGoedAsync(store, lijstId, "p.een", klok, ct);
            await KeurGoedAsync(store, lijstId, "p.twee", klok, ct);
        }

        stopwatch.Restart();
        var vernietigd = 0;
        var overgeslagen = 0;
        foreach (var lijstId in lijsten.Take(MaximumLijsten))
        {
            var uitgevoerd = await vernietiger.VoerUitAsync(lijstId, ct)
                ?? throw new InvalidOperationException($"Destruction list {lijstId} was not carried out.");
            vernietigd += uitgevoerd.Vernietigd;
            overgeslagen += uitgevoerd.Overgeslagen.Count;
        }
        var uitvoeren = stopwatch.Elapsed;

        // The chains of (a sample of) the destroyed casussen still verify.
        var steekproef = new List<Guid>();
        await using (var command = database.CreateCommand(
            $"select id from {CasusStore.Schema}.mt_doc_integralecasus where jsonb_typeof(data->'vernietiging') = 'object' limit 200"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) steekproef.Add(reader.GetGuid(0));
        var ketens = await new Ketenlezer(database).Controleer(steekproef, ct);
        if (ketens.Values.FirstOrDefault(k => !k.IsOk) is { } gebroken)
            throw new InvalidOperationException($"A destroyed casus's hash chain does not verify: {gebroken}");
        if (overgeslagen > 0) throw new InvalidOperationException($"{overgeslagen} casussen were skipped by their destruction lists.");
        return new VernietigingResultaat(vernietigd, Math.Min(lijsten.Count, MaximumLijsten), lijsten.Count, voorstellen, uitvoeren, overgeslagen, steekproef.Count);
    }

    /// <summary>One approval of a privacy officer, appended as the API's approval endpoint does.</summary>
    private static async Task KeurGoedAsync(IDocumentStore store, Guid lijstId, string gebruiker, TimeProvider klok, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Vernietigingslijst>(lijstId, ct);
        var lijst = stream.Aggregate!;
        var beslissing = Vernietigingslijst.Goedkeuren(lijst, new Akkoord(gebruiker, "riec", "RIEC", klok.GetUtcNow()));
        if (beslissing.Schending is { } s) throw new InvalidOperationException(s.Melding);
        var trace = Systeemactor.NieuweTrace();
        stream.AppendMany(await Ketenschrijver.Schakel(session, lijstId, lijst.Versie, beslissing.Gebeurtenissen,
            Systeemactor.Metadata(gebruiker, "riec", "RIEC", trace, Verwerkingsregister.Vernietigen), klok.GetUtcNow(), ct));
        await session.SaveChangesAsync(ct);
    }

    private sealed class VasteKlok(DateTimeOffset nu) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => nu;
    }
}
