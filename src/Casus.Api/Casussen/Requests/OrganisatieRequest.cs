using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Casussen.Requests;

/// <summary>A partner organisation.</summary>
/// <param name="Id">Stable identifier of the organisation, e.g. its OIN (20 digits).</param>
/// <param name="Naam">Name, e.g. "Gemeente Tilburg".</param>
/// <param name="Type">The kind of convenant partner.</param>
public sealed record OrganisatieRequest(
    [property: Required, MaxLength(100)] string? Id, [property: Required, MaxLength(200)] string? Naam, [property: Required] PartnerType? Type)
{
    public Organisatie ToOrganisatie(InputValidator v, string path)
    {
        var r = new Velden<OrganisatieRequest>(v);
        return new(r.Text(Id, $"{path}.id"), r.Text(Naam, $"{path}.naam"), v.Required(Type, $"{path}.type"));
    }

    public static OrganisatieRequest GemeenteTilburg { get; } = new("00000001001172773000", "Gemeente Tilburg", PartnerType.Gemeente);
    public static OrganisatieRequest PolitieZwb { get; } = new("00000001003214345000", "Politie eenheid Zeeland-West-Brabant", PartnerType.Politie);
    public static OrganisatieRequest Belastingdienst { get; } = new("00000001003214369000", "Belastingdienst", PartnerType.Belastingdienst);
}

/// <summary>A theme of the casus; a regional theme ("regionaal") needs a name.</summary>
public sealed record ThemaRequest([property: Required] ThemaSoort? Soort, [property: MaxLength(200)] string? Naam = null)
{
    public Thema ToThema(InputValidator v, string path)
    {
        var soort = v.Required(Soort, $"{path}.soort");
        var naam = new Velden<ThemaRequest>(v).OptionalText(Naam, $"{path}.naam");
        if (soort == ThemaSoort.Regionaal && naam is null)
            v.Add($"{path}.naam", "required", "Een regionaal thema heeft een naam.");
        if (soort != ThemaSoort.Regionaal && naam is not null)
            v.Add($"{path}.naam", "not-allowed", "Alleen een regionaal thema heeft een naam.");
        return new Thema(soort, naam);
    }
}
