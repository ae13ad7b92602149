using Casus.Api.Beveiliging;
using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Termijnen;
using Casus.Domain.Toegang;
using Casus.Api.Verantwoording;
using Marten;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>One row of the signaal list: enough to find it.</summary>
public sealed record SignaalSamenvatting(Guid Id, long Versie, SignaalStap Stap, string Titel, DateOnly OpgesteldOp, DateOnly? IngediendOp,
    IReadOnlyList<string> Indieners);

/// <summary>A term of a signaal on the LIEC's overview: <c>stand</c> is <c>lopend</c>, <c>verloopt-binnenkort</c> or <c>verlopen</c>.</summary>
public sealed record SignaalTermijnregel(Guid SignaalId, string Titel, SignaalTermijnSoort Soort, string WachtOp, DateOnly Uiterlijk, string Stand);

/// <summary>The LIEC's overview of the Landelijk Loket: signalen per step, answers overdue and due, effects due.</summary>
public sealed record LiecSignaalOverzicht(
    DateOnly Peildatum, IReadOnlyDictionary<string, int> PerStap, int ReactiesVerlopen, int EffectenVerlopen, int VerlooptBinnenkort,
    IReadOnlyList<SignaalTermijnregel> Reacties, IReadOnlyList<SignaalTermijnregel> Effecten);


/// <summary>The read side of the signaal endpoints; a signaal the user may not see answers exactly like one that does not exist.</summary>
public sealed class SignaalQueries(IDocumentSession session, Verantwoordingscontext verantwoording, Termijnbeleid beleid,
    DutchCalendar calendar)
{
    public async Task<IResult> Get(Guid signaalId, string? ifNoneMatch, HttpContext http, CancellationToken ct)
    {
        if (await Zichtbaar(signaalId, http, ct) is not { } signaal) return Problems.Result(SignaalProblems.NietGevonden(signaalId));
        http.Response.Headers.ETag = ETags.For(signaal.Versie);
        if (ifNoneMatch is not null && ETags.Matches(ifNoneMatch, signaal.Versie)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(signaal);
    }

    public async Task<IResult> Gebeurtenissen(Guid signaalId, HttpContext http, CancellationToken ct)
    {
        if (await Zichtbaar(signaalId, http, ct) is null) return Problems.Result(SignaalProblems.NietGevonden(signaalId));
        var events = await session.Events.FetchStreamAsync(signaalId, token: ct);
        return TypedResults.Ok(events.Select(e => new Gebeurtenis(e.Version, e.EventType.Name, e.Timestamp, e.Data)).ToList());
    }

    public async Task<IResult> Lijst(string? stap, string? page, string? pageSize, HttpContext http, CancellationToken ct)
    {
        if (Signaaltoegang.ZichtbaarVoor(http.Actor()) is not { } zicht)
            return Problems.Result(Problems.Forbidden(Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt,
                "Bestuurlijke signalen zijn te zien voor medewerkers van de indieners, het LIEC-loket en auditors.")));
        var v = new InputValidator(default);
        var stapFilter = stap is null ? null : Names.Parse<SignaalStap>(stap);
        if (stap is not null && stapFilter is null) v.Add("stap", "invalid", $"Onbekende waarde; kies uit: {string.Join(", ", Names.All<SignaalStap>())}.");
        var paging = Paging.Parse(v, page, pageSize);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));
        IQueryable<BestuurlijkSignaal> query = session.Query<BestuurlijkSignaal>();
        if (!zicht.Alle)
        {
            var organisatie = zicht.OrganisatieId ?? "";
            query = query.Where(s => s.Indieners.Any(i => i.Organisatie.Id == organisatie));
        }
        if (stapFilter is { } f) query = query.Where(s => s.Stap == f);
        var total = await query.LongCountAsync(ct);
        var rows = await query.OrderByDescending(s => s.OpgesteldOp).ThenBy(s => s.Id).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return TypedResults.Ok(paging.Answer(http, total, rows.Select(s => new SignaalSamenvatting(s.Id, s.Versie, s.Stap, s.Inhoud.Titel,
            s.OpgesteldOp, s.IngediendOp, s.Indieners.Select(i => i.Organisatie.Naam).ToList())).ToList()));
    }

    /// <summary>The LIEC's overview: every signaal counted per step; the running answer and effect terms with their stand.</summary>
    public async Task<IResult> Overzicht(HttpContext http, CancellationToken ct)
    {
        var toegang = Signaaltoegang.OverzichtLezen(http.Actor());
        if (!toegang.IsToegestaan) return Problems.Result(Problems.Forbidden(toegang));
        var vandaag = calendar.Today;
        var signalen = await session.Query<BestuurlijkSignaal>().ToListAsync(ct);
        var perStap = Enum.GetValues<SignaalStap>().ToDictionary(Names.Of, s => signalen.Count(x => x.Stap == s));
        var regels = signalen.SelectMany(s => SignaalTermijnen.Lopend(s).Select(t => new SignaalTermijnregel(s.Id, s.Inhoud.Titel, t.Soort, t.WachtOp,
                t.Uiterlijk, t.IsVerlopen(vandaag) ? "verlopen" : t.VerlooptBinnenkort(vandaag, beleid.HerinneringDagen) ? "verloopt-binnenkort" : "lopend")))
            .OrderBy(r => r.Uiterlijk).ToList();
        var reacties = regels.Where(r => r.Soort == SignaalTermijnSoort.Reactie).ToList();
        var effecten = regels.Where(r => r.Soort == SignaalTermijnSoort.Effect).ToList();
        return TypedResults.Ok(new LiecSignaalOverzicht(vandaag, perStap, reacties.Count(r => r.Stand == "verlopen"), effecten.Count(r => r.Stand == "verlopen"),
            regels.Count(r => r.Stand == "verloopt-binnenkort"), reacties, effecten));
    }

    private async Task<BestuurlijkSignaal?> Zichtbaar(Guid signaalId, HttpContext http, CancellationToken ct)
    {
        var signaal = await session.LoadAsync<BestuurlijkSignaal>(signaalId, ct);
        if (signaal is null) return null;
        var toegang = Signaaltoegang.Lezen(http.Actor(), signaal);
        if (!toegang.IsToegestaan)
        {
            verantwoording.Verborg(signaalId, toegang);
            return null;
        }
        verantwoording.Verwerkte(signaal);
        return signaal;
    }
}
