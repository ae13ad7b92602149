using Casus.Api.Beveiliging;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Marten;

namespace Casus.Api.Casussen;

/// <summary>One row of the casus list: enough to find a casus, no personal data of subjects.</summary>
public sealed record CasusSamenvatting(
    Guid Id, long Versie, Stap Stap, RiecRegio Regio, DateOnly SignaalDatum, Organisatie Indiener, IReadOnlyList<Thema> Themas);

/// <summary>An event of a casus as the history shows it: <see cref="Tijdstip"/> when it was registered, <see cref="Datum"/> the
/// day it happened (the business date; for a step recorded before business dates existed, the day it was registered; none
/// for subjects and terms), and for an imported event where it came from.</summary>
public sealed record Gebeurtenis(long Versie, string Type, DateTimeOffset Tijdstip, object Gegevens, DateOnly? Datum = null, Importherkomst? Import = null)
{
    /// <summary>The history entry of a stored event.</summary>
    public static Gebeurtenis Van(JasperFx.Events.IEvent e) =>
        new(e.Version, e.EventType.Name, e.Timestamp, e.Data,
            e.Data is ICasusGebeurtenis g ? Bedrijfsdatums.Van(g, Kalender.Dag(e.Timestamp)) : null, Importherkomst.Van(e));
}

/// <summary>Where an imported event came from (its headers, docs/import.md): the batch, the region's former system, who ran it.</summary>
public sealed record Importherkomst(string Batch, string? Bronsysteem, string? Door)
{
    public static Importherkomst? Van(JasperFx.Events.IEvent e) =>
        e.GetHeader(Projections.EventHeaders.ImportBatch)?.ToString() is { Length: > 0 } batch
            ? new Importherkomst(batch, e.GetHeader(Projections.EventHeaders.ImportBronsysteem)?.ToString(), e.GetHeader(Projections.EventHeaders.ImportDoor)?.ToString())
            : null;
}

/// <summary>The read side of the casus endpoints; a casus the user may not see answers exactly like one that does not exist.</summary>
public sealed class CasusQueries(IDocumentSession session, Verantwoordingscontext verantwoording)
{
    public async Task<IResult> Get(Guid casusId, string? ifNoneMatch, HttpContext http, CancellationToken ct)
    {
        if (await Zichtbaar(casusId, http, ct) is not { } casus) return Problems.Result(Problems.CasusNotFound(casusId));
        http.Response.Headers.ETag = ETags.For(casus.Versie);
        if (ifNoneMatch is not null && ETags.Matches(ifNoneMatch, casus.Versie)) return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(casus);
    }

    public async Task<IResult> History(Guid casusId, HttpContext http, CancellationToken ct)
    {
        if (await Zichtbaar(casusId, http, ct) is null) return Problems.Result(Problems.CasusNotFound(casusId));
        var events = await session.Events.FetchStreamAsync(casusId, token: ct);
        return TypedResults.Ok(events.Select(Gebeurtenis.Van).ToList());
    }

    public async Task<IResult> List(string? stap, string? regio, string? page, string? pageSize, HttpContext http, CancellationToken ct)
    {
        var zicht = Toegangsregels.ZichtbaarVoor(http.Actor());
        if (zicht.Niets)
            return Problems.Result(Problems.Forbidden(Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt,
                "Casussen zijn te zien voor RIEC-medewerkers, auditors en medewerkers van betrokken partners; de LIEC ziet alleen cijfers.")));
        var v = new InputValidator(default);
        var stapFilter = ParseEnum<Stap>(v, stap, "stap");
        var regioFilter = ParseEnum<RiecRegio>(v, regio, "regio");
        var paging = Paging.Parse(v, page, pageSize);
        if (!v.IsValid) return Problems.Result(Problems.Validation(v.Errors));

        IQueryable<IntegraleCasus> query = session.Query<IntegraleCasus>();
        // A region of the user's own: every casus in it is visible, so no per-row visibility test (which would read every
        // document of the region); the count and the page then come from the region's index alone.
        var eigenRegio = regioFilter is { } gevraagd && zicht.Regios.Contains(gevraagd);
        if (!zicht.AlleRegios && !eigenRegio)
        {
            var regios = zicht.Regios.ToArray();
            var organisatie = zicht.OrganisatieId ?? "";
            query = query.Where(c => regios.Contains(c.Regio) || c.Indiener.Id == organisatie || c.Partners.Any(p => p.Organisatie.Id == organisatie));
        }
        if (stapFilter is { } s) query = query.Where(c => c.Stap == s);
        if (regioFilter is { } r) query = query.Where(c => c.Regio == r);
        // The total as its own count (not count(*) over () on the page query, which drags every matching document through
        // the window): on the duplicated columns it is an index-only scan.
        var total = await query.LongCountAsync(ct);
        var rows = await query
            .OrderByDescending(c => c.SignaalDatum).ThenBy(c => c.Id)
            .Skip(paging.Skip).Take(paging.PageSize)
            .Select(c => new CasusSamenvatting(c.Id, c.Versie, c.Stap, c.Regio, c.SignaalDatum, c.Indiener, c.Themas))
            .ToListAsync(ct);
        return TypedResults.Ok(paging.Answer(http, total, rows));
    }

    /// <summary>The casus when it exists and the user may read it (its subjects are then processed); null otherwise.</summary>
    private async Task<IntegraleCasus?> Zichtbaar(Guid casusId, HttpContext http, CancellationToken ct)
    {
        var casus = await session.LoadAsync<IntegraleCasus>(casusId, ct);
        if (casus is null) return null;
        var toegang = Toegangsregels.Lezen(http.Actor(), casus);
        if (!toegang.IsToegestaan)
        {
            verantwoording.Verborg(casus, toegang);
            return null;
        }
        verantwoording.Verwerkte(casus);
        return casus;
    }

    private static T? ParseEnum<T>(InputValidator v, string? value, string name) where T : struct, Enum
    {
        if (value is null) return null;
        var match = Names.Parse<T>(value);
        if (match is null) v.Add(name, "invalid", $"Onbekende waarde; kies uit: {string.Join(", ", Names.All<T>())}.");
        return match;
    }
}
