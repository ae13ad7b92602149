using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;
using static Casus.Domain.Tests.BestuurlijkeSignalen.SignaalGeschiedenis;

namespace Casus.Domain.Tests.BestuurlijkeSignalen;

/// <summary>Who sees a signaal and who does what, for every role × position × command (generated from the enums).</summary>
public sealed class SignaaltoegangTests
{
    public enum Plek
    {
        /// <summary>Staff of a submitting organisation (Tilburg).</summary>
        Indiener,
        /// <summary>Staff of an organisation that is no indiener (Politie: e.g. a partner of the linked casus).</summary>
        Buitenstaander,
        /// <summary>The LIEC (national).</summary>
        Liec,
        /// <summary>A RIEC bureau.</summary>
        Riec,
    }

    private static Actor ActorIn(Plek plek, Rol rol) => plek switch
    {
        Plek.Indiener => new("u", Tilburg, new HashSet<RiecRegio>(), false, new HashSet<Rol> { rol }),
        Plek.Buitenstaander => new("u", Politie, new HashSet<RiecRegio>(), false, new HashSet<Rol> { rol }),
        Plek.Liec => new("u", new Organisatie("liec", "LIEC", PartnerType.Liec), new HashSet<RiecRegio>(), true, new HashSet<Rol> { rol }),
        Plek.Riec => new("u", new Organisatie("riec-tbz", "RIEC", PartnerType.Riec), new HashSet<RiecRegio> { RiecRegio.TaskforceBrabantZeeland }, false, new HashSet<Rol> { rol }),
        _ => throw new ArgumentOutOfRangeException(nameof(plek)),
    };

    public static TheoryData<Rol, Plek, SignaalCommandoSoort> Alles()
    {
        var data = new TheoryData<Rol, Plek, SignaalCommandoSoort>();
        foreach (var rol in Enum.GetValues<Rol>())
            foreach (var plek in Enum.GetValues<Plek>())
                foreach (var soort in Enum.GetValues<SignaalCommandoSoort>())
                    data.Add(rol, plek, soort);
        return data;
    }

    private static bool ZietHet(Rol rol, Plek plek) => rol is Rol.LiecLoket or Rol.Auditor || (rol == Rol.PartnerMedewerker && plek == Plek.Indiener);

    [Theory]
    [MemberData(nameof(Alles))]
    public void Each_role_and_position_gets_the_outcome_of_the_rules(Rol rol, Plek plek, SignaalCommandoSoort soort)
    {
        var actor = ActorIn(plek, rol);
        var commando = soort == SignaalCommandoSoort.ToestemmingVastleggen && plek == Plek.Indiener
            ? new ToestemmingVastleggen(PublicatieOnderdeel.Signaal, Tilburg.Id, Later)
            : GeldigCommando(soort);
        var signaal = In(SignaalStap.Concept);
        var besluit = Signaaltoegang.Uitvoeren(actor, soort == SignaalCommandoSoort.Opstellen ? null : signaal, commando);

        Toegangsuitkomst verwacht;
        if (soort == SignaalCommandoSoort.Opstellen)
            verwacht = rol == Rol.PartnerMedewerker && plek == Plek.Indiener ? Toegangsuitkomst.Toegestaan : Toegangsuitkomst.Verboden;
        else if (!ZietHet(rol, plek))
            verwacht = Toegangsuitkomst.Verborgen;
        else if (Signaaltoegang.IsVanLoket(commando))
            verwacht = rol == Rol.LiecLoket ? Toegangsuitkomst.Toegestaan : Toegangsuitkomst.Verboden;
        else
            verwacht = rol == Rol.PartnerMedewerker && plek == Plek.Indiener ? Toegangsuitkomst.Toegestaan : Toegangsuitkomst.Verboden;
        Assert.Equal(verwacht, besluit.Uitkomst);
        Assert.Equal(ZietHet(rol, plek), Signaaltoegang.Lezen(actor, signaal).IsToegestaan);
    }

    [Fact]
    public void The_loket_acts_for_the_ministries_and_the_indieners_consent_for_their_own_organisation_only()
    {
        var loket = ActorIn(Plek.Liec, Rol.LiecLoket);
        var tilburg = ActorIn(Plek.Indiener, Rol.PartnerMedewerker);
        var signaal = In(SignaalStap.Afgerond);
        Assert.True(Signaaltoegang.Uitvoeren(loket, signaal, new ToestemmingVastleggen(PublicatieOnderdeel.Reactie, null, Later)).IsToegestaan);
        Assert.Equal(ToegangsCodes.RolOntbreekt, Signaaltoegang.Uitvoeren(tilburg, signaal, new ToestemmingVastleggen(PublicatieOnderdeel.Reactie, null, Later)).Code);
        Assert.Equal(ToegangsCodes.AndereOrganisatie,
            Signaaltoegang.Uitvoeren(tilburg, signaal, new ToestemmingVastleggen(PublicatieOnderdeel.Signaal, Belastingdienst.Id, Later)).Code);
        Assert.Equal(ToegangsCodes.AndereOrganisatie,
            Signaaltoegang.Uitvoeren(tilburg, null, new SignaalOpstellen(Id, null, Later, [BelastingdienstIndiener], Inhoud())).Code);
    }

    [Fact]
    public void The_overview_and_the_list_follow_the_role()
    {
        foreach (var rol in Enum.GetValues<Rol>())
        {
            Assert.Equal(rol is Rol.LiecLoket or Rol.Auditor, Signaaltoegang.OverzichtLezen(ActorIn(Plek.Liec, rol)).IsToegestaan);
            var zicht = Signaaltoegang.ZichtbaarVoor(ActorIn(Plek.Indiener, rol));
            Assert.Equal(rol switch
            {
                Rol.LiecLoket or Rol.Auditor => ((bool, string?)?)(true, null),
                Rol.PartnerMedewerker => (false, Tilburg.Id),
                _ => null,
            }, zicht);
        }
    }

    public static TheoryData<Rol, Plek> RolEnPlek()
    {
        var data = new TheoryData<Rol, Plek>();
        foreach (var rol in Enum.GetValues<Rol>())
            foreach (var plek in Enum.GetValues<Plek>())
                data.Add(rol, plek);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolEnPlek))]
    public void The_auditors_view_is_for_auditors_refused_to_others_who_see_it_and_hidden_from_everyone_else(Rol rol, Plek plek)
    {
        var besluit = Signaaltoegang.VerantwoordingLezen(ActorIn(plek, rol), In(SignaalStap.Afgerond));

        var verwacht = rol == Rol.Auditor ? Toegangsuitkomst.Toegestaan
            : ZietHet(rol, plek) ? Toegangsuitkomst.Verboden
            : Toegangsuitkomst.Verborgen;
        Assert.Equal(verwacht, besluit.Uitkomst);
    }
}
