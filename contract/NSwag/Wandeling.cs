// A casus with a rechtspersoon subject, as a partner system on NSwag would do it: only the NSwag client generated from the
// API's OpenAPI document, unedited. The subject is read back as a SubjectRechtspersoon (the discriminator `soort` chooses
// the class). Usage: dotnet run --project contract/NSwag -- http://127.0.0.1:5080/api/v1 (the API in Development).
using Casus.Contract.NSwag;

var basis = args.Length > 0 ? args[0] : "http://localhost:5080/api/v1";
var tilburg = new OrganisatieRequest { Id = "00000001001172773000", Naam = "Gemeente Tilburg", Type = PartnerType.Gemeente };

try
{
    var anoniem = Client(null);
    var coordinator = Client(await Token(anoniem, "j.devries",
        new OrganisatieRequest { Id = "riec-zwb", Naam = "RIEC Zeeland-West-Brabant", Type = PartnerType.Riec },
        [Rol.RiecCoordinator], [RiecRegio.TaskforceBrabantZeeland]));
    var gemeente = Client(await Token(anoniem, "m.tilburg", tilburg, [Rol.PartnerMedewerker], []));

    var casus = await gemeente.SignaalIndienenAsync(Guid.NewGuid().ToString(), new SignaalIndienenRequest
    {
        Regio = RiecRegio.TaskforceBrabantZeeland, Indiener = tilburg, Datum = DateTimeOffset.Now.Date,
        Omschrijving = "Hennepkwekerij in bedrijfspand; huurder is een recent opgerichte bv.",
        Themas = [new ThemaRequest { Soort = ThemaSoort.HennepteeltEnDrugs }],
    });
    var id = casus.Id!.Value;
    await coordinator.VerkenningStartenAsync(id, null, null, new VerkenningStartenRequest { Coordinator = "J. de Vries" });
    await coordinator.SubjectToevoegenAsync(id, null, null,
        new SubjectRequest { Soort = SubjectSoort.Rechtspersoon, KvkNummer = "12345678", Naam = "Ringbaan Vastgoed B.V." });

    var gelezen = await coordinator.CasusOpvragenAsync(id, null);
    var subject = gelezen.Subjecten.Single().Subject;
    if (subject is not SubjectRechtspersoon { KvkNummer: "12345678", Naam: "Ringbaan Vastgoed B.V." })
        throw new InvalidOperationException($"The subject came back as {subject.GetType().Name}, not as the rechtspersoon that was sent.");
    Console.WriteLine($"nswag: casus {id} has rechtspersoon {((SubjectRechtspersoon)subject).Naam} read back as {subject.GetType().Name}");
    return 0;
}
catch (ApiException e)
{
    Console.Error.WriteLine($"nswag walk failed: {e.StatusCode} {e.Message} {(e as ApiException<ProblemDetails>)?.Result?.Code} {string.Join("; ", (e as ApiException<ProblemDetails>)?.Result?.InvalidParams?.Select(p => $"{p.Name}: {p.Reason}") ?? [])}");
    return 1;
}

CasusClient Client(string? token)
{
    var http = new HttpClient();
    if (token is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    return new CasusClient(http) { BaseUrl = basis };
}

static async Task<string> Token(CasusClient client, string gebruiker, OrganisatieRequest organisatie, List<Rol> rollen, List<RiecRegio> regios) =>
    (await client.OntwikkeltokenMakenAsync(null, new OntwikkeltokenRequest
    {
        GebruikerId = gebruiker, Organisatie = organisatie, Rollen = rollen, Regios = regios,
    })).Token;

namespace Casus.Contract.NSwag
{
    /// <summary>NSwag's own extension point (a partial method of the generated client, no generated code edited): enums inside
    /// lists (e.g. <c>rollen</c>) get no converter attribute of their own, so System.Text.Json would write them as numbers;
    /// the string converter writes their values (<c>JsonStringEnumMemberName</c>, from <c>/jsonLibraryVersion:9.0</c>).</summary>
    public partial class CasusClient
    {
        static partial void UpdateJsonSerializerSettings(System.Text.Json.JsonSerializerOptions settings) =>
            settings.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter());
    }
}
