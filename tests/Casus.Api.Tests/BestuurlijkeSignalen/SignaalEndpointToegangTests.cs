using System.Net;
using Casus.Api.Tests.Infrastructure;
using Casus.Api.Tests.Toegang;
using static Casus.Api.Tests.BestuurlijkeSignalen.SignaalVoorbeelden;

namespace Casus.Api.Tests.BestuurlijkeSignalen;

/// <summary>Every bestuurlijk-signaal endpoint × every persona over HTTP: who gets 200, who 403 and who 404. The commands'
/// role × position matrix is decided by <c>Signaaltoegang</c> (domain tests, every role × position × command); here every
/// command is also tried by an outsider (404) and the mapped endpoints are all covered.</summary>
public sealed class SignaalEndpointToegangTests(CasusApi api) : IClassFixture<CasusApi>
{
    /// <summary>Personas: the casus matrices' columns plus the loket. The signaal is Tilburg's, linked to nothing.</summary>
    private static readonly string[] Iedereen = [.. Wie.Iedereen, "loket"];

    private static Casus.Domain.Toegang.Actor? Actor(string naam) => naam == "loket" ? Personas.LiecLoket : Wie.Actor(naam);

    private static readonly string[] Zien = ["tilburg", "auditor", "auditL", "landel", "loket"];
    private static readonly string[] Lijst = ["tilburg", "belast", "politie", "maastr", "auditor", "auditL", "landel", "loket"];
    private static readonly string[] Overzicht = ["auditor", "auditL", "landel", "loket"];
    /// <summary>Auditors of any region: a signaal is national.</summary>
    private static readonly string[] Auditors = ["auditor", "auditL", "landel"];

    /// <summary>The auditor's endpoints, as for a casus: auditors 200, others who see the signaal 403, everyone else 404.</summary>
    private static readonly string[] Verantwoording =
        ["/{id}/historie?versie=1", "/{id}/verschillen?van=0&tot=1", "/{id}/dossier", "/{id}/keten", "/{id}/auditrecords", "/{id}/verwerkingen"];

    private static HttpStatusCode Verwacht(string pad, string persona) =>
        persona == "anoniem" ? HttpStatusCode.Unauthorized
        : pad == "" ? (Lijst.Contains(persona) ? HttpStatusCode.OK : HttpStatusCode.Forbidden)
        : pad == "/overzicht" ? (Overzicht.Contains(persona) ? HttpStatusCode.OK : HttpStatusCode.Forbidden)
        : Verantwoording.Contains(pad) ? (Auditors.Contains(persona) ? HttpStatusCode.OK
            : Zien.Contains(persona) ? HttpStatusCode.Forbidden : HttpStatusCode.NotFound)
        : Zien.Contains(persona) ? HttpStatusCode.OK : HttpStatusCode.NotFound;

    private static readonly string[] Lezen = ["", "/overzicht", "/{id}", "/{id}/gebeurtenissen", .. Verantwoording];

    [Fact]
    public async Task Every_read_endpoint_answers_each_persona_as_the_rules_say()
    {
        var id = await NieuwAsync(api);
        var fouten = new List<string>();
        foreach (var pad in Lezen)
            foreach (var persona in Iedereen)
            {
                var r = await api.Client(Personas.Tilburg).As(Actor(persona)).Get($"{Base}{pad.Replace("{id}", id.ToString())}");
                var verwacht = Verwacht(pad, persona);
                if (r.Status != verwacht) fouten.Add($"GET {pad} as {persona}: {(int)r.Status}, expected {(int)verwacht}");
            }
        Assert.Empty(fouten);
    }

    [Fact]
    public async Task Every_command_answers_404_to_an_outsider_and_every_mapped_endpoint_is_covered()
    {
        var id = await NieuwAsync(api);
        // The bodies are the Swagger UI examples (valid input, so access is what decides).
        var paden = (await api.Client().Get("/api/v1/openapi.json")).AssertStatus(HttpStatusCode.OK).Body!["paths"]!;
        foreach (var segment in Casus.Api.BestuurlijkeSignalen.SignaalRoutes.Segments.Values)
        {
            // The document's paths are relative to its server URL, which ends in /api/v1.
            var voorbeeld = paden[$"{Base["/api/v1".Length..]}/{{signaalId}}/{segment}"]!["post"]!["requestBody"]!["content"]!["application/json"]!["example"]!.ToJsonString();
            foreach (var persona in new[] { "coord", "politie", "maastr", "liec" })
                (await api.Client(Actor(persona)).PostRaw($"{Base}/{id}/{segment}", voorbeeld)).AssertStatus(HttpStatusCode.NotFound);
        }

        var gemapt = Endpoints.Van(api).Where(e => e.Pad.StartsWith(Base, StringComparison.Ordinal))
            .Select(e => $"{e.Methode} {e.Pad}").Order().ToList();
        var gedekt = Lezen.Select(p => $"GET {Base}{p.Replace("{id}", "{signaalId:guid}").Split('?')[0]}")
            .Append($"POST {Base}")
            .Concat(Casus.Api.BestuurlijkeSignalen.SignaalRoutes.Segments.Values.Select(s => $"POST {Base}/{{signaalId:guid}}/{s}"))
            .Order().ToList();
        Assert.Equal(gedekt, gemapt);
    }
}
