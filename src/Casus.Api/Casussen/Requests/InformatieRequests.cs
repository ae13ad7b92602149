using System.ComponentModel.DataAnnotations;
using Casus.Api.Http;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Api.Casussen.Requests;

/// <summary>Step 3: ask a joined partner for information, on a legal ground (informatieverzamelplan).</summary>
/// <param name="AanPartnerId">Id of the joined organisation that is asked.</param>
/// <param name="Vraag">What is asked.</param>
/// <param name="Grondslag">The legal ground for providing it, e.g. "art. 20 Wpg".</param>
/// <param name="AntwoordVoor">The last day for the answer: the day of the request or later, at most 366 days after it; when
/// absent, that day plus the configured default term (Casus:Termijnen:AntwoordDagen, 14 days). After that day the request
/// is overdue.</param>
/// <param name="Datum">The day of the request (business date): not before the casus
/// entered its current step. Default: today.</param>
public sealed record InformatieverzoekRequest(
    [property: Required, MaxLength(100)] string? AanPartnerId, [property: Required, MaxLength(4000)] string? Vraag,
    [property: Required, MaxLength(500)] string? Grondslag,
    DateOnly? AntwoordVoor = null, [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<InformatieverzoekRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var r = new Velden<InformatieverzoekRequest>(v);
        var datum = v.Bedrijfsdatum(Datum, "datum");
        return new InformatieVerzoeken(r.Text(AanPartnerId, "aanPartnerId"), r.Text(Vraag, "vraag"), r.Text(Grondslag, "grondslag"),
            v.Termijn(AntwoordVoor, "antwoordVoor", t => t.AntwoordDagen, datum), datum);
    }

    public static InformatieverzoekRequest Example { get; } = new(OrganisatieRequest.Belastingdienst.Id,
        "Welke fiscale gegevens zijn bekend over Ringbaan Vastgoed B.V. en haar bestuurders (2022-2026)?",
        "art. 43c AWR jo. RIEC-LIEC convenant 2023", Datum: new DateOnly(2026, 11, 6));
}

/// <summary>Step 3: a joined partner shares information, optionally answering one of its open requests.</summary>
/// <param name="DoorPartnerId">Id of the joined organisation that shares.</param>
/// <param name="Categorie">What kind of information it is.</param>
/// <param name="Samenvatting">A summary of the information shared (the source data stays with the partner).</param>
/// <param name="Grondslag">The legal ground for sharing it, e.g. "art. 43c AWR".</param>
/// <param name="VerzoekNummer">Number of the information request this answers, if any.</param>
/// <param name="Datum">The day it was shared (business date): not before the casus
/// entered its current step nor before the request it answers. Default: today.</param>
public sealed record InformatiebijdrageRequest(
    [property: Required, MaxLength(100)] string? DoorPartnerId, [property: Required] InformatieCategorie? Categorie,
    [property: Required, MaxLength(4000)] string? Samenvatting, [property: Required, MaxLength(500)] string? Grondslag,
    [property: Range(1, int.MaxValue)] int? VerzoekNummer = null, [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<InformatiebijdrageRequest>
{
    public ICasusCommando ToCommand(InputValidator v)
    {
        var r = new Velden<InformatiebijdrageRequest>(v);
        return new InformatieDelen(r.Text(DoorPartnerId, "doorPartnerId"), v.Required(Categorie, "categorie"),
            r.Text(Samenvatting, "samenvatting"), r.Text(Grondslag, "grondslag"), r.Integer(VerzoekNummer, "verzoekNummer"),
            v.Bedrijfsdatum(Datum, "datum"));
    }

    public static InformatiebijdrageRequest Example { get; } = new(OrganisatieRequest.Belastingdienst.Id, InformatieCategorie.Fiscaal,
        "De bv heeft sinds oprichting geen aangifte vennootschapsbelasting gedaan; de bestuurder heeft een openstaande aanslag.",
        "art. 43c AWR jo. RIEC-LIEC convenant 2023", 1, new DateOnly(2026, 11, 10));
}

/// <summary>Step 3: the RIEC records the integrale casusanalyse (a later one replaces the earlier).</summary>
/// <param name="Samenvatting">The analysis.</param>
/// <param name="Datum">The day of the analysis (business date): not before the casus
/// entered its current step. Default: today.</param>
public sealed record AnalyseRequest([property: Required, MaxLength(20000)] string? Samenvatting, [property: Bedrijfsdatum] DateOnly? Datum = null)
    : ICommandRequest<AnalyseRequest>
{
    public ICasusCommando ToCommand(InputValidator v) =>
        new AnalyseVastleggen(new Velden<AnalyseRequest>(v).Text(Samenvatting, "samenvatting"), v.Bedrijfsdatum(Datum, "datum"));

    public static AnalyseRequest Example { get; } = new(
        "Het pand wordt gebruikt voor hennepteelt; de bv dient vermoedelijk om crimineel geld wit te wassen via vastgoed.",
        new DateOnly(2026, 11, 13));
}

/// <summary>One advised intervention: instrument, the joined partner responsible, and what to do.</summary>
public sealed record AdviesRegelRequest(
    [property: Required] Instrument? Instrument, [property: Required, MaxLength(100)] string? PartnerId,
    [property: Required, MaxLength(4000)] string? Omschrijving)
{
    public AdviesRegel ToRegel(InputValidator v, string path)
    {
        var r = new Velden<AdviesRegelRequest>(v);
        return new(v.Required(Instrument, $"{path}.instrument"), r.Text(PartnerId, $"{path}.partnerId"), r.Text(Omschrijving, $"{path}.omschrijving"));
    }
}

/// <summary>Step 3 ends with the interventieadvies: one or more interventions. The casus moves to uitvoeren.</summary>
/// <param name="Interventies">The advised interventions.</param>
/// <param name="Datum">When the advice was given (business date; the jaarcijfers count advices by it): not before anything recorded in the casus so far.</param>
public sealed record InterventieadviesRequest(
    [property: Required, MaxLength(100)] IReadOnlyList<AdviesRegelRequest?>? Interventies, [property: Required, Bedrijfsdatum] DateOnly? Datum)
    : ICommandRequest<InterventieadviesRequest>
{
    public ICasusCommando ToCommand(InputValidator v) =>
        new InterventieadviesUitbrengen(new Velden<InterventieadviesRequest>(v).List(Interventies, "interventies", (r, path) => r.ToRegel(v, path)),
            v.PastDate(Datum, "datum"));

    public static InterventieadviesRequest Example { get; } = new(
    [
        new AdviesRegelRequest(Instrument.Bestuurlijk, OrganisatieRequest.GemeenteTilburg.Id, "Sluiting van het pand (art. 13b Opiumwet)."),
        new AdviesRegelRequest(Instrument.Fiscaal, OrganisatieRequest.Belastingdienst.Id, "Navorderingsaanslag vennootschapsbelasting."),
        new AdviesRegelRequest(Instrument.Strafrechtelijk, OrganisatieRequest.PolitieZwb.Id, "Opsporingsonderzoek naar witwassen."),
    ], new DateOnly(2026, 11, 16));
}
