using System.Net;

namespace Casus.Api.Notificaties;

/// <summary>Configuration section <c>Casus:Webhooks</c> (docs/notificaties.md).</summary>
public sealed class WebhookInstellingen
{
    public const string Section = "Casus:Webhooks";

    /// <summary>The CloudEvents <c>source</c>: a URN naming this system.</summary>
    public string Bron { get; set; } = "urn:nld:riec-liec:casus";

    /// <summary>The public base URL of the API for <c>dataref</c> (e.g. https://casus.riec.nl); when unset, the request's own.</summary>
    public string? PubliekeUrl { get; set; }

    /// <summary>The waits before each retry after a failed attempt; after the last, the delivery is given up. Empty: the
    /// default <see cref="StandaardHerhalingen"/>. (Configuration binding adds to a list, so the default is kept apart.)</summary>
    public TimeSpan[] Herhalingen { get; set; } = [];

    /// <summary>Just over 24 hours in all: 10 s, 1 min, 5 min, 30 min, 1 h, 2 h, 4 h, 8 h, 8 h, 8 h.</summary>
    public static readonly TimeSpan[] StandaardHerhalingen =
    [
        TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1),
        TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(8), TimeSpan.FromHours(8), TimeSpan.FromHours(8),
    ];

    public IReadOnlyList<TimeSpan> Schema => Herhalingen.Length > 0 ? Herhalingen : StandaardHerhalingen;

    /// <summary>A subscription is paused after this many failed attempts in a row (over all its deliveries).</summary>
    public int PauzeNaMislukkingen { get; set; } = 20;

    /// <summary>How long a rotated-away secret keeps signing next to the new one.</summary>
    public TimeSpan RotatieOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Allow http and loopback, private, link-local and metadata addresses (true in Development only, by default).</summary>
    public bool LokaleAdressenToestaan { get; set; }

    /// <summary>Networks (CIDR, e.g. "10.20.0.0/16") that are allowed although private; for partners on an internal network.</summary>
    public List<string> ToegestaneNetwerken { get; set; } = [];

    public IReadOnlyList<IPNetwork> Netwerken() => ToegestaneNetwerken.Select(IPNetwork.Parse).ToList();
}
