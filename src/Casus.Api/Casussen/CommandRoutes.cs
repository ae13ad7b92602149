using Casus.Api.Http;
using Casus.Domain.Casussen;

namespace Casus.Api.Casussen;

/// <summary>A command as the API offers it: name, method and path (used in 409 answers and the docs).</summary>
public sealed record CommandLink(string Commando, string Methode, string Pad);

/// <summary>Where each command lives under <c>/api/v1/casussen</c>: the one map from command to path segment,
/// used both to map the endpoints and to tell clients where an allowed command is.</summary>
public static class CommandRoutes
{
    public const string Base = "/api/v1/casussen";

    public static IReadOnlyDictionary<CommandoSoort, string> Segments { get; } = new Dictionary<CommandoSoort, string>
    {
        [CommandoSoort.VerkenningStarten] = "verkenning",
        [CommandoSoort.VerkenningBesluiten] = "verkenningsbesluit",
        [CommandoSoort.PartnerAansluiten] = "partners",
        [CommandoSoort.SubjectToevoegen] = "subjecten",
        [CommandoSoort.InformatieVerzoeken] = "informatieverzoeken",
        [CommandoSoort.InformatieDelen] = "informatiebijdragen",
        [CommandoSoort.AnalyseVastleggen] = "analyse",
        [CommandoSoort.InterventieadviesUitbrengen] = "interventieadviezen",
        [CommandoSoort.InterventieRegistreren] = "interventies",
        [CommandoSoort.UitvoeringAfronden] = "uitvoeringsafronding",
        [CommandoSoort.EvaluatieVastleggen] = "evaluaties",
        [CommandoSoort.Terugstappen] = "terugstappen",
        [CommandoSoort.Afsluiten] = "afsluiting",
    };

    public static string PathOf(CommandoSoort commando, string casusId) =>
        commando == CommandoSoort.SignaalIndienen ? Base : $"{Base}/{casusId}/{Segments[commando]}";

    public static CommandLink Describe(CommandoSoort commando, Guid casusId) =>
        new(Names.Of(commando), "POST", PathOf(commando, casusId.ToString()));
}
