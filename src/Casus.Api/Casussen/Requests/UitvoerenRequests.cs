using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 4: a joined partner registers an intervention it carried out, with the Tabel 2 amounts (euros,
/// not negative, at most 2 decimals) that apply.</summary>
/// <param name="Instrument">The kind of intervention.</param>
/// <param name="PartnerId">Id of the joined organisation that carried it out.</param>
/// <param name="Datum">When it was carried out (not in the future).</param>
/// <param name="Resultaat">What it achieved.</param>
/// <param name="Bedragen">Opgelegd, geïnd of verrekend, beslag: only those that apply.</param>
/// <param name="AdviesNummer">Number of the advised intervention this carries out, if any.</param>
public sealed record InterventieRequest(
    [property: Required] Instrument? Instrument, [property: Required, MaxLength(100)] string? PartnerId, [property: Required] DateOnly? Datum,
    [property: Required, MaxLength(4000)] string? Resultaat, Bedragen? Bedragen = null, [property: Range(1, int.MaxValue)] int? AdviesNummer = null)
    : ICommandRequest<InterventieRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var bedragen = Bedragen ?? new Bedragen();
        Bedrag(v, bedragen.Opgelegd, "bedragen.opgelegd");
        Bedrag(v, bedragen.GeindOfVerrekend, "bedragen.geindOfVerrekend");
        Bedrag(v, bedragen.Beslag, "bedragen.beslag");
        var r = new Velden<InterventieRequest>(v);
        return new InterventieRegistreren(v.Required(Instrument, "instrument"), r.Text(PartnerId, "partnerId"),
            v.PastDate(Datum, "datum"), r.Text(Resultaat, "resultaat"), bedragen, r.Integer(AdviesNummer, "adviesNummer"));
    }

    private static void Bedrag(InputValidator v, decimal? bedrag, string path)
    {
        if (bedrag is < 0) v.Add(path, "invalid", "Een bedrag is niet negatief.");
        if (bedrag is { } b && decimal.Round(b, 2) != b) v.Add(path, "invalid", "Een bedrag heeft hoogstens 2 decimalen (centen).");
    }

    public static InterventieRequest Example { get; } = new(Domain.Gedeeld.Instrument.Fiscaal, OrganisatieRequest.Belastingdienst.Id,
        new DateOnly(2026, 11, 20), "Navorderingsaanslag opgelegd; beslag gelegd op het pand.",
        new Bedragen(Opgelegd: 412_000m, GeindOfVerrekend: 0m, Beslag: 412_000m), 2);
}

/// <summary>Step 4 done (for now): the casus moves to evalueren.</summary>
public sealed record UitvoeringsafrondingRequest([property: MaxLength(4000)] string? Toelichting = null) : ICommandRequest<UitvoeringsafrondingRequest>
{
    public ICasusCommando ToCommand(InputValidator v) =>
        new UitvoeringAfronden(new Velden<UitvoeringsafrondingRequest>(v).OptionalText(Toelichting, "toelichting"));

    public static UitvoeringsafrondingRequest Example { get; } = new("Alle geadviseerde interventies zijn uitgevoerd.");
}
