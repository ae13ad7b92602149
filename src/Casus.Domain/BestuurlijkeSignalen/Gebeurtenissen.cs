namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>Marks the events of a bestuurlijk-signaal stream.</summary>
public interface ISignaalGebeurtenis;

/// <summary>A draft is opened by one or more indieners, optionally linked to the casus it came from (only its id).</summary>
public sealed record SignaalOpgesteld(Guid SignaalId, Guid? CasusId, DateOnly Datum, IReadOnlyList<Indiener> Indieners, SignaalInhoud Inhoud)
    : ISignaalGebeurtenis;

public sealed record SignaalInhoudGewijzigd(SignaalInhoud Inhoud) : ISignaalGebeurtenis;

public sealed record SignaalIndienerToegevoegd(Indiener Indiener) : ISignaalGebeurtenis;

/// <summary>The LIEC's loket advises the indieners on the draft.</summary>
public sealed record LiecAdviesGegeven(DateOnly Datum, string Advies) : ISignaalGebeurtenis;

/// <summary>The fact-checking meeting of the indieners with the officials of the ministries the signaal addresses.</summary>
public sealed record ToetsingsoverlegGehouden(DateOnly Datum, IReadOnlyList<string> Ministeries) : ISignaalGebeurtenis;

/// <summary>The indieners submit definitively; <paramref name="InhoudHash"/> is the SHA-256 of the submitted text
/// (<see cref="Inhoudhash"/>). Nothing of the text changes after this.</summary>
public sealed record SignaalDefinitiefIngediend(DateOnly Datum, string InhoudHash) : ISignaalGebeurtenis;

public sealed record SignaalIngetrokken(DateOnly Datum, string Reden) : ISignaalGebeurtenis;

/// <summary>The LIEC offers the signaal to the ministers and asks for one joint answer by <paramref name="ReactieUiterlijk"/>
/// (three months).</summary>
public sealed record SignaalAangeboden(DateOnly Datum, IReadOnlyList<string> Ministeries, DateOnly ReactieUiterlijk) : ISignaalGebeurtenis;

public sealed record SignaalReactieOntvangen(DateOnly Datum, string Samenvatting) : ISignaalGebeurtenis;

/// <summary>The LIEC passed the answer on to the indieners: the procedure is complete. The effect is asked for by
/// <paramref name="EffectUiterlijk"/> (six months).</summary>
public sealed record SignaalAfgerond(DateOnly Datum, DateOnly EffectUiterlijk) : ISignaalGebeurtenis;

/// <summary>The indieners record the effect (gevolg) of the signaal.</summary>
public sealed record SignaalEffectVastgelegd(DateOnly Datum, string Effect) : ISignaalGebeurtenis;

/// <summary>Consent to publish: of one indiener (<paramref name="Door"/> = its organisation id) for the signaal, or of the
/// ministries (<paramref name="Door"/> = <see cref="Publicatie.Ministeries"/>) for their answer.</summary>
public sealed record PublicatieToestemmingGegeven(PublicatieOnderdeel Onderdeel, string Door, DateOnly Datum) : ISignaalGebeurtenis;

public sealed record SignaalGepubliceerd(PublicatieOnderdeel Onderdeel, DateOnly Datum, string Vindplaats) : ISignaalGebeurtenis;

/// <summary>A term of the signaal passed without the awaited fact; recorded once per term by the system's term monitoring.</summary>
public sealed record SignaalTermijnVerstreken(string Sleutel, SignaalTermijnSoort Soort, string WachtOp, DateOnly Uiterlijk) : ISignaalGebeurtenis;

public static class Publicatie
{
    /// <summary>Who consents to publishing the answer.</summary>
    public const string Ministeries = "ministeries";
}
