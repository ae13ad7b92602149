using Casus.Domain.Gedeeld;

namespace Casus.Domain.Casussen;

/// <summary>A partner organisation joins the casus, on <paramref name="Datum"/>.</summary>
public sealed record PartnerAansluiten(Organisatie Partner, DateOnly? Datum = null) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.PartnerAansluiten;
}

/// <summary>A person, legal entity or object/location the casus is about.</summary>
public sealed record SubjectToevoegen(Subject Subject) : ICasusCommando
{
    public CommandoSoort Soort => CommandoSoort.SubjectToevoegen;
}

public sealed record PartnerAangesloten(Organisatie Partner, DateOnly? Datum = null) : ICasusGebeurtenis;

public sealed record SubjectToegevoegd(int Nummer, Subject Subject) : ICasusGebeurtenis;

public static class Deelnemers
{
    public static Beslissing PartnerAansluiten(IntegraleCasus casus, PartnerAansluiten c) =>
        casus.IsPartner(c.Partner.Id)
            ? Beslissing.Geweigerd(Regels.PartnerAlAangesloten, $"{c.Partner.Naam} ({c.Partner.Id}) is al aangesloten bij deze casus.")
            : Beslissing.Gebeurd(new PartnerAangesloten(c.Partner, c.Datum));

    public static Beslissing SubjectToevoegen(IntegraleCasus casus, SubjectToevoegen c) =>
        casus.Subjecten.FirstOrDefault(s => s.Subject.Sleutel == c.Subject.Sleutel) is { } bestaand
            ? Beslissing.Geweigerd(Regels.SubjectAlToegevoegd, $"Dit subject staat al in de casus als subject {bestaand.Nummer}.")
            : Beslissing.Gebeurd(new SubjectToegevoegd(casus.Subjecten.Count + 1, c.Subject));
}
