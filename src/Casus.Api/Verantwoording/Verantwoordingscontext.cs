using Casus.Domain.Casussen;

namespace Casus.Api.Verantwoording;

/// <summary>What a request did, told by its handler to <see cref="VerantwoordingFilter"/> (one per request).</summary>
public sealed class Verantwoordingscontext
{
    /// <summary>The casus the request touched, as it is after the request.</summary>
    public IntegraleCasus? Casus { get; private set; }

    /// <summary>The step under which its subjects were processed (for a command: the step it was given in).</summary>
    public Stap? Stap { get; private set; }

    /// <summary>Whether the subjects' personal data was processed (false for a hidden casus that was only looked up).</summary>
    public bool Verwerkt { get; private set; }

    /// <summary>The true reason of a refusal whose answer hides it (a casus answered as 404 because it is not visible).</summary>
    public string? Weigering { get; private set; }

    /// <summary>The region a request without one casus was about (e.g. a chain check of a whole region).</summary>
    public Domain.Gedeeld.RiecRegio? Regio { get; private set; }

    /// <summary>The processing activity, when it is not the one of <see cref="Stap"/> (rectification, erasure).</summary>
    public Domain.Verwerkingen.Verwerkingsactiviteit? Activiteit { get; private set; }

    /// <summary>Processing records besides the casus's subjects: a subject's old pseudonym after rectification, the person of
    /// an erasure request in each casus (with their own status).</summary>
    public List<ExtraVerwerking> Extra { get; } = [];

    public void BetrofRegio(Domain.Gedeeld.RiecRegio regio) => Regio = regio;

    public void Verwerkte(IntegraleCasus casus, Stap? stap = null, Domain.Verwerkingen.Verwerkingsactiviteit? activiteit = null)
    {
        Casus = casus;
        Stap = stap ?? casus.Stap;
        Activiteit = activiteit;
        Verwerkt = true;
    }

    public void VerwerkteOok(ExtraVerwerking verwerking) => Extra.Add(verwerking);

    /// <summary>The casus was looked up without processing its subjects' personal data (e.g. reading its audit log).</summary>
    public void Raadpleegde(IntegraleCasus casus) => Casus = casus;

    public void Verborg(IntegraleCasus casus, Domain.Toegang.Toegangsbesluit besluit)
    {
        Casus = casus;
        Weigering = $"{besluit.Code}: {besluit.Reden}";
    }
}

/// <summary>One processing record of one pseudonym in one casus, under <paramref name="Activiteit"/>, with <paramref name="Status"/>.</summary>
public sealed record ExtraVerwerking(Guid CasusId, Domain.Gedeeld.RiecRegio Regio, string Pseudoniem, Domain.Verwerkingen.Verwerkingsactiviteit Activiteit, string Status);
