using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 5: what the interventions achieved and what was learned.</summary>
/// <param name="Effect">What the interventions achieved.</param>
/// <param name="Lessen">What was learned.</param>
/// <param name="Datum">The day of the evaluation (business date): not before the
/// casus entered evalueren. Default: today.</param>
public sealed record EvaluatieRequest([property: Required, MaxLength(4000)] string? Effect, [property: Required, MaxLength(4000)] string? Lessen,
    [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<EvaluatieRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var r = new Velden<EvaluatieRequest>(v);
        return new EvaluatieVastleggen(r.Text(Effect, "effect"), r.Text(Lessen, "lessen"), v.Bedrijfsdatum(Datum, "datum"));
    }

    public static EvaluatieRequest Example { get; } = new(
        "Pand gesloten, kwekerij ontmanteld, aanslag opgelegd en zekergesteld door beslag.",
        "Vroeg betrekken van de Belastingdienst maakte het beslag mogelijk voordat het pand werd verkocht.", new DateOnly(2026, 11, 21));
}

/// <summary>Go back a step: from uitvoeren to informatie-delen-en-analyseren, or from evalueren (after an evaluation)
/// to uitvoeren or informatie-delen-en-analyseren.</summary>
/// <param name="Naar">The step to go back to.</param>
/// <param name="Reden">Why.</param>
/// <param name="Datum">The day of the back-step (business date): not before
/// anything recorded in the casus so far. Default: today.</param>
public sealed record TerugstapRequest([property: Required] Stap? Naar, [property: Required, MaxLength(4000)] string? Reden,
    [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<TerugstapRequest>
{
    public ICasusCommando ToCommand(InputValidator v) =>
        new Terugstappen(v.Required(Naar, "naar"), new Velden<TerugstapRequest>(v).Text(Reden, "reden"), v.Bedrijfsdatum(Datum, "datum"));

    public static TerugstapRequest Example { get; } =
        new(Stap.Uitvoeren, "De evaluatie laat zien dat de huurder een nieuw pand gebruikt.", new DateOnly(2026, 11, 21));
}

/// <summary>Step 6: close the casus with a reason and a date (not before the signaal
/// nor anything recorded in the casus so far).</summary>
public sealed record AfsluitingRequest([property: Required, MaxLength(4000)] string? Reden, [property: Required, Bedrijfsdatum] DateOnly? Datum) : ICommandRequest<AfsluitingRequest>
{
    public ICasusCommando ToCommand(InputValidator v) => new Afsluiten(new Velden<AfsluitingRequest>(v).Text(Reden, "reden"), v.PastDate(Datum, "datum"));

    public static AfsluitingRequest Example { get; } = new("Interventies uitgevoerd en geëvalueerd; geen vervolg nodig.", new DateOnly(2026, 11, 22));
}
