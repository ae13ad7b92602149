using Casus.Domain.Gedeeld;
using Casus.Domain.Notificaties;

namespace Casus.Api.Notificaties;

/// <summary>A signing secret (<c>whsec_</c> + base64 of 32 random bytes, Standard Webhooks) and, once rotated away, until
/// when it still signs (the overlap in which a receiver may not have switched yet).</summary>
public sealed record Ondertekeningsgeheim(string Waarde, DateTimeOffset AangemaaktOp, DateTimeOffset? GeldigTot);

public enum AbonnementStatus
{
    Actief,
    /// <summary>Deliveries kept failing; new facts wait until the organisation resumes it.</summary>
    Gepauzeerd,
}

/// <summary>A partner organisation's subscription: where to deliver which kinds of facts (optionally only of some regions),
/// signed with its secrets. Kept as a document; every change goes through an audited request.</summary>
public sealed class Abonnement
{
    public Guid Id { get; set; }
    public string OrganisatieId { get; set; } = "";
    public string CallbackUrl { get; set; } = "";
    public List<Feitsoort> Soorten { get; set; } = [];
    /// <summary>Empty: every region.</summary>
    public List<RiecRegio> Regios { get; set; } = [];
    public List<Ondertekeningsgeheim> Geheimen { get; set; } = [];
    public AbonnementStatus Status { get; set; }
    public string? PauzeReden { get; set; }
    public DateTimeOffset? GepauzeerdOp { get; set; }
    /// <summary>Failed attempts in a row, over all deliveries; reset by a success.</summary>
    public int OpeenvolgendeMislukkingen { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public string AangemaaktDoor { get; set; } = "";

    /// <summary>The secrets that sign at <paramref name="nu"/>: the current one, and a rotated one during its overlap.</summary>
    public IEnumerable<Ondertekeningsgeheim> Geldig(DateTimeOffset nu) => Geheimen.Where(g => g.GeldigTot is null || g.GeldigTot > nu);

    public bool Wil(Feitsoort soort, RiecRegio regio) => Soorten.Contains(soort) && (Regios.Count == 0 || Regios.Contains(regio));
}
