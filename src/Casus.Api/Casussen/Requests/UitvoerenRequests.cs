using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 4: a joined partner registers an intervention it carried out, with the Tabel 2 amounts (euros,
/// not negative, at most 2 decimals, at most one billion) that apply.</summary>
/// <param name="Instrument">The kind of intervention.</param>
/// <param name="PartnerId">Id of the joined organisation that carried it out.</param>
/// <param name="Datum">When it was carried out (business date): not before the
/// casus entered uitvoeren.</param>
/// <param name="Resultaat">What it achieved.</param>
/// <param name="Bedragen">Opgelegd, geïnd of verrekend, beslag: only those that apply.</param>
/// <param name="AdviesNummer">Number of the advised intervention this carries out, if any.</param>
public sealed record InterventieRequest(
    [property: Required] Instrument? Instrument, [property: Required, MaxLength(100)] string? PartnerId, [property: Required, Bedrijfsdatum] DateOnly? Datum,
    [property: Required, MaxLength(4000)] string? Resultaat, Bedragen? Bedragen = null, [property: Range(1, int.MaxValue)] int? AdviesNummer = null)
    : ICommandRequest<InterventieRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var bedragen = Bedragen ?? new Bedragen();
        v.Bedrag(bedragen.Opgelegd, "bedragen.opgelegd");
        v.Bedrag(bedragen.GeindOfVerrekend, "bedragen.geindOfVerrekend");
        v.Bedrag(bedragen.Beslag, "bedragen.beslag");
        var r = new Velden<InterventieRequest>(v);
        return new InterventieRegistreren(v.Required(Instrument, "instrument"), r.Text(PartnerId, "partnerId"),
            v.PastDate(Datum, "datum"), r.Text(Resultaat, "resultaat"), bedragen, r.Integer(AdviesNummer, "adviesNummer"));
    }

    public static InterventieRequest Example { get; } = new(Domain.Gedeeld.Instrument.Fiscaal, OrganisatieRequest.Belastingdienst.Id,
        new DateOnly(2026, 11, 20), "Navorderingsaanslag opgelegd; beslag gelegd op het pand.",
        new Bedragen(Opgelegd: 412_000m, GeindOfVerrekend: 0m, Beslag: 412_000m), 2);
}

/// <summary>Step 4 done (for now): the casus moves to evalueren.</summary>
/// <param name="Toelichting">An optional explanation.</param>
/// <param name="Datum">The day the execution ended (business date): not before
/// anything recorded in the casus so far (the interventions). Default: today.</param>
public sealed record UitvoeringsafrondingRequest([property: MaxLength(4000)] string? Toelichting = null, [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<UitvoeringsafrondingRequest>
{
    public ICasusCommando ToCommand(InputValidator v) =>
        new UitvoeringAfronden(new Velden<UitvoeringsafrondingRequest>(v).OptionalText(Toelichting, "toelichting"), v.Bedrijfsdatum(Datum, "datum"));

    public static UitvoeringsafrondingRequest Example { get; } = new("Alle geadviseerde interventies zijn uitgevoerd.", new DateOnly(2026, 11, 21));
}
