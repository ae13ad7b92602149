using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Ondermijningsbeelden;
using Marten;

namespace Casus.Api.Casussen;

/// <summary>The checks of a new signaal that need the store, shared by the API and the import: the ondermijningsbeeld it
/// names exists in its region, and the region's reference is not taken.</summary>
public static class Registratie
{
    /// <summary>The casus of <paramref name="regio"/> with the region's reference <paramref name="referentie"/>, if any.</summary>
    public static async Task<Guid?> MetReferentie(IQuerySession session, RiecRegio regio, string referentie, CancellationToken ct)
    {
        var ids = await session.Query<IntegraleCasus>().Where(c => c.Regio == regio && c.Referentie == referentie).Select(c => c.Id)
            .Take(1).ToListAsync(ct);
        return ids.Count == 0 ? null : ids[0];
    }

    /// <summary>The invalid field when the signaal names an ondermijningsbeeld that is not registered in its region.</summary>
    public static async Task<InvalidParam?> OnbekendBeeld(IQuerySession session, SignaalIndienen signaal, CancellationToken ct)
    {
        if (signaal.OndermijningsbeeldId is not { } id) return null;
        var beeld = await session.LoadAsync<Ondermijningsbeeld>(id, ct);
        return beeld is not null && beeld.Regio == signaal.Regio
            ? null
            : new InvalidParam("ondermijningsbeeldId", "onbekend", $"Regio {Names.Of(signaal.Regio)} heeft geen ondermijningsbeeld {id}.");
    }
}
