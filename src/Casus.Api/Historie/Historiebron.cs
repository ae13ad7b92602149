using Casus.Api.Beveiliging;
using Casus.Api.BestuurlijkeSignalen;
using Casus.Api.Http;
using Casus.Api.Verantwoording;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using Casus.Projections.Historie;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.Historie;

/// <summary>The state of a stream after the event at <see cref="Versie"/> (at <see cref="Tijdstip"/>).</summary>
public sealed record Terugblik<T>(T Stand, long Versie, DateTimeOffset Tijdstip);

/// <summary>A hash-chained event stream auditors look back into (a casus or a bestuurlijk signaal): what differs per kind of
/// stream. <see cref="HistorieQueries"/> does the rest the same way for both: replay at a moment or version, differences,
/// dossier, chain check and the stream's audit and processing logs, with the same access rule (auditors; 403 for others
/// who may see it; 404 for everyone else) and the same accounting.</summary>
public abstract class Historiebron<T> where T : class
{
    /// <summary>"de casus" or "het signaal", in messages.</summary>
    public abstract string Naam { get; }

    /// <summary>"casus …" or "bestuurlijk signaal …", in messages.</summary>
    public abstract string Omschrijving(Guid id);

    /// <summary>The path of the stream's chain check, which names the first changed version of an unreadable history.</summary>
    public abstract string KetenPad(Guid id);

    public abstract ProblemDetails NietGevonden(Guid id);

    /// <summary>The current state when the actor may audit the stream, else the refusal (told to the accounting).</summary>
    public abstract Task<(T? Huidig, IResult? Weigering)> VoorAuditor(Guid id, HttpContext http, CancellationToken ct);

    public abstract long Versie(T stand);

    /// <summary>The state after <paramref name="events"/> (one stream, in order); null when there are none.</summary>
    public abstract Terugblik<T>? Speel(IReadOnlyList<IEvent> events);

    /// <summary>The answer shows the personal data in <paramref name="stand"/> (processing log).</summary>
    public abstract void Verwerkte(T stand);

    /// <summary>The stream was looked up without showing personal data.</summary>
    public abstract void Raadpleegde(T stand);
}

/// <summary>A casus: auditors of its region and national auditors (<see cref="Toegangsregels.MagVerantwoordingLezen"/>).</summary>
public sealed class CasusHistoriebron(IDocumentSession session, Verantwoordingscontext verantwoording) : Historiebron<IntegraleCasus>
{
    public static readonly Toegangsbesluit AlleenAuditors =
        Toegangsbesluit.Verboden(ToegangsCodes.RolOntbreekt, "De historie, het dossier, de ketencontrole en de logboeken zijn alleen voor auditors van de regio.");

    public override string Naam => "de casus";

    public override string Omschrijving(Guid id) => $"casus {id}";

    public override string KetenPad(Guid id) => $"{Casussen.CommandRoutes.Base}/{id}/keten";

    public override ProblemDetails NietGevonden(Guid id) => Problems.CasusNotFound(id);

    public override async Task<(IntegraleCasus? Huidig, IResult? Weigering)> VoorAuditor(Guid id, HttpContext http, CancellationToken ct)
    {
        var casus = await session.LoadAsync<IntegraleCasus>(id, ct);
        if (casus is null) return (null, Problems.Result(Problems.CasusNotFound(id)));
        var actor = http.Actor();
        if (Toegangsregels.MagVerantwoordingLezen(actor, casus.Regio)) return (casus, null);
        var lezen = Toegangsregels.Lezen(actor, casus);
        if (!lezen.IsToegestaan)
        {
            verantwoording.Verborg(casus, lezen);
            return (null, Problems.Result(Problems.CasusNotFound(id)));
        }
        verantwoording.Raadpleegde(casus);
        return (null, Problems.Result(Problems.Forbidden(AlleenAuditors)));
    }

    public override long Versie(IntegraleCasus stand) => stand.Versie;

    public override Terugblik<IntegraleCasus>? Speel(IReadOnlyList<IEvent> events) =>
        CasusHistorie.Speel(events) is { } s ? new Terugblik<IntegraleCasus>(s.Casus, s.Versie, s.Tijdstip) : null;

    public override void Verwerkte(IntegraleCasus stand) => verantwoording.Verwerkte(stand);

    public override void Raadpleegde(IntegraleCasus stand) => verantwoording.Raadpleegde(stand);
}

/// <summary>A bestuurlijk signaal: every auditor (a signaal is national; <see cref="Signaaltoegang.VerantwoordingLezen"/>).</summary>
public sealed class SignaalHistoriebron(IDocumentSession session, Verantwoordingscontext verantwoording) : Historiebron<BestuurlijkSignaal>
{
    public override string Naam => "het signaal";

    public override string Omschrijving(Guid id) => $"bestuurlijk signaal {id}";

    public override string KetenPad(Guid id) => $"{SignaalRoutes.Base}/{id}/keten";

    public override ProblemDetails NietGevonden(Guid id) => SignaalProblems.NietGevonden(id);

    public override async Task<(BestuurlijkSignaal? Huidig, IResult? Weigering)> VoorAuditor(Guid id, HttpContext http, CancellationToken ct)
    {
        var signaal = await session.LoadAsync<BestuurlijkSignaal>(id, ct);
        if (signaal is null) return (null, Problems.Result(SignaalProblems.NietGevonden(id)));
        var besluit = Signaaltoegang.VerantwoordingLezen(http.Actor(), signaal);
        if (besluit.IsToegestaan) return (signaal, null);
        if (besluit.Uitkomst == Toegangsuitkomst.Verborgen)
        {
            verantwoording.Verborg(id, besluit);
            return (null, Problems.Result(SignaalProblems.NietGevonden(id)));
        }
        verantwoording.Raadpleegde(id);
        return (null, Problems.Result(Problems.Forbidden(besluit)));
    }

    public override long Versie(BestuurlijkSignaal stand) => stand.Versie;

    public override Terugblik<BestuurlijkSignaal>? Speel(IReadOnlyList<IEvent> events)
    {
        BestuurlijkSignaal? signaal = null;
        IEvent? laatste = null;
        foreach (var e in events)
        {
            if (e.Data is ISignaalGebeurtenis g) signaal = BestuurlijkSignaal.Evolve(signaal, g);
            laatste = e;
        }
        return signaal is null || laatste is null ? null : new Terugblik<BestuurlijkSignaal>(signaal, laatste.Version, laatste.Timestamp);
    }

    public override void Verwerkte(BestuurlijkSignaal stand) => verantwoording.Verwerkte(stand);

    public override void Raadpleegde(BestuurlijkSignaal stand) => verantwoording.Raadpleegde(stand.Id);
}
