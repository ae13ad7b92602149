using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 1: a partner brings in a signaal, which starts a new casus.</summary>
/// <param name="Regio">The RIEC region that handles the signaal.</param>
/// <param name="Indiener">The organisation that brings the signaal in.</param>
/// <param name="Datum">The date of the signaal (not in the future).</param>
/// <param name="Omschrijving">The suspicion and its facts.</param>
/// <param name="Themas">One or more themes (Tabel 1, rows 3a-3f).</param>
/// <param name="UitOndermijningsbeeld">The signaal comes from an ondermijningsbeeld (Tabel 1, row 2a). Default false.</param>
public sealed record SignaalIndienenRequest(
    [property: Required] RiecRegio? Regio,
    [property: Required] OrganisatieRequest? Indiener,
    [property: Required] DateOnly? Datum,
    [property: Required, MaxLength(4000)] string? Omschrijving,
    [property: Required, MaxLength(6)] IReadOnlyList<ThemaRequest?>? Themas,
    bool? UitOndermijningsbeeld = false)
{
    public SignaalIndienen ToCommand(InputValidator v, Guid casusId)
    {
        var r = new Velden<SignaalIndienenRequest>(v);
        return new SignaalIndienen(casusId, v.Required(Regio, "regio"), v.Required(Indiener, "indiener", (o, p) => o.ToOrganisatie(v, p)),
            v.PastDate(Datum, "datum"),
            r.Text(Omschrijving, "omschrijving"), r.List(Themas, "themas", (t, p) => t.ToThema(v, p)),
            UitOndermijningsbeeld ?? false);
    }

    public static SignaalIndienenRequest Example { get; } = new(
        RiecRegio.TaskforceBrabantZeeland, OrganisatieRequest.GemeenteTilburg, new DateOnly(2026, 11, 2),
        "Bij controle van een bedrijfspand aan de Ringbaan-Oost bleek een grote hennepkwekerij; de huurder is een " +
        "recent opgerichte bv, het pand is contant gekocht.",
        [new ThemaRequest(ThemaSoort.HennepteeltEnDrugs), new ThemaRequest(ThemaSoort.Vastgoed),
         new ThemaRequest(ThemaSoort.Regionaal, "Buitengebied")]);
}
