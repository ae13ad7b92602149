namespace Casus.Domain.Privacy;

/// <summary>What happened to one casus of an erasure request: <c>gewist</c>, or <c>geweigerd</c> with the code and reason of the
/// legal check (and, under a bewaarplicht, the last day the data must be kept).</summary>
public sealed record Wisuitkomst(Guid CasusId, IReadOnlyList<int> Subjecten, string Uitkomst, string? Code, string? Reden, DateOnly? BewarenTot)
{
    public const string Gewist = "gewist";
    public const string Geweigerd = "geweigerd";
}

/// <summary>An erasure request (AVG art. 17) as handled, in its own stream: the person only as the pseudonym of the processing
/// log, the legal ground, the privacy officer's reference, who handled it and the outcome per casus. Never personal data of
/// the subject itself, so it is kept forever as the record of the request.</summary>
public sealed record WisverzoekAfgehandeld(
    Guid VerzoekId, string SubjectPseudoniem, Wisgrond Grond, string Kenmerk, bool VrijeTekstVernietigen, DateTimeOffset Op,
    string GebruikerId, string OrganisatieId, IReadOnlyList<Wisuitkomst> Uitkomsten);
