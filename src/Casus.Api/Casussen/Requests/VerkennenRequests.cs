using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 2: the RIEC starts exploring the signaal.</summary>
/// <param name="Coordinator">The RIEC coordinator responsible for the verkenning.</param>
public sealed record VerkenningStartenRequest([property: Required, MaxLength(200)] string? Coordinator) : ICommandRequest<VerkenningStartenRequest>
{
    public ICasusCommando ToCommand(InputValidator v) => new VerkenningStarten(new Velden<VerkenningStartenRequest>(v).Text(Coordinator, "coordinator"));

    public static VerkenningStartenRequest Example { get; } = new("J. de Vries (RIEC Zeeland-West-Brabant)");
}

/// <summary>The outcome of verkennen: take the casus up ("opnemen": motivation and the partners needed, who join the
/// casus) or not ("niet-opnemen": a reason; the casus is closed). The decision is dated today.</summary>
public sealed record VerkenningsbesluitRequest(
    [property: Required] Verkenningsbesluit? Besluit,
    [property: MaxLength(4000)] string? Motivering,
    [property: MaxLength(100)] IReadOnlyList<OrganisatieRequest?>? Partners,
    [property: MaxLength(4000)] string? Reden) : ICommandRequest<VerkenningsbesluitRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var r = new Velden<VerkenningsbesluitRequest>(v);
        var besluit = v.Required(Besluit, "besluit");
        if (besluit == Verkenningsbesluit.Opnemen)
        {
            if (Reden is not null) v.Add("reden", "not-allowed", "Een reden hoort bij 'niet-opnemen'; geef bij 'opnemen' een motivering.");
            return new VerkenningBesluiten(besluit, r.Text(Motivering, "motivering"),
                r.List(Partners, "partners", (p, path) => p.ToOrganisatie(v, path)), null, v.Today);
        }
        if (Motivering is not null || Partners is not null)
            v.Add(Motivering is not null ? "motivering" : "partners", "not-allowed", "Bij 'niet-opnemen' horen alleen besluit en reden.");
        return new VerkenningBesluiten(besluit, null, [], r.Text(Reden, "reden"), v.Today);
    }

    public static VerkenningsbesluitRequest Example { get; } = new(Verkenningsbesluit.Opnemen,
        "Signalen van witwassen via vastgoed en hennepteelt; bestuurlijke, strafrechtelijke en fiscale interventies zijn denkbaar.",
        [OrganisatieRequest.GemeenteTilburg, OrganisatieRequest.PolitieZwb, OrganisatieRequest.Belastingdienst], null);
}
