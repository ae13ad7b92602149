using System.Diagnostics;
using Casus.Api.Casussen.Requests;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Projections.Historie;
using Casus.Testdata;
using Marten;

namespace Casus.Benchmarks;

public sealed record ReplayResult(int Events, Latencies AtRandomPoint, Latencies Whole);

/// <summary>Time travel over one long casus: a casus with <c>events</c> events (signaal, verkenning, opnemen, then
/// information requests, contributions and subjects in turn) is seeded through the same path as the others; then
/// <see cref="CasusHistorie.OpPeilmoment"/> replays it at random versions and moments, and as a whole.</summary>
public static class Replay
{
    public static async Task<ReplayResult> RunAsync(IDocumentStore store, int events, int runs, CancellationToken ct)
    {
        var regio = Landschap.Regios[RiecRegio.TaskforceBrabantZeeland];
        var coordinator = Landschap.Coordinator(regio.Naam);
        Organisatie[] partners = [regio.Politie, Landschap.Belastingdienst, regio.Gemeenten[0]];
        var start = DateTimeOffset.UtcNow.AddDays(-30);
        var commandos = new List<GeplandCommando>();
        void Plan(Actor als, CommandoSoort soort, object body) =>
            commandos.Add(new GeplandCommando(start.AddMinutes(commandos.Count), -1, als, soort, body));
        OrganisatieRequest Org(Organisatie o) => new(o.Id, o.Naam, o.Type);

        Plan(Landschap.Medewerker(regio.Politie), CommandoSoort.SignaalIndienen, new SignaalIndienenRequest(regio.Naam, Org(regio.Politie),
            DateOnly.FromDateTime(start.UtcDateTime), "Een lange casus voor de replay-meting.", [new ThemaRequest(ThemaSoort.Witwassen)]));
        Plan(coordinator, CommandoSoort.VerkenningStarten, new VerkenningStartenRequest("Coördinator"));
        Plan(coordinator, CommandoSoort.VerkenningBesluiten,
            new VerkenningsbesluitRequest(Verkenningsbesluit.Opnemen, "Integrale aanpak heeft meerwaarde.", [.. partners.Select(Org)], null));
        for (var i = 0; commandos.Count < events; i++)
        {
            var partner = partners[i % partners.Length];
            switch (i % 3)
            {
                case 0:
                    Plan(coordinator, CommandoSoort.InformatieVerzoeken, new InformatieverzoekRequest(partner.Id, $"Vraag {i}", "art. 20 RIEC-LIEC convenant"));
                    break;
                case 1:
                    Plan(Landschap.Medewerker(partner), CommandoSoort.InformatieDelen,
                        new InformatiebijdrageRequest(partner.Id, InformatieCategorie.Overig, $"Bijdrage {i}", "art. 20 RIEC-LIEC convenant"));
                    break;
                default:
                    Plan(coordinator, CommandoSoort.SubjectToevoegen,
                        new SubjectRequest(SubjectSoort.Rechtspersoon, KvkNummer: (80_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), Naam: $"Bedrijf {i} B.V."));
                    break;
            }
        }

        var id = Guid.NewGuid();
        int count;
        await using (var session = store.LightweightSession())
        {
            count = Seeder.Stream(session, id, commandos);
            await session.SaveChangesAsync(ct);
        }

        var random = new Random(1000);
        var atPoint = new Latencies();
        var whole = new Latencies();
        await using var query = store.QuerySession();
        var history = new CasusHistorie(query);
        await history.OpPeilmoment(id, null, count, ct); // warm-up: JIT and connection
        for (var run = 0; run < runs; run++)
        {
            var clock = Stopwatch.StartNew();
            var (casus, _) = run % 2 == 0
                ? await history.OpPeilmoment(id, null, random.Next(1, count + 1), ct)
                : await history.OpPeilmoment(id, start.AddMinutes(random.Next(0, count)).AddSeconds(30), null, ct);
            atPoint.Add(clock.Elapsed.TotalMilliseconds);
            if (casus is null) throw new InvalidOperationException("Replay found no casus.");

            clock.Restart();
            var (geheel, versie) = await history.OpPeilmoment(id, null, count, ct);
            whole.Add(clock.Elapsed.TotalMilliseconds);
            if (geheel is null || versie != count) throw new InvalidOperationException($"Replay of the whole casus stopped at version {versie}, not {count}.");
        }
        return new ReplayResult(count, atPoint, whole);
    }
}
