using Casus.Domain.Gedeeld;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>Marks the commands a bestuurlijk signaal accepts; <see cref="Soort"/> is its row key in <see cref="Procedure.Tabel"/>.</summary>
public interface ISignaalCommando
{
    SignaalCommandoSoort Soort { get; }
}

/// <summary>Commands that change the signaal itself: refused with <see cref="SignaalRegels.DefinitiefIngediend"/> once it
/// was submitted definitively.</summary>
public interface ISignaalWijziging : ISignaalCommando;

public sealed record SignaalOpstellen(Guid SignaalId, Guid? CasusId, DateOnly Datum, IReadOnlyList<Indiener> Indieners, SignaalInhoud Inhoud)
    : ISignaalWijziging
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.Opstellen;
}

public sealed record InhoudWijzigen(SignaalInhoud Inhoud) : ISignaalWijziging
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.InhoudWijzigen;
}

public sealed record IndienerToevoegen(Indiener Indiener) : ISignaalWijziging
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.IndienerToevoegen;
}

public sealed record LiecAdviesGeven(DateOnly Datum, string Advies) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.LiecAdviesGeven;
}

public sealed record ToetsingsoverlegVastleggen(DateOnly Datum, IReadOnlyList<string> Ministeries) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.ToetsingsoverlegVastleggen;
}

public sealed record DefinitiefIndienen(DateOnly Datum) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.DefinitiefIndienen;
}

public sealed record Intrekken(DateOnly Datum, string Reden) : ISignaalWijziging
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.Intrekken;
}

public sealed record Aanbieden(DateOnly Datum, IReadOnlyList<string> Ministeries) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.Aanbieden;
}

public sealed record ReactieVastleggen(DateOnly Datum, string Samenvatting) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.ReactieVastleggen;
}

public sealed record Afronden(DateOnly Datum) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.Afronden;
}

public sealed record EffectVastleggen(DateOnly Datum, string Effect) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.EffectVastleggen;
}

/// <summary>Consent to publish: for <see cref="PublicatieOnderdeel.Signaal"/> of indiener <paramref name="IndienerId"/>;
/// for <see cref="PublicatieOnderdeel.Reactie"/> of the ministries (<paramref name="IndienerId"/> null).</summary>
public sealed record ToestemmingVastleggen(PublicatieOnderdeel Onderdeel, string? IndienerId, DateOnly Datum) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.ToestemmingVastleggen;
}

public sealed record Publiceren(PublicatieOnderdeel Onderdeel, DateOnly Datum, string Vindplaats) : ISignaalCommando
{
    public SignaalCommandoSoort Soort => SignaalCommandoSoort.Publiceren;
}

/// <summary>What a decision may look at besides the signaal: the subjects of the linked casus (for the check that the text
/// names none of them).</summary>
public sealed record SignaalContext(IReadOnlyList<Subject> CasusSubjecten)
{
    public static SignaalContext Leeg { get; } = new([]);
}
