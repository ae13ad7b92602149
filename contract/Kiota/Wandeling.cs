// One casus through the six steps, as a partner system would do it: only the Kiota client generated from the API's
// OpenAPI document, unedited. Usage: dotnet run --project contract/Kiota -- http://127.0.0.1:5080/api/v1
// (the API in Development, which mints the tokens).
using Casus.Contract.Kiota;
using Casus.Contract.Kiota.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

var basis = args.Length > 0 ? args[0] : "http://localhost:5080/api/v1";
var vandaag = new Date(DateTime.Today);
var tilburg = new OrganisatieRequest { Id = "00000001001172773000", Naam = "Gemeente Tilburg", Type = PartnerType.Gemeente };
var politie = new OrganisatieRequest { Id = "00000001003214345000", Naam = "Politie eenheid Zeeland-West-Brabant", Type = PartnerType.Politie };
var belastingdienst = new OrganisatieRequest { Id = "00000001003214369000", Naam = "Belastingdienst", Type = PartnerType.Belastingdienst };

try
{
    var anoniem = Client(null);
    var coordinator = Client(await Token(anoniem, "j.devries",
        new OrganisatieRequest { Id = "riec-zwb", Naam = "RIEC Zeeland-West-Brabant", Type = PartnerType.Riec },
        [Rol.RiecCoordinator, Rol.RiecAnalist], [RiecRegio.TaskforceBrabantZeeland]));
    var gemeente = Client(await Token(anoniem, "m.tilburg", tilburg, [Rol.PartnerMedewerker], []));
    var fiscus = Client(await Token(anoniem, "m.belasting", belastingdienst, [Rol.PartnerMedewerker], []));

    // 1. Indienen signaal.
    var casus = await gemeente.Casussen.PostAsync(new SignaalIndienenRequest
    {
        Regio = RiecRegio.TaskforceBrabantZeeland, Indiener = tilburg, Datum = vandaag,
        Omschrijving = "Hennepkwekerij in bedrijfspand; huurder is een recent opgerichte bv.",
        Themas = [new ThemaRequest { Soort = ThemaSoort.HennepteeltEnDrugs }],
    });
    var id = casus!.Id!.Value;
    Stap(1, casus);
    var item = coordinator.Casussen[id];

    // 2. Verkennen.
    await item.Verkenning.PostAsync(new VerkenningStartenRequest { Coordinator = "J. de Vries" });
    await item.Subjecten.PostAsync(new SubjectRequest { Soort = SubjectSoort.Rechtspersoon, KvkNummer = "12345678", Naam = "Ringbaan Vastgoed B.V." });
    Stap(2, await item.Verkenningsbesluit.PostAsync(new VerkenningsbesluitRequest
    {
        Besluit = Verkenningsbesluit.Opnemen, Motivering = "Bestuurlijke, strafrechtelijke en fiscale interventies denkbaar.",
        Partners = [tilburg, politie, belastingdienst],
    }));

    // 3. Informatie delen en analyseren.
    await item.Informatieverzoeken.PostAsync(new InformatieverzoekRequest
    {
        AanPartnerId = belastingdienst.Id, Vraag = "Fiscale gegevens van de bv?", Grondslag = "art. 43c AWR",
    });
    await fiscus.Casussen[id].Informatiebijdragen.PostAsync(new InformatiebijdrageRequest
    {
        DoorPartnerId = belastingdienst.Id, Categorie = InformatieCategorie.Fiscaal, Samenvatting = "Geen aangifte Vpb sinds oprichting.",
        Grondslag = "art. 43c AWR", VerzoekNummer = 1,
    });
    await item.Analyse.PostAsync(new AnalyseRequest { Samenvatting = "Witwassen via vastgoed; pand gebruikt voor hennepteelt." });
    Stap(3, await item.Interventieadviezen.PostAsync(new InterventieadviesRequest
    {
        Datum = vandaag,
        Interventies =
        [
            new AdviesRegelRequest { Instrument = Instrument.Bestuurlijk, PartnerId = tilburg.Id, Omschrijving = "Sluiting pand (art. 13b Opiumwet)." },
            new AdviesRegelRequest { Instrument = Instrument.Fiscaal, PartnerId = belastingdienst.Id, Omschrijving = "Navorderingsaanslag Vpb." },
        ],
    }));

    // 4. Uitvoeren.
    await fiscus.Casussen[id].Interventies.PostAsync(new InterventieRequest
    {
        Instrument = Instrument.Fiscaal, PartnerId = belastingdienst.Id, Datum = vandaag, Resultaat = "Aanslag opgelegd, beslag gelegd.",
        Bedragen = new Bedragen { Opgelegd = 412000.00m, GeindOfVerrekend = 0m, Beslag = 412000.00m }, AdviesNummer = 2,
    });
    Stap(4, await item.Uitvoeringsafronding.PostAsync(new UitvoeringsafrondingRequest { Toelichting = "Interventies uitgevoerd." }));

    // 5. Evalueren.
    Stap(5, await item.Evaluaties.PostAsync(new EvaluatieRequest
    {
        Effect = "Pand gesloten, aanslag zekergesteld.", Lessen = "Belastingdienst vroeg betrekken.",
    }));

    // 6. Afsluiten.
    await item.Afsluiting.PostAsync(new AfsluitingRequest { Reden = "Geëvalueerd; geen vervolg nodig.", Datum = vandaag });
    var eind = await item.GetAsync();
    Stap(6, eind);
    if (eind?.Stap != Casus.Contract.Kiota.Models.Stap.Afgesloten || eind.Subjecten?.Count != 1 || eind.Interventies?.Count != 1)
        throw new InvalidOperationException($"The casus did not end as walked: step {eind?.Stap}.");
    // The rechtspersoon comes back as exactly that kind (the discriminator `soort` chooses the class), with its fields.
    if (eind.Subjecten[0].Subject is not SubjectRechtspersoon { KvkNummer: "12345678", Naam: "Ringbaan Vastgoed B.V." } rechtspersoon)
        throw new InvalidOperationException($"The subject came back as {eind.Subjecten[0].Subject?.GetType().Name}, not as the rechtspersoon sent.");
    Console.WriteLine($"subject: {rechtspersoon.Naam} read back as {rechtspersoon.GetType().Name}");
    Console.WriteLine($"walk: casus {id} went through the six steps with the generated Kiota client");
    return 0;
}
catch (ProblemDetails problem)
{
    Console.Error.WriteLine($"walk failed: {problem.Status} {problem.Code}: {problem.Detail} " +
        string.Join("; ", problem.InvalidParams?.Select(p => $"{p.Name}: {p.Reason}") ?? []));
    return 1;
}

CasusClient Client(string? token)
{
    var http = new HttpClient();
    if (token is not null) http.DefaultRequestHeaders.Authorization = new("Bearer", token);
    return new CasusClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = basis });
}

static async Task<string> Token(CasusClient client, string gebruiker, OrganisatieRequest organisatie, List<Rol?> rollen, List<RiecRegio?> regios) =>
    (await client.Ontwikkeltokens.PostAsync(new OntwikkeltokenRequest
    {
        GebruikerId = gebruiker, Organisatie = organisatie, Rollen = rollen, Regios = regios,
    }))!.Token!;

static void Stap(int nummer, IntegraleCasus? casus) => Console.WriteLine($"step {nummer}: casus {casus?.Id} in {casus?.Stap}, version {casus?.Versie}");
