using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 2: the RIEC starts exploring the signaal.</summary>
/// <param name="Coordinator">The RIEC coordinator responsible for the verkenning.</param>
/// <param name="Datum">The day the verkenning started (business date): not before
/// the signaal. Default: today.</param>
public sealed record VerkenningStartenRequest([property: Required] string? Coordinator, [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<VerkenningStartenRequest>
{
    public ICasusCommando ToCommand(InputValidator v) => new VerkenningStarten(v.Text(Coordinator, "coordinator", 200), v.Bedrijfsdatum(Datum, "datum"));

    public static VerkenningStartenRequest Example { get; } = new("J. de Vries (RIEC Zeeland-West-Brabant)", new DateOnly(2026, 11, 3));
}

/// <summary>The outcome of verkennen: take the casus up ("opnemen": motivation and the partners needed, who join the
/// casus) or not ("niet-opnemen": a reason; the casus is closed).</summary>
/// <param name="Besluit">Opnemen or niet-opnemen.</param>
/// <param name="Motivering">With opnemen: why an integrale aanpak adds value.</param>
/// <param name="Partners">With opnemen: the partner organisations needed; they join the casus.</param>
/// <param name="Reden">With niet-opnemen: why not.</param>
/// <param name="Datum">The day of the decision (business date; the jaarcijfers count a casus as handled from it): not before the signaal nor the start of the verkenning. Default: today.</param>
public sealed record VerkenningsbesluitRequest(
    [property: Required] Verkenningsbesluit? Besluit,
    string? Motivering,
    IReadOnlyList<OrganisatieRequest?>? Partners,
    string? Reden,
    [property: Bedrijfsdatum] DateOnly? Datum = null) : ICommandRequest<VerkenningsbesluitRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var besluit = v.Required(Besluit, "besluit");
        var datum = v.Bedrijfsdatum(Datum, "datum");
        if (besluit == Verkenningsbesluit.Opnemen)
        {
            if (Reden is not null) v.Add("reden", "not-allowed", "Een reden hoort bij 'niet-opnemen'; geef bij 'opnemen' een motivering.");
            return new VerkenningBesluiten(besluit, v.Text(Motivering, "motivering"),
                v.List(Partners, "partners", (p, path) => p.ToOrganisatie(v, path)), null, datum);
        }
        if (Motivering is not null || Partners is not null)
            v.Add(Motivering is not null ? "motivering" : "partners", "not-allowed", "Bij 'niet-opnemen' horen alleen besluit en reden.");
        return new VerkenningBesluiten(besluit, null, [], v.Text(Reden, "reden"), datum);
    }

    public static VerkenningsbesluitRequest Example { get; } = new(Verkenningsbesluit.Opnemen,
        "Signalen van witwassen via vastgoed en hennepteelt; bestuurlijke, strafrechtelijke en fiscale interventies zijn denkbaar.",
        [OrganisatieRequest.GemeenteTilburg, OrganisatieRequest.PolitieZwb, OrganisatieRequest.Belastingdienst], null, new DateOnly(2026, 11, 5));
}
