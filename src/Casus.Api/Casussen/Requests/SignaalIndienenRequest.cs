using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 1: a partner brings in a signaal, which starts a new casus.</summary>
/// <param name="Regio">The RIEC region that handles the signaal.</param>
/// <param name="Indiener">The organisation that brings the signaal in (a RIEC that registers a signaal of its own, e.g. from
/// an ondermijningsbeeld, is no source in Tabel 1 rows 2b-2f).</param>
/// <param name="Datum">The date of the signaal.</param>
/// <param name="Omschrijving">The suspicion and its facts.</param>
/// <param name="Themas">The themes (Tabel 1, rows 3a-3f), at most 6; none or absent: a casus without a theme (counted as such
/// in the jaarcijfers, not as a regional theme).</param>
/// <param name="UitOndermijningsbeeld">The signaal comes from an ondermijningsbeeld (Tabel 1, row 2a). Default false; true when
/// <c>ondermijningsbeeldId</c> is given.</param>
/// <param name="Bronnen">Other organisations that brought in the same signaal besides the indiener (a casus can have several
/// sources; Tabel 1 rows 2b-2f count each once), at most 20.</param>
/// <param name="OndermijningsbeeldId">The registered ondermijningsbeeld of the region the signaal came from
/// (<c>GET /regios/{regio}/ondermijningsbeelden</c>).</param>
/// <param name="Referentie">The region's own reference of the casus (e.g. from its former registration), unique within the
/// region: a second casus with it is refused (409 <c>casus.referentie-bestaat</c>).</param>
public sealed record SignaalIndienenRequest(
    [property: Required] RiecRegio? Regio,
    [property: Required] OrganisatieRequest? Indiener,
    [property: Required, Bedrijfsdatum] DateOnly? Datum,
    [property: Required, MaxLength(4000)] string? Omschrijving,
    [property: MaxLength(6)] IReadOnlyList<ThemaRequest?>? Themas = null,
    bool? UitOndermijningsbeeld = false,
    [property: MaxLength(20)] IReadOnlyList<OrganisatieRequest?>? Bronnen = null,
    Guid? OndermijningsbeeldId = null,
    [property: MaxLength(100)] string? Referentie = null)
{
    public SignaalIndienen ToCommand(InputValidator v, Guid casusId)
    {
        var r = new Velden<SignaalIndienenRequest>(v);
        return new SignaalIndienen(casusId, v.Required(Regio, "regio"), v.Required(Indiener, "indiener", (o, p) => o.ToOrganisatie(v, p)),
            v.PastDate(Datum, "datum"),
            r.Text(Omschrijving, "omschrijving"), r.OptionalList(Themas, "themas", (t, p) => t.ToThema(v, p)),
            UitOndermijningsbeeld ?? false, r.OptionalList(Bronnen, "bronnen", (o, p) => o.ToOrganisatie(v, p)), OndermijningsbeeldId,
            r.OptionalText(Referentie, "referentie"));
    }

    public static SignaalIndienenRequest Example { get; } = new(
        RiecRegio.TaskforceBrabantZeeland, OrganisatieRequest.GemeenteTilburg, new DateOnly(2026, 11, 2),
        "Bij controle van een bedrijfspand aan de Ringbaan-Oost bleek een grote hennepkwekerij; de huurder is een " +
        "recent opgerichte bv, het pand is contant gekocht.",
        [new ThemaRequest(ThemaSoort.HennepteeltEnDrugs), new ThemaRequest(ThemaSoort.Vastgoed),
         new ThemaRequest(ThemaSoort.Regionaal, "Buitengebied")],
        Bronnen: [OrganisatieRequest.PolitieZwb]);
}
