using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Gedeeld;
using Casus.Domain.Notificaties;

namespace Casus.Api.Notificaties;

/// <summary>A new subscription.</summary>
/// <param name="CallbackUrl">Where deliveries go: https (outside Development), not an internal address; at most 2,000 characters.</param>
/// <param name="Soorten">The kinds of facts wanted, at least one.</param>
/// <param name="Regios">Only facts of casussen in these regions; empty or absent: every region.</param>
public sealed record AbonnementRequest([property: Required, MaxLength(2000)] string? CallbackUrl, [property: Required] IReadOnlyList<Feitsoort>? Soorten,
    IReadOnlyList<RiecRegio>? Regios = null)
{
    public static AbonnementRequest Example { get; } = new("https://integratie.belastingdienst.example/casus/webhooks",
        [Feitsoort.InformatieVerzocht, Feitsoort.PartnerAangesloten, Feitsoort.InterventieGeadviseerd, Feitsoort.TermijnNadert, Feitsoort.TermijnVerstreken], []);

    /// <summary>Checks every field; the callback URL against <paramref name="instellingen"/>.</summary>
    public (string Url, List<Feitsoort> Soorten, List<RiecRegio> Regios) Valideer(InputValidator v, WebhookInstellingen instellingen)
    {
        var url = new Velden<AbonnementRequest>(v).Text(CallbackUrl, "callbackUrl");
        if (url.Length > 0 && CallbackAdres.Ongeldig(url, instellingen) is { } reden) v.Add("callbackUrl", "ongeldige-url", reden);
        if (Soorten is null || Soorten.Count == 0) v.Add("soorten", "min-items", "Geef minstens één soort.");
        return (url, Soorten?.Distinct().ToList() ?? [], Regios?.Distinct().ToList() ?? []);
    }
}

/// <summary>A subscription as its organisation sees it; the secrets' values are never shown again after creation or rotation.</summary>
public sealed record AbonnementAntwoord(Guid Id, string OrganisatieId, string CallbackUrl, IReadOnlyList<Feitsoort> Soorten,
    IReadOnlyList<RiecRegio> Regios, AbonnementStatus Status, string? PauzeReden, DateTimeOffset? GepauzeerdOp, int OpeenvolgendeMislukkingen,
    DateTimeOffset AangemaaktOp, IReadOnlyList<GeheimAntwoord> Geheimen)
{
    public static AbonnementAntwoord Van(Abonnement a) => new(a.Id, a.OrganisatieId, a.CallbackUrl, a.Soorten, a.Regios, a.Status, a.PauzeReden,
        a.GepauzeerdOp, a.OpeenvolgendeMislukkingen, a.AangemaaktOp, a.Geheimen.Select(g => new GeheimAntwoord(g.AangemaaktOp, g.GeldigTot)).ToList());
}

/// <summary>A signing secret without its value: since when, and until when it still signs (null: current).</summary>
public sealed record GeheimAntwoord(DateTimeOffset AangemaaktOp, DateTimeOffset? GeldigTot);

/// <summary>A new subscription or secret: <see cref="Geheim"/> is shown this once; store it to verify signatures.</summary>
public sealed record GeheimUitgifte(AbonnementAntwoord Abonnement, string Geheim);

/// <summary>One delivery with every attempt (time, HTTP status, latency) and the next retry.</summary>
public sealed record AfleveringAntwoord(Guid Id, Guid CasusId, string Type, AfleveringStatus Status, DateTimeOffset AangemaaktOp,
    DateTimeOffset? AfgeleverdOp, DateTimeOffset? VolgendePoging, IReadOnlyList<Poging> Pogingen)
{
    public static AfleveringAntwoord Van(Aflevering a) =>
        new(a.Id, a.CasusId, CloudEvent.TypeVan(a.Soort), a.Status, a.AangemaaktOp, a.AfgeleverdOp, a.VolgendePoging, a.Pogingen);
}
