using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Casus.Api.Casussen;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Testdata;

namespace Casus.Benchmarks;

/// <summary>What the import phase measured: a dry run (every line decided, nothing written) and the import itself, of the same
/// file, over HTTP.</summary>
public sealed record ImportResultaat(int Casussen, long Gebeurtenissen, long Bytes, TimeSpan Proefdraai, TimeSpan Duur, int Geweigerd, string? Fout)
{
    public double CasussenPerSeconde => Casussen / Duur.TotalSeconds;
    public double GebeurtenissenPerSeconde => Gebeurtenissen / Duur.TotalSeconds;
    public double ProefCasussenPerSeconde => Casussen / Proefdraai.TotalSeconds;
}

/// <summary>The import of existing casussen (docs/import.md), as an administrator runs it against the real API: the generated
/// casussen, the same histories the seeder wrote, as an import file (each step dated on the day it was generated, under a
/// reference of its own, so they are new casussen), posted as JSON Lines to <c>POST /api/v1/beheer/importen</c>, first as a dry
/// run, then for real. Every line goes through the API's validation and the domain's decisions, is hash-chained and audited
/// (one audit record per casus, processing records for its subjects): the rate to compare with the seeding rate, which writes the
/// same events without the audit and processing records.</summary>
public static class ImportFase
{
    /// <summary>The import takes the first this many casussen of the generation: the rate is what is measured, and a
    /// sample of this size keeps a full run under 15 minutes (all 100,000 took almost 8 of its 22 minutes).</summary>
    public const int Maximum = 10_000;

    private static readonly JsonSerializerOptions Json = new(HttpUitvoerder.Json) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>The generated casussen as import lines, one a casus.</summary>
    public static IEnumerable<string> Bestand(Generatie generatie)
    {
        foreach (var casus in generatie.Commandos.GroupBy(c => c.Casus))
        {
            var commandos = casus.ToList();
            if (commandos[0].Body is not SignaalIndienenRequest signaal) continue;
            var signaalJson = JsonSerializer.SerializeToNode(signaal, Json)!.AsObject();
            signaalJson.Remove("regio");
            var stappen = new JsonArray();
            foreach (var gepland in commandos.Skip(1))
            {
                var stap = JsonSerializer.SerializeToNode(gepland.Body, gepland.Body.GetType(), Json)!.AsObject();
                stap["commando"] = CommandRoutes.Segments[gepland.Soort];
                if (gepland.Soort != CommandoSoort.SubjectToevoegen && stap["datum"] is null)
                    stap["datum"] = Kalender.Dag(gepland.Tijdstip).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                stappen.Add(stap);
            }
            yield return new JsonObject
            {
                ["soort"] = "casus", ["regio"] = Names.Of(signaal.Regio!.Value), ["referentie"] = $"BENCH-{casus.Key:000000}",
                ["signaal"] = signaalJson, ["stappen"] = stappen,
            }.ToJsonString(Json);
        }
    }

    public static async Task<ImportResultaat> RunAsync(ApiHost api, Generatie generatie, CancellationToken ct)
    {
        var bestand = Path.Combine(Path.GetTempPath(), $"casus-bench-import-{Environment.ProcessId}.jsonl");
        try
        {
            await File.WriteAllLinesAsync(bestand, Bestand(generatie).Take(Maximum), ct);
            var beheerder = new Actor("bench.beheer", new Organisatie("liec", "LIEC", PartnerType.Liec), new HashSet<RiecRegio>(), true,
                new HashSet<Rol> { Rol.Beheerder });
            using var http = new HttpClient { BaseAddress = api.Address, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Authorization = new("Bearer", api.Token(beheerder));

            async Task<(JsonNode? Verslag, TimeSpan Duur, string? Fout)> Post(bool proefdraai)
            {
                await using var inhoud = File.OpenRead(bestand);
                using var content = new StreamContent(inhoud);
                content.Headers.ContentType = new("application/x-ndjson");
                var klok = Stopwatch.StartNew();
                using var response = await http.PostAsync($"/api/v1/beheer/importen?bronsysteem=benchmark&proefdraai={(proefdraai ? "true" : "false")}",
                    content, ct);
                var tekst = await response.Content.ReadAsStringAsync(ct);
                klok.Stop();
                return response.StatusCode == HttpStatusCode.OK
                    ? (JsonNode.Parse(tekst), klok.Elapsed, null)
                    : (null, klok.Elapsed, $"{(int)response.StatusCode}: {tekst[..Math.Min(500, tekst.Length)]}");
            }

            var (proef, proefduur, proeffout) = await Post(proefdraai: true);
            var (verslag, duur, fout) = proeffout is null ? await Post(proefdraai: false) : (null, TimeSpan.Zero, null);
            var geweigerd = verslag?["geweigerd"]?.GetValue<int>() ?? proef?["geweigerd"]?.GetValue<int>() ?? 0;
            var eerste = (verslag ?? proef)?["regelverslagen"]?.AsArray().FirstOrDefault(r => r!["status"]!.GetValue<string>() == "geweigerd");
            return new ImportResultaat(verslag?["casussen"]?.GetValue<int>() ?? 0, verslag?["gebeurtenissen"]?.GetValue<long>() ?? 0,
                new FileInfo(bestand).Length, proefduur, duur, geweigerd,
                proeffout ?? fout ?? (eerste is null ? null : $"line refused: {eerste.ToJsonString()}"));
        }
        finally
        {
            File.Delete(bestand);
        }
    }
}
