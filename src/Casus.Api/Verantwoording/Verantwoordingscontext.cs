using Casus.Api.BestuurlijkeSignalen;
using Casus.Api.Http;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Verwerkingen;
using Microsoft.AspNetCore.Mvc;

namespace Casus.Api.Verantwoording;

/// <summary>One processing of personal data a request did, for the processing log: under <see cref="Activiteit"/>, in the
/// casus (or signaal) <see cref="StroomId"/> of <see cref="Regio"/>, of the data subjects identified by <see cref="Sleutels"/>
/// (pseudonymised by <see cref="VerantwoordingFilter"/>; never stored as they are).
/// <see cref="OokBijWeigering"/>: the processing happened whatever the answer (a check that read the data to decide).</summary>
public sealed record Verwerkingsopdracht(
    Verwerkingsactiviteit Activiteit, Guid StroomId, string Regio, IReadOnlyList<string> Sleutels, bool OokBijWeigering = false);

/// <summary>What a request did, told by its handler to <see cref="VerantwoordingFilter"/> (one per request), for a casus or a
/// bestuurlijk signaal alike: what it touched (for the audit record), whose personal data it processed (for the processing
/// log), why a refusal was hidden, and which answers a lost race gets.</summary>
public sealed class Verantwoordingscontext
{
    private readonly List<Verwerkingsopdracht> _verwerkingen = [];

    /// <summary>The casus the request touched, as it is after the request.</summary>
    public IntegraleCasus? Casus { get; private set; }

    /// <summary>The step under which its subjects were processed (for a command: the step it was given in).</summary>
    public Stap? Stap { get; private set; }

    /// <summary>Whether the casus's subjects were processed (false for a hidden casus that was only looked up).</summary>
    public bool Verwerkt { get; private set; }

    /// <summary>The bestuurlijk signaal the request touched (its id is the audit record's <c>casus_id</c>).</summary>
    public Guid? SignaalId { get; private set; }

    /// <summary>The true reason of a refusal whose answer hides it (answered as 404 because it is not visible).</summary>
    public string? Weigering { get; private set; }

    /// <summary>The region a request without one casus was about (e.g. a chain check of a whole region).</summary>
    public RiecRegio? Regio { get; private set; }

    /// <summary>The id of the stream (casus or signaal) the request touched, if any.</summary>
    public Guid? StroomId => Casus?.Id ?? SignaalId;

    /// <summary>The processing activity, when it is not the one of <see cref="Stap"/> (rectification, erasure).</summary>
    public Verwerkingsactiviteit? Activiteit { get; private set; }

    /// <summary>Processing records besides the subjects' keys: a subject's old pseudonym after rectification, the person of
    /// an erasure request in each casus (with their own status).</summary>
    public List<ExtraVerwerking> Extra { get; } = [];

    /// <summary>Every processing of personal data to log when the request succeeds. Only the subjects whose data can still be
    /// read are processed; a destroyed subject is no one any more.</summary>
    public IEnumerable<Verwerkingsopdracht> Verwerkingen =>
        (Verwerkt && Casus is { } casus && Stap is { } stap
            ? [new Verwerkingsopdracht(Activiteit ?? Verwerkingsregister.VoorStap(stap), casus.Id, Names.Of(casus.Regio),
                Domain.Privacy.Persoonsgegevens.Leesbaar(casus).Select(s => s.Sleutel).Distinct().ToList())]
            : Array.Empty<Verwerkingsopdracht>())
        .Concat(_verwerkingen);

    public void BetrofRegio(RiecRegio regio) => Regio = regio;

    public void VerwerkteOok(ExtraVerwerking verwerking) => Extra.Add(verwerking);

    public void Verwerkte(IntegraleCasus casus, Stap? stap = null, Verwerkingsactiviteit? activiteit = null)
    {
        Casus = casus;
        Stap = stap ?? casus.Stap;
        Activiteit = activiteit;
        Verwerkt = true;
    }

    /// <summary>The casus was looked up without processing its subjects' personal data (e.g. reading its audit log).</summary>
    public void Raadpleegde(IntegraleCasus casus) => Casus = casus;

    public void Verborg(IntegraleCasus casus, Domain.Toegang.Toegangsbesluit besluit)
    {
        Casus = casus;
        Weigering = $"{besluit.Code}: {besluit.Reden}";
    }

    /// <summary>The signaal was shown (or changed): its strategic representatives' names were processed.</summary>
    public void Verwerkte(BestuurlijkSignaal signaal)
    {
        SignaalId = signaal.Id;
        _verwerkingen.RemoveAll(v => v.Activiteit == SignaalVerwerking.Activiteit);
        _verwerkingen.Add(new Verwerkingsopdracht(SignaalVerwerking.Activiteit, signaal.Id, SignaalVerwerking.Regio,
            signaal.Indieners.Select(i => i.Sleutel).Distinct().ToList()));
    }

    /// <summary>The signaal was looked up without showing personal data (a list, its chain check, its logs).</summary>
    public void Raadpleegde(Guid signaalId) => SignaalId = signaalId;

    public void Verborg(Guid signaalId, Domain.Toegang.Toegangsbesluit besluit)
    {
        SignaalId = signaalId;
        Weigering = $"{besluit.Code}: {besluit.Reden}";
    }

    /// <summary>The subjects of <paramref name="casus"/> were read to check a signaal's text for them (<c>Subjectcontrole</c>):
    /// processed in that casus, under the check's own activity.</summary>
    public void ControleerdeSubjectenVan(IntegraleCasus casus) =>
        _verwerkingen.Add(new Verwerkingsopdracht(SignaalVerwerking.Subjectcontrole, casus.Id, Names.Of(casus.Regio),
            Domain.Privacy.Persoonsgegevens.Leesbaar(casus).Select(s => s.Sleutel).Distinct().ToList(), OokBijWeigering: true));

    /// <summary>The answer when another request appended first: with <c>If-Match</c> the stale version (412) of the stream this
    /// request touched, otherwise a concurrent change (409); the signaal's own codes for a signaal.</summary>
    public ProblemDetails Gelijktijdig(bool metIfMatch, long? huidigeVersie) =>
        SignaalId is not null && Casus is null
            ? metIfMatch && huidigeVersie is { } s ? SignaalProblems.VersieVerouderd(s) : SignaalProblems.GelijktijdigeWijziging()
            : metIfMatch && huidigeVersie is { } c ? Http.Problems.StaleVersion(c) : Http.Problems.ConcurrentChange();
}

/// <summary>One processing record of one pseudonym in one casus, under <paramref name="Activiteit"/>, with <paramref name="Status"/>.</summary>
public sealed record ExtraVerwerking(Guid CasusId, RiecRegio Regio, string Pseudoniem, Verwerkingsactiviteit Activiteit, string Status);
