using Casus.Domain.Privacy;
using Casus.Projections.Persoonsgegevens;

namespace Casus.Api.Privacy;

/// <summary>The settings of retention and destruction (docs/privacy.md, docs/operations.md):
/// <c>Casus:Bewaartermijnen:AfgeslotenMaanden</c>, <c>…:NietOpgenomenMaanden</c>, <c>…:BewaarplichtMaanden</c> (the terms of the
/// register), <c>Casus:Vernietiging:VeegSeconden</c> (how often the sweep proposes destruction lists; 0: off) and
/// <c>…:MaxPerLijst</c>, and the key-encryption key of the data keys, <c>Casus:Persoonsgegevens:Sleutel</c>.</summary>
public static class BewaarInstellingen
{
    public const string Termijnen = "Casus:Bewaartermijnen";
    public const string Vernietiging = "Casus:Vernietiging";
    public const string Sleutel = "Casus:Persoonsgegevens:Sleutel";

    public static Bewaarbeleid Lees(IConfiguration configuration)
    {
        var section = configuration.GetSection(Termijnen);
        var standaard = Bewaarbeleid.Standaard;
        var beleid = new Bewaarbeleid(
            Maanden(section.GetValue("AfgeslotenMaanden", standaard.AfgeslotenMaanden), "AfgeslotenMaanden"),
            Maanden(section.GetValue("NietOpgenomenMaanden", standaard.NietOpgenomenMaanden), "NietOpgenomenMaanden"),
            Maanden(section.GetValue("BewaarplichtMaanden", standaard.BewaarplichtMaanden), "BewaarplichtMaanden"));
        if (beleid.BewaarplichtMaanden > Math.Min(beleid.AfgeslotenMaanden, beleid.NietOpgenomenMaanden))
            throw new InvalidOperationException($"{Termijnen}:BewaarplichtMaanden ({beleid.BewaarplichtMaanden}) cannot be longer than the retention terms: " +
                "data would be destroyed while they must still be kept.");
        return beleid;
    }

    /// <summary>How often the destruction sweep runs (default once a day); null when set to 0: off.</summary>
    public static TimeSpan? Veeg(IConfiguration configuration) =>
        configuration.GetSection(Vernietiging).GetValue("VeegSeconden", 86_400.0) is var seconden && seconden <= 0
            ? null
            : TimeSpan.FromSeconds(Math.Clamp(seconden, 0.1, 7 * 86_400));

    /// <summary>At most this many casussen on one list (default 1,000): a list is something people can check.</summary>
    public static int MaxPerLijst(IConfiguration configuration) =>
        Math.Clamp(configuration.GetSection(Vernietiging).GetValue("MaxPerLijst", 1000), 1, 100_000);

    /// <summary>The key-encryption key: configured (base64, at least 32 bytes), or in Development and Testing a fixed public one.</summary>
    public static byte[] Hoofdsleutel(IConfiguration configuration, bool lokaal)
    {
        if (configuration[Sleutel] is { } waarde)
        {
            var bytes = Convert.FromBase64String(waarde);
            return bytes.Length >= 32 ? bytes : throw new InvalidOperationException($"{Sleutel} must be at least 32 bytes (base64).");
        }
        return lokaal ? Sleutelring.OntwikkelSleutel
            : throw new InvalidOperationException($"Configure {Sleutel} (base64, at least 32 bytes): the key that protects the data keys of personal data.");
    }

    private static int Maanden(int maanden, string naam) => maanden is > 0 and <= 1200
        ? maanden
        : throw new InvalidOperationException($"{Termijnen}:{naam} must be from 1 to 1200 months (is {maanden}).");
}
