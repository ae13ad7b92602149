using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Casus.Api.Casussen;
using Casus.Api.Casussen.Requests;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Testdata;

namespace Casus.Benchmarks;

/// <summary>The requests of the HTTP phases, on the seeded casussen, each as a user who may make it (tokens cached per user).
/// Commands are ones that stay valid however often they repeat, on casussen in step 3 (informatie delen &amp; analyseren):
/// 40 % information requests by the region's coordinator, 40 % contributions by a joined partner's staff (answering no
/// request), 20 % new subjects (a unique KvK number each) by the coordinator.</summary>
public sealed class Workloads
{
    private readonly ApiHost _api;
    private readonly Dictionary<string, string> _tokens = [];
    private readonly (GegenereerdeCasus Casus, Guid Id)[] _open;
    private readonly (GegenereerdeCasus Casus, Guid Id)[] _all;
    private readonly RiecRegio[] _regios;
    private readonly Organisatie[] _partners;
    private int _kvk;

    public Workloads(ApiHost api, Generatie generatie, IReadOnlyDictionary<int, Guid> ids)
        : this(api, [(generatie, ids)])
    {
    }

    /// <summary>Over several generations seeded one after the other (the growth run).</summary>
    public Workloads(ApiHost api, IReadOnlyList<(Generatie Generatie, IReadOnlyDictionary<int, Guid> Ids)> generaties)
    {
        _api = api;
        _all = [.. generaties.SelectMany(g => g.Generatie.Casussen.Select(c => (c, g.Ids[c.Nummer])))];
        _open = [.. _all.Where(c => c.Casus.Stap == Stap.InformatieDelenEnAnalyseren)];
        if (_open.Length == 0) throw new InvalidOperationException("No seeded casus is in step 3; seed more casussen.");
        _regios = [.. _all.Select(c => c.Casus.Regio).Distinct().Order()];
        _partners = [.. _all.SelectMany(c => c.Casus.Partners.Append(c.Casus.Indiener)).Where(o => o.Type != PartnerType.Riec)
            .DistinctBy(o => o.Id).OrderBy(o => o.Id)];
    }

    public int OpenCasussen => _open.Length;

    /// <summary>The partner organisations of the seeded casussen (submitters and joined partners, not the RIEC).</summary>
    public IReadOnlyList<Organisatie> Partners => _partners;

    public HttpRequestMessage NextCommand(Random random)
    {
        var (casus, id) = _open[random.Next(_open.Length)];
        var coordinator = Landschap.Coordinator(casus.Regio);
        var partner = casus.Partners[random.Next(casus.Partners.Count)];
        var worp = random.NextDouble();
        return worp < 0.4
            ? Post(coordinator, id, CommandoSoort.InformatieVerzoeken,
                new InformatieverzoekRequest(partner.Id, $"Wat is bij {partner.Naam} bekend over de betrokkenen?", "art. 20 RIEC-LIEC convenant"))
            : worp < 0.8
                ? Post(Landschap.Medewerker(partner), id, CommandoSoort.InformatieDelen,
                    new InformatiebijdrageRequest(partner.Id, InformatieCategorie.Overig, "Gegevens uit de eigen registratie gedeeld.",
                        "art. 20 RIEC-LIEC convenant"))
                : Post(coordinator, id, CommandoSoort.SubjectToevoegen, new SubjectRequest(SubjectSoort.Rechtspersoon,
                    KvkNummer: (90_000_000 + Interlocked.Increment(ref _kvk)).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Naam: "Benchmark Holding B.V."));
    }

    public HttpRequestMessage NextCasusGet(Random random)
    {
        var (casus, id) = _all[random.Next(_all.Length)];
        return Get(Landschap.Coordinator(casus.Regio), $"{CommandRoutes.Base}/{id}");
    }

    public HttpRequestMessage NextList(Random random)
    {
        var regio = _regios[random.Next(_regios.Length)];
        return Get(Landschap.Coordinator(regio), $"{CommandRoutes.Base}?regio={Names.Of(regio)}&page={random.Next(1, 6)}&pageSize=20");
    }

    public HttpRequestMessage NextDashboard(Random random)
    {
        var partner = _partners[random.Next(_partners.Length)];
        return Get(Landschap.Medewerker(partner), $"/api/v1/partners/{Uri.EscapeDataString(partner.Id)}/dashboard");
    }

    /// <summary>The dashboard of one organisation (the busiest one: most open casussen), as its staff.</summary>
    public Func<Random, HttpRequestMessage> DashboardOf(string organisatieId)
    {
        var partner = _partners.First(p => p.Id == organisatieId);
        return _ => Get(Landschap.Medewerker(partner), $"/api/v1/partners/{Uri.EscapeDataString(partner.Id)}/dashboard");
    }

    /// <summary>A page (1-5, 20 each) of one organisation's waiting information requests, as its staff.</summary>
    public Func<Random, HttpRequestMessage> WaitingOf(string organisatieId)
    {
        var partner = _partners.First(p => p.Id == organisatieId);
        return random => Get(Landschap.Medewerker(partner),
            $"/api/v1/partners/{Uri.EscapeDataString(partner.Id)}/informatieverzoeken?page={random.Next(1, 6)}&pageSize=20");
    }

    /// <summary>The jaarcijfers of this or last year, as a region's coordinator.</summary>
    public HttpRequestMessage NextJaarcijfers(Random random)
    {
        var regio = _regios[random.Next(_regios.Length)];
        return Get(Landschap.Coordinator(regio), $"/api/v1/jaarcijfers/{DateTime.UtcNow.Year - random.Next(0, 2)}");
    }

    /// <summary>A region's RIEC overview (the last twelve months), as its coordinator.</summary>
    public HttpRequestMessage NextRiecOverzicht(Random random)
    {
        var regio = _regios[random.Next(_regios.Length)];
        return Get(Landschap.Coordinator(regio), $"/api/v1/regios/{Names.Of(regio)}/overzicht");
    }

    /// <summary>409 casus.gelijktijdige-wijziging: two clients wrote the same casus at once; the later one is refused.</summary>
    public static bool IsConcurrencyAnswer(HttpStatusCode status, string body) =>
        status == HttpStatusCode.PreconditionFailed || (status == HttpStatusCode.Conflict && body.Contains("gelijktijdige-wijziging", StringComparison.Ordinal));

    public static bool NeverExpected(HttpStatusCode status, string body) => false;

    private HttpRequestMessage Post(Actor actor, Guid id, CommandoSoort soort, object body) =>
        new(HttpMethod.Post, CommandRoutes.PathOf(soort, id.ToString()))
        {
            Content = JsonContent.Create(body, body.GetType(), options: HttpUitvoerder.Json),
            Headers = { Authorization = Bearer(actor) },
        };

    private HttpRequestMessage Get(Actor actor, string path) =>
        new(HttpMethod.Get, path) { Headers = { Authorization = Bearer(actor) } };

    private AuthenticationHeaderValue Bearer(Actor actor)
    {
        string? token;
        lock (_tokens)
            if (!_tokens.TryGetValue(actor.GebruikerId, out token))
                _tokens[actor.GebruikerId] = token = _api.Token(actor);
        return new AuthenticationHeaderValue("Bearer", token);
    }
}
