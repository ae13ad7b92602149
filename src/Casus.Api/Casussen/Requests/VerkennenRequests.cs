using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 2: the RIEC starts exploring the signaal.</summary>
/// <param name="Coordinator">The RIEC coordinator responsible for the verkenning.</param>
/// <param name="Datum">The day the verkenning started (business date): not before
/// the signaal. Default: today.</param>
public sealed record VerkenningStartenRequest([property: Required, MaxLength(200)] string? Coordinator, [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<VerkenningStartenRequest>
{
    public ICasusCommando ToCommand(InputValidator v) =>
        new VerkenningStarten(new Velden<VerkenningStartenRequest>(v).Text(Coordinator, "coordinator"), v.Bedrijfsdatum(Datum, "datum"));

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
    [property: MaxLength(4000)] string? Motivering,
    [property: MaxLength(100)] IReadOnlyList<OrganisatieRequest?>? Partners,
    [property: MaxLength(4000)] string? Reden,
    [property: Bedrijfsdatum] DateOnly? Datum = null) : ICommandRequest<VerkenningsbesluitRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var r = new Velden<VerkenningsbesluitRequest>(v);
        var besluit = v.Required(Besluit, "besluit");
        var datum = v.Bedrijfsdatum(Datum, "datum");
        if (besluit == Verkenningsbesluit.Opnemen)
        {
            if (Reden is not null) v.Add("reden", "not-allowed", "Een reden hoort bij 'niet-opnemen'; geef bij 'opnemen' een motivering.");
            return new VerkenningBesluiten(besluit, r.Text(Motivering, "motivering"),
                r.List(Partners, "partners", (p, path) => p.ToOrganisatie(v, path)), null, datum);
        }
        if (Motivering is not null || Partners is not null)
            v.Add(Motivering is not null ? "motivering" : "partners", "not-allowed", "Bij 'niet-opnemen' horen alleen besluit en reden.");
        return new VerkenningBesluiten(besluit, null, [], r.Text(Reden, "reden"), datum);
    }

    public static VerkenningsbesluitRequest Example { get; } = new(Verkenningsbesluit.Opnemen,
        "Signalen van witwassen via vastgoed en hennepteelt; bestuurlijke, strafrechtelijke en fiscale interventies zijn denkbaar.",
        [OrganisatieRequest.GemeenteTilburg, OrganisatieRequest.PolitieZwb, OrganisatieRequest.Belastingdienst], null, new DateOnly(2026, 11, 5));
}
