namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>The steps of the procedure of the Landelijk Loket Bestuurlijke Signalen (LIEC): drafting with the LIEC's advice,
/// the fact-checking meeting with the ministries' officials, definitive submission (from then on the text is frozen), the LIEC
/// offering it to the ministers, their joint answer, passing it on (the procedure is then complete), and the effect six months
/// later. <see cref="Ingetrokken"/>: withdrawn before definitive submission.</summary>
public enum SignaalStap
{
    Concept,
    ToetsingsoverlegGehouden,
    DefinitiefIngediend,
    AangebodenAanBewindspersonen,
    ReactieOntvangen,
    Afgerond,
    EffectVastgelegd,
    Ingetrokken,
}

/// <summary>Every command a bestuurlijk signaal accepts; <see cref="Procedure.Tabel"/> says in which step.</summary>
public enum SignaalCommandoSoort
{
    Opstellen,
    InhoudWijzigen,
    IndienerToevoegen,
    LiecAdviesGeven,
    ToetsingsoverlegVastleggen,
    DefinitiefIndienen,
    Intrekken,
    Aanbieden,
    ReactieVastleggen,
    Afronden,
    EffectVastleggen,
    ToestemmingVastleggen,
    Publiceren,
}

/// <summary>What can be published after the procedure: the signaal itself (consent of every indiener) or the ministries'
/// answer (consent of the ministries).</summary>
public enum PublicatieOnderdeel
{
    Signaal,
    Reactie,
}
