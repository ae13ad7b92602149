using Casus.Domain.Casussen;
using Casus.Domain.Termijnen;
using Casus.Domain.Toegang;

namespace Casus.Domain.Notificaties;

/// <summary>The kinds of facts a partner system can subscribe to (docs/notificaties.md has the message of each).</summary>
public enum Feitsoort
{
    /// <summary>An information request was addressed to the organisation.</summary>
    InformatieVerzocht,
    /// <summary>The organisation joined a casus (at opname, or later).</summary>
    PartnerAangesloten,
    /// <summary>An intervention was advised to the organisation.</summary>
    InterventieGeadviseerd,
    /// <summary>A term that waits on the organisation will pass within the reminder days.</summary>
    TermijnNadert,
    /// <summary>A term that waits on the organisation passed.</summary>
    TermijnVerstreken,
    /// <summary>A casus the organisation takes part in moved to another step.</summary>
    StapGewijzigd,
    /// <summary>A casus the organisation takes part in was closed.</summary>
    CasusAfgesloten,
}

/// <summary>One fact for one organisation: what happened in which casus, at which version, and the number of the request,
/// advice or term it is about. Identifiers only: no personal data, no free text.</summary>
public sealed record Feit(Feitsoort Soort, Guid CasusId, long Versie, string OrganisatieId, int? Nummer, string? Sleutel);

/// <summary>Which organisations are told what, after a change of a casus. Only organisations that may see the casus after
/// the change (the same rule as reading it: the submitter and the joined partners) are told; an organisation that joins
/// later learns nothing of what happened before.</summary>
public static class Feiten
{
    /// <summary>The facts of <paramref name="gebeurtenissen"/>, which took casus <paramref name="voor"/> (null: new) to
    /// <paramref name="na"/>; the first of them has version <c>voor.Versie + 1</c>.</summary>
    public static IReadOnlyList<Feit> Uit(IntegraleCasus? voor, IntegraleCasus na, IReadOnlyList<ICasusGebeurtenis> gebeurtenissen)
    {
        var feiten = new List<Feit>();
        var versie = voor?.Versie ?? 0;
        foreach (var gebeurtenis in gebeurtenissen)
        {
            versie++;
            void Aan(Feitsoort soort, string organisatie, int? nummer = null, string? sleutel = null) =>
                feiten.Add(new Feit(soort, na.Id, versie, organisatie, nummer, sleutel));
            switch (gebeurtenis)
            {
                case InformatieVerzocht e: Aan(Feitsoort.InformatieVerzocht, e.AanPartnerId, e.Nummer); break;
                case CasusOpgenomen e: foreach (var p in e.Partners) Aan(Feitsoort.PartnerAangesloten, p.Id); break;
                case PartnerAangesloten e: Aan(Feitsoort.PartnerAangesloten, e.Partner.Id); break;
                case InterventieadviesUitgebracht e: foreach (var a in e.Interventies) Aan(Feitsoort.InterventieGeadviseerd, a.PartnerId, a.Nummer); break;
                case TermijnNadert { WachtOp: { } wachtOp } e: Aan(Feitsoort.TermijnNadert, wachtOp, e.Nummer, e.Sleutel); break;
                case TermijnVerstreken { WachtOp: { } wachtOp } e: Aan(Feitsoort.TermijnVerstreken, wachtOp, e.Nummer, e.Sleutel); break;
            }
        }
        if ((voor is not null && voor.Stap != na.Stap) || gebeurtenissen.Any(g => g is Teruggestapt))
        {
            var soort = na.Stap == Stap.Afgesloten ? Feitsoort.CasusAfgesloten : Feitsoort.StapGewijzigd;
            foreach (var organisatie in Betrokkenen(na)) feiten.Add(new Feit(soort, na.Id, na.Versie, organisatie, null, null));
        }
        return feiten.Where(f => MagZien(f.OrganisatieId, na)).DistinctBy(f => (f.Soort, f.OrganisatieId, f.Versie, f.Nummer)).ToList();
    }

    private static IEnumerable<string> Betrokkenen(IntegraleCasus casus) =>
        casus.Partners.Select(p => p.Organisatie.Id).Prepend(casus.Indiener.Id).Distinct();

    /// <summary>Staff of the organisation may read the casus: the partner part of <see cref="Toegangsregels.Lezen"/>.</summary>
    private static bool MagZien(string organisatieId, IntegraleCasus casus) => Toegangsregels.IsBetrokken(organisatieId, casus);
}
