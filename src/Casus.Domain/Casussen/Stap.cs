namespace Casus.Domain.Casussen;

/// <summary>Where a casus stands in the six steps of the Werkwijze Integrale Casusaanpak.
/// <see cref="SignaalIngediend"/> is step 1 done (waiting for verkenning); <see cref="Afgesloten"/> is step 6.</summary>
public enum Stap
{
    SignaalIngediend,
    Verkennen,
    InformatieDelenEnAnalyseren,
    Uitvoeren,
    Evalueren,
    Afgesloten,
}
