using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Domain.Tests.Toegang;

/// <summary>Where a user stands relative to the sample casus of <see cref="Geschiedenis"/> (region Taskforce Brabant-Zeeland,
/// submitted by Gemeente Tilburg; Tilburg and Politie join when it is opgenomen, Belastingdienst never does).</summary>
public enum Positie
{
    /// <summary>Works at the RIEC bureau of the casus's region.</summary>
    VanDeRegio,
    /// <summary>Works at the RIEC bureau of another region (Limburg).</summary>
    AndereRegio,
    /// <summary>Works at the LIEC with <see cref="Actor.Landelijk"/>: the roles hold in every region.</summary>
    Landelijk,
    /// <summary>Staff of the submitting organisation (Gemeente Tilburg), in the casus's region.</summary>
    Indiener,
    /// <summary>Staff of a partner that joins at opgenomen (Politie), in the casus's region.</summary>
    AangeslotenPartner,
    /// <summary>Staff of an organisation with no link to the casus (Belastingdienst), in the casus's region.</summary>
    NietBetrokken,
    /// <summary>Staff of an organisation with no link to the casus (Belastingdienst), national.</summary>
    NietBetrokkenLandelijk,
}

/// <summary>Actors for every role and position, generated from the enums, so a new <see cref="Rol"/> or
/// <see cref="Positie"/> is in every theory below.</summary>
public static class Personas
{
    public const RiecRegio CasusRegio = RiecRegio.TaskforceBrabantZeeland;
    public const RiecRegio AndereRegio = RiecRegio.Limburg;

    public static readonly Organisatie RiecBrabantZeeland = new("riec-tbz", "RIEC Taskforce Brabant-Zeeland", PartnerType.Riec);
    public static readonly Organisatie RiecLimburg = new("riec-limburg", "RIEC Limburg", PartnerType.Riec);
    public static readonly Organisatie Liec = new("liec", "LIEC", PartnerType.Liec);

    public static Organisatie OrganisatieVan(Positie positie) => positie switch
    {
        Positie.VanDeRegio => RiecBrabantZeeland,
        Positie.AndereRegio => RiecLimburg,
        Positie.Landelijk => Liec,
        Positie.Indiener => Organisaties.Tilburg,
        Positie.AangeslotenPartner => Organisaties.Politie,
        Positie.NietBetrokken or Positie.NietBetrokkenLandelijk => Organisaties.Belastingdienst,
        _ => throw new ArgumentOutOfRangeException(nameof(positie), positie, "Add the organisation of this new position."),
    };

    public static IReadOnlySet<RiecRegio> RegiosVan(Positie positie) => positie switch
    {
        Positie.AndereRegio => new HashSet<RiecRegio> { AndereRegio },
        Positie.Landelijk or Positie.NietBetrokkenLandelijk => new HashSet<RiecRegio>(),
        _ => new HashSet<RiecRegio> { CasusRegio },
    };

    public static bool IsLandelijk(Positie positie) => positie is Positie.Landelijk or Positie.NietBetrokkenLandelijk;

    /// <summary>The roles of a user in <paramref name="positie"/> hold in <paramref name="regio"/>.</summary>
    public static bool WerktIn(Positie positie, RiecRegio regio) => IsLandelijk(positie) || RegiosVan(positie).Contains(regio);

    public static Actor Actor(Positie positie, params Rol[] rollen) =>
        new($"{positie}-{string.Join('+', rollen)}".ToLowerInvariant(), OrganisatieVan(positie), RegiosVan(positie), IsLandelijk(positie),
            rollen.ToHashSet());

    /// <summary>Another organisation than the one of <paramref name="positie"/>, one that takes part in the casus from opgenomen on.</summary>
    public static Organisatie AndereOrganisatieDan(Positie positie) =>
        OrganisatieVan(positie).Id == Organisaties.Politie.Id ? Organisaties.Tilburg : Organisaties.Politie;

    public static IEnumerable<(Rol Rol, Positie Positie)> Alle() =>
        from rol in Enum.GetValues<Rol>()
        from positie in Enum.GetValues<Positie>()
        select (rol, positie);

    /// <summary>The sample casus in <paramref name="stap"/>, signalled in <paramref name="regio"/> instead.</summary>
    public static IntegraleCasus CasusIn(Stap stap, RiecRegio regio = CasusRegio)
    {
        var gebeurtenissen = Geschiedenis.In(stap);
        gebeurtenissen[0] = Geschiedenis.Signaal with { Regio = regio };
        return Geschiedenis.Casus(gebeurtenissen);
    }
}

/// <summary>An expected access decision: the outcome and its stable code.</summary>
public sealed record Verwachting(Toegangsuitkomst Uitkomst, string Code)
{
    public static Verwachting Toegestaan { get; } = new(Toegangsuitkomst.Toegestaan, "toegang.toegestaan");
    public static Verwachting Verborgen { get; } = new(Toegangsuitkomst.Verborgen, ToegangsCodes.NietZichtbaar);
    public static Verwachting RolOntbreekt { get; } = new(Toegangsuitkomst.Verboden, ToegangsCodes.RolOntbreekt);
    public static Verwachting AndereOrganisatie { get; } = new(Toegangsuitkomst.Verboden, ToegangsCodes.AndereOrganisatie);

    /// <summary>Asserts <paramref name="besluit"/> has this outcome and code, and a reason when it refuses.</summary>
    public void Klopt(Toegangsbesluit besluit, string wie = "")
    {
        Assert.True(Uitkomst == besluit.Uitkomst && Code == besluit.Code,
            $"{wie}: expected {Uitkomst} ({Code}), got {besluit.Uitkomst} ({besluit.Code}): {besluit.Reden}");
        Assert.Equal(Uitkomst == Toegangsuitkomst.Toegestaan, besluit.IsToegestaan);
        if (!besluit.IsToegestaan) Assert.False(string.IsNullOrWhiteSpace(besluit.Reden), $"{wie}: a refusal needs a reason.");
    }
}

/// <summary>The access rules of the RIEC-LIEC casus system written out per role and position: the specification the
/// tests hold <see cref="Toegangsregels"/> to. A new role or command throws here until its row is written down.</summary>
public static class Spec
{
    /// <summary>Partner-bound commands: given for one organisation, by its own staff only.</summary>
    public static readonly IReadOnlySet<CommandoSoort> VoorEenPartner =
        new HashSet<CommandoSoort> { CommandoSoort.InformatieDelen, CommandoSoort.InterventieRegistreren };

    /// <summary>The organisation of <paramref name="positie"/> takes part in the sample casus in <paramref name="stap"/>:
    /// the indiener always, Politie from opgenomen on (see <see cref="Geschiedenis"/>), the others never.</summary>
    public static bool Betrokken(Positie positie, Stap stap) => positie switch
    {
        Positie.Indiener => true,
        Positie.AangeslotenPartner => stap is not (Stap.SignaalIngediend or Stap.Verkennen),
        _ => false,
    };

    public static bool Leest(Rol rol, Positie positie, Stap stap, RiecRegio casusRegio = Personas.CasusRegio) => rol switch
    {
        Rol.RiecCoordinator or Rol.RiecAnalist or Rol.Auditor => Personas.WerktIn(positie, casusRegio),
        Rol.PartnerMedewerker => Betrokken(positie, stap),
        Rol.Liec or Rol.LiecLoket or Rol.Beheerder or Rol.Integratiebeheerder or Rol.Privacyfunctionaris => false,
        _ => throw new ArgumentOutOfRangeException(nameof(rol), rol, "Write down which casussen this new role may read."),
    };

    public static Verwachting Lezen(Rol rol, Positie positie, Stap stap, RiecRegio casusRegio = Personas.CasusRegio) =>
        Leest(rol, positie, stap, casusRegio) ? Verwachting.Toegestaan : Verwachting.Verborgen;

    /// <summary>A command of <paramref name="soort"/> (for <paramref name="voor"/> when partner-bound) on the sample casus in <paramref name="stap"/>.</summary>
    public static Verwachting Uitvoeren(Rol rol, Positie positie, Stap stap, CommandoSoort soort, Organisatie? voor)
    {
        if (!Leest(rol, positie, stap)) return Verwachting.Verborgen;
        return rol switch
        {
            Rol.RiecCoordinator => soort switch
            {
                CommandoSoort.VerkenningStarten or CommandoSoort.VerkenningBesluiten or CommandoSoort.PartnerAansluiten
                    or CommandoSoort.SubjectToevoegen or CommandoSoort.InformatieVerzoeken or CommandoSoort.AnalyseVastleggen
                    or CommandoSoort.InterventieadviesUitbrengen or CommandoSoort.UitvoeringAfronden or CommandoSoort.EvaluatieVastleggen
                    or CommandoSoort.Terugstappen or CommandoSoort.Afsluiten => Verwachting.Toegestaan,
                CommandoSoort.InformatieDelen or CommandoSoort.InterventieRegistreren => Verwachting.RolOntbreekt,
                _ => throw new ArgumentOutOfRangeException(nameof(soort), soort, "Write down who may give this new command."),
            },
            Rol.RiecAnalist => soort is CommandoSoort.InformatieVerzoeken or CommandoSoort.AnalyseVastleggen
                or CommandoSoort.InterventieadviesUitbrengen
                ? Verwachting.Toegestaan
                : Verwachting.RolOntbreekt,
            Rol.PartnerMedewerker => !VoorEenPartner.Contains(soort) ? Verwachting.RolOntbreekt
                : voor?.Id == Personas.OrganisatieVan(positie).Id ? Verwachting.Toegestaan
                : Verwachting.AndereOrganisatie,
            Rol.Auditor or Rol.Liec or Rol.LiecLoket or Rol.Beheerder or Rol.Integratiebeheerder or Rol.Privacyfunctionaris => Verwachting.RolOntbreekt,
            _ => throw new ArgumentOutOfRangeException(nameof(rol), rol, "Write down what this new role may do."),
        };
    }

    /// <summary>A signaal in <paramref name="regio"/>, for the user's own organisation or another one.</summary>
    public static Verwachting SignaalIndienen(Rol rol, Positie positie, RiecRegio regio, bool eigenOrganisatie) => rol switch
    {
        Rol.PartnerMedewerker => eigenOrganisatie ? Verwachting.Toegestaan : Verwachting.AndereOrganisatie,
        Rol.RiecCoordinator => !Personas.WerktIn(positie, regio) ? Verwachting.RolOntbreekt
            : eigenOrganisatie ? Verwachting.Toegestaan
            : Verwachting.AndereOrganisatie,
        Rol.RiecAnalist or Rol.Auditor or Rol.Liec or Rol.LiecLoket or Rol.Beheerder or Rol.Integratiebeheerder or Rol.Privacyfunctionaris => Verwachting.RolOntbreekt,
        _ => throw new ArgumentOutOfRangeException(nameof(rol), rol, "Write down whether this new role may bring in signalen."),
    };

    /// <summary>Every command the table allows on an existing casus, in each step it is allowed, as (step, kind, for whom):
    /// a partner-bound command once for the indiener and once for the joined partner.</summary>
    public static IEnumerable<(Stap Stap, CommandoSoort Soort, Positie? Voor)> CommandosOpEenCasus() =>
        from overgang in Stappen.Tabel
        where overgang.Van is not null
        from voor in VoorEenPartner.Contains(overgang.Commando)
            ? new Positie?[] { Positie.Indiener, Positie.AangeslotenPartner }
            : new Positie?[] { null }
        select (overgang.Van!.Value, overgang.Commando, voor);

    /// <summary>A valid command of <paramref name="soort"/> for the sample casus in <paramref name="stap"/>
    /// (partner-bound ones for <paramref name="voor"/>).</summary>
    public static ICasusCommando Commando(CommandoSoort soort, Stap stap, Organisatie? voor) => (soort, voor) switch
    {
        (CommandoSoort.InformatieDelen, { } organisatie) => Voorbeeld.Bijdrage(organisatie),
        (CommandoSoort.InterventieRegistreren, { } organisatie) => Voorbeeld.Interventie(organisatie, Instrument.Overig, adviesNummer: null),
        _ when VoorEenPartner.Contains(soort) => throw new ArgumentException($"{soort} is given for an organisation.", nameof(voor)),
        _ => Voorbeeld.GeldigCommando(soort, stap),
    };

    public static Organisatie? OrganisatieVoor(Positie? voor) => voor is { } p ? Personas.OrganisatieVan(p) : null;
}
