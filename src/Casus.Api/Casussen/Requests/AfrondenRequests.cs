using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 5: what the interventions achieved and what was learned.</summary>
public sealed record EvaluatieRequest([property: Required, MaxLength(4000)] string? Effect, [property: Required, MaxLength(4000)] string? Lessen)
    : ICommandRequest<EvaluatieRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var r = new Velden<EvaluatieRequest>(v);
        return new EvaluatieVastleggen(r.Text(Effect, "effect"), r.Text(Lessen, "lessen"));
    }

    public static EvaluatieRequest Example { get; } = new(
        "Pand gesloten, kwekerij ontmanteld, aanslag opgelegd en zekergesteld door beslag.",
        "Vroeg betrekken van de Belastingdienst maakte het beslag mogelijk voordat het pand werd verkocht.");
}

/// <summary>Go back a step: from uitvoeren to informatie-delen-en-analyseren, or from evalueren (after an evaluation)
/// to uitvoeren or informatie-delen-en-analyseren.</summary>
public sealed record TerugstapRequest([property: Required] Stap? Naar, [property: Required, MaxLength(4000)] string? Reden) : ICommandRequest<TerugstapRequest>
{
    public ICasusCommando ToCommand(InputValidator v) => new Terugstappen(v.Required(Naar, "naar"), new Velden<TerugstapRequest>(v).Text(Reden, "reden"));

    public static TerugstapRequest Example { get; } = new(Stap.Uitvoeren, "De evaluatie laat zien dat de huurder een nieuw pand gebruikt.");
}

/// <summary>Step 6: close the casus with a reason and a date (not before the signaal, not in the future).</summary>
public sealed record AfsluitingRequest([property: Required, MaxLength(4000)] string? Reden, [property: Required] DateOnly? Datum) : ICommandRequest<AfsluitingRequest>
{
    public ICasusCommando ToCommand(InputValidator v) => new Afsluiten(new Velden<AfsluitingRequest>(v).Text(Reden, "reden"), v.PastDate(Datum, "datum"));

    public static AfsluitingRequest Example { get; } = new("Interventies uitgevoerd en geëvalueerd; geen vervolg nodig.", new DateOnly(2026, 11, 23));
}
