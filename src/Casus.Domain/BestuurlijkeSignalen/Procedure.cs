namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>One row of the procedure table: <see cref="Commando"/> is allowed in <see cref="Van"/> (null: no signaal yet)
/// and leaves the signaal in <see cref="Naar"/>.</summary>
public sealed record SignaalOvergang(SignaalCommandoSoort Commando, SignaalStap? Van, SignaalStap Naar);

/// <summary>The procedure of the Landelijk Loket Bestuurlijke Signalen as data: the one source for which command is allowed
/// where (decisions, 409 answers, tests and docs/bestuurlijk-signaal.md read it). From <see cref="SignaalStap.DefinitiefIngediend"/>
/// on, no row changes the text or the indieners.</summary>
public static class Procedure
{
    public static IReadOnlyList<SignaalOvergang> Tabel { get; } =
    [
        new(SignaalCommandoSoort.Opstellen, null, SignaalStap.Concept),
        new(SignaalCommandoSoort.InhoudWijzigen, SignaalStap.Concept, SignaalStap.Concept),
        new(SignaalCommandoSoort.IndienerToevoegen, SignaalStap.Concept, SignaalStap.Concept),
        new(SignaalCommandoSoort.LiecAdviesGeven, SignaalStap.Concept, SignaalStap.Concept),
        new(SignaalCommandoSoort.ToetsingsoverlegVastleggen, SignaalStap.Concept, SignaalStap.ToetsingsoverlegGehouden),
        new(SignaalCommandoSoort.Intrekken, SignaalStap.Concept, SignaalStap.Ingetrokken),
        new(SignaalCommandoSoort.InhoudWijzigen, SignaalStap.ToetsingsoverlegGehouden, SignaalStap.ToetsingsoverlegGehouden),
        new(SignaalCommandoSoort.LiecAdviesGeven, SignaalStap.ToetsingsoverlegGehouden, SignaalStap.ToetsingsoverlegGehouden),
        new(SignaalCommandoSoort.DefinitiefIndienen, SignaalStap.ToetsingsoverlegGehouden, SignaalStap.DefinitiefIngediend),
        new(SignaalCommandoSoort.Intrekken, SignaalStap.ToetsingsoverlegGehouden, SignaalStap.Ingetrokken),
        new(SignaalCommandoSoort.Aanbieden, SignaalStap.DefinitiefIngediend, SignaalStap.AangebodenAanBewindspersonen),
        new(SignaalCommandoSoort.ReactieVastleggen, SignaalStap.AangebodenAanBewindspersonen, SignaalStap.ReactieOntvangen),
        new(SignaalCommandoSoort.Afronden, SignaalStap.ReactieOntvangen, SignaalStap.Afgerond),
        new(SignaalCommandoSoort.EffectVastleggen, SignaalStap.Afgerond, SignaalStap.EffectVastgelegd),
        new(SignaalCommandoSoort.ToestemmingVastleggen, SignaalStap.Afgerond, SignaalStap.Afgerond),
        new(SignaalCommandoSoort.Publiceren, SignaalStap.Afgerond, SignaalStap.Afgerond),
        new(SignaalCommandoSoort.ToestemmingVastleggen, SignaalStap.EffectVastgelegd, SignaalStap.EffectVastgelegd),
        new(SignaalCommandoSoort.Publiceren, SignaalStap.EffectVastgelegd, SignaalStap.EffectVastgelegd),
    ];

    public static SignaalOvergang? Zoek(SignaalCommandoSoort commando, SignaalStap? van) =>
        Tabel.FirstOrDefault(o => o.Commando == commando && o.Van == van);

    public static IReadOnlyList<SignaalCommandoSoort> Toegestaan(SignaalStap? van) =>
        Tabel.Where(o => o.Van == van).Select(o => o.Commando).Distinct().ToList();

    /// <summary>From definitive submission on, the submitted text is frozen.</summary>
    public static bool IsIngediend(SignaalStap stap) =>
        stap is not (SignaalStap.Concept or SignaalStap.ToetsingsoverlegGehouden or SignaalStap.Ingetrokken);
}
