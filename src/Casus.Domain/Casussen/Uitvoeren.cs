using Casus.Domain.Gedeeld;

namespace Casus.Domain.Casussen;

/// <summary>Step 4, uitvoeren: a joined partner registers an intervention it carried out, optionally for one of
/// the advised interventions (<see cref="AdviesNummer"/>), with the Tabel 2 amounts that apply.</summary>
public sealed record InterventieRegistreren(
    Instrument Instrument, string PartnerId, DateOnly Datum, string Resultaat, Bedragen Bedragen, int? AdviesNummer)
    : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.InterventieRegistreren;
}

/// <summary>The interventions are done (for now): the casus moves to evalueren.</summary>
public sealed record UitvoeringAfronden(string? Toelichting, DateOnly? Datum = null) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.UitvoeringAfronden;
}

public sealed record InterventieGeregistreerd(
    int Nummer, Instrument Instrument, string PartnerId, DateOnly Datum, string Resultaat, Bedragen Bedragen, int? AdviesNummer)
    : ICasusGebeurtenis;

public sealed record UitvoeringAfgerond(string? Toelichting, DateOnly? Datum = null) : ICasusGebeurtenis;

public static class Uitvoeren
{
    public static Beslissing InterventieRegistreren(IntegraleCasus casus, InterventieRegistreren c)
    {
        if (InformatieDelenEnAnalyseren.NietAangesloten(casus, c.PartnerId) is { } schending) return schending;
        if (c.AdviesNummer is { } nummer)
        {
            var advies = casus.Interventieadviezen.FirstOrDefault(a => a.Nummer == nummer);
            if (advies is null)
                return Beslissing.Geweigerd(Regels.AdviesOnbekend, $"Geadviseerde interventie {nummer} bestaat niet in deze casus.");
            if (advies.PartnerId != c.PartnerId || advies.Instrument != c.Instrument)
                return Beslissing.Geweigerd(Regels.AdviesAnderePartnerOfInstrument,
                    $"Geadviseerde interventie {nummer} is een {advies.Instrument}-interventie voor {advies.PartnerId}.");
        }
        return Beslissing.Gebeurd(new InterventieGeregistreerd(
            casus.Interventies.Count + 1, c.Instrument, c.PartnerId, c.Datum, c.Resultaat, c.Bedragen, c.AdviesNummer));
    }

    public static Beslissing Afronden(UitvoeringAfronden c) => Beslissing.Gebeurd(new UitvoeringAfgerond(c.Toelichting, c.Datum));
}
