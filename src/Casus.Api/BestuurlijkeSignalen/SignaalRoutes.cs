using Casus.Api.Casussen;
using Casus.Api.Http;
using Casus.Domain.BestuurlijkeSignalen;

namespace Casus.Api.BestuurlijkeSignalen;

/// <summary>Where each signaal command lives under <c>/api/v1/bestuurlijke-signalen</c> (mapping, 409 answers, docs).</summary>
public static class SignaalRoutes
{
    public const string Base = "/api/v1/bestuurlijke-signalen";

    public static IReadOnlyDictionary<SignaalCommandoSoort, string> Segments { get; } = new Dictionary<SignaalCommandoSoort, string>
    {
        [SignaalCommandoSoort.InhoudWijzigen] = "inhoud",
        [SignaalCommandoSoort.IndienerToevoegen] = "indieners",
        [SignaalCommandoSoort.LiecAdviesGeven] = "liec-adviezen",
        [SignaalCommandoSoort.ToetsingsoverlegVastleggen] = "toetsingsoverleg",
        [SignaalCommandoSoort.DefinitiefIndienen] = "definitieve-indiening",
        [SignaalCommandoSoort.Intrekken] = "intrekking",
        [SignaalCommandoSoort.Aanbieden] = "aanbieding",
        [SignaalCommandoSoort.ReactieVastleggen] = "reactie",
        [SignaalCommandoSoort.Afronden] = "afronding",
        [SignaalCommandoSoort.EffectVastleggen] = "effect",
        [SignaalCommandoSoort.ToestemmingVastleggen] = "publicatietoestemmingen",
        [SignaalCommandoSoort.Publiceren] = "publicaties",
    };

    public static string PathOf(SignaalCommandoSoort commando, string signaalId) =>
        commando == SignaalCommandoSoort.Opstellen ? Base : $"{Base}/{signaalId}/{Segments[commando]}";

    public static CommandLink Describe(SignaalCommandoSoort commando, Guid signaalId) =>
        new(Names.Of(commando), "POST", PathOf(commando, signaalId.ToString()));
}
