using Casus.Domain.Notificaties;

namespace Casus.Api.Notificaties;

public enum AfleveringStatus
{
    /// <summary>Not delivered yet: the first attempt or a retry is queued.</summary>
    Onderweg,
    Afgeleverd,
    /// <summary>Waits for the paused subscription to be resumed.</summary>
    Gepauzeerd,
    /// <summary>Every retry failed: given up (dead letter). Can still be redelivered on request.</summary>
    Opgegeven,
}

/// <summary>One attempt to deliver: when, the receiver's HTTP status (none when it could not be reached), what went wrong,
/// how long it took.</summary>
public sealed record Poging(DateTimeOffset Tijdstip, int? StatusCode, string? Fout, int DuurMs);

/// <summary>One CloudEvent for one subscription, with every attempt. <see cref="Id"/> is the CloudEvent id and the
/// <c>webhook-id</c>: the same on every attempt, so receivers deduplicate by it. <see cref="Bericht"/> is the exact body.</summary>
public sealed class Aflevering
{
    public Guid Id { get; set; }
    public Guid AbonnementId { get; set; }
    public string OrganisatieId { get; set; } = "";
    public Guid CasusId { get; set; }
    public Feitsoort Soort { get; set; }
    public string Bericht { get; set; } = "";
    /// <summary>The trace of the request (or term monitoring) that caused the fact.</summary>
    public string TraceParent { get; set; } = "";
    public AfleveringStatus Status { get; set; }
    public List<Poging> Pogingen { get; set; } = [];
    public DateTimeOffset? VolgendePoging { get; set; }
    public DateTimeOffset AangemaaktOp { get; set; }
    public DateTimeOffset? AfgeleverdOp { get; set; }
}
