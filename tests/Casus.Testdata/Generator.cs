using Casus.Api.Casussen.Requests;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Toegang;

namespace Casus.Testdata;

/// <summary>Makes realistic casussen, deterministically from a seed: regions, sources, themes and intervention advices in
/// the proportions of jaarverslag 2023 (Tabel 1), amounts like Tabel 2, and every step of the Werkwijze with realistic
/// durations, including refusals at verkennen, unanswered information requests and back-steps. Signalen arrive evenly
/// between <c>van</c> and <c>tot</c>; a casus only gets the commands dated up to <c>tot</c>, so recent ones are still open.</summary>
public sealed class Generator(int seed)
{
    /// <summary>Tabel 1 row 2 (behandelde casussen 2023); Caribisch Nederland, a pilot, had 3 lopende casussen.</summary>
    private static readonly (RiecRegio, int)[] RegioGewicht =
    [
        (RiecRegio.AmsterdamAmstelland, 153), (RiecRegio.DenHaag, 56), (RiecRegio.Limburg, 39), (RiecRegio.MiddenNederland, 55),
        (RiecRegio.NoordHolland, 188), (RiecRegio.NoordNederland, 57), (RiecRegio.TaskforceBrabantZeeland, 226),
        (RiecRegio.OostNederland, 521), (RiecRegio.Rotterdam, 135), (RiecRegio.CaribischNederland, 3),
    ];

    /// <summary>Tabel 1 rows 2a-2f, summed over the regions.</summary>
    private enum Bron { Ondermijningsbeeld, Gemeente, Om, Politie, Belastingdienst, Overig }

    private static readonly (Bron, int)[] BronGewicht =
        [(Bron.Ondermijningsbeeld, 4), (Bron.Gemeente, 407), (Bron.Om, 24), (Bron.Politie, 594), (Bron.Belastingdienst, 43), (Bron.Overig, 84)];

    /// <summary>Tabel 1 rows 3a-3f: how often a theme played, per 1430 casussen.</summary>
    private static readonly (ThemaSoort, double)[] ThemaKans =
    [
        (ThemaSoort.MensenhandelEnMensensmokkel, 98 / 1430.0), (ThemaSoort.HennepteeltEnDrugs, 312 / 1430.0),
        (ThemaSoort.Witwassen, 521 / 1430.0), (ThemaSoort.Vastgoed, 84 / 1430.0), (ThemaSoort.Omg, 26 / 1430.0),
        (ThemaSoort.Regionaal, 358 / 1430.0),
    ];

    /// <summary>Tabel 1 rows 4a-4d (Bibob separately).</summary>
    private static readonly (Instrument, int)[] InstrumentGewicht =
    [
        (Instrument.Bestuurlijk, 570), (Instrument.Bibob, 401), (Instrument.Strafrechtelijk, 201), (Instrument.Fiscaal, 228),
        (Instrument.Overig, 235),
    ];

    private readonly Random _random = new(seed);

    /// <summary>For what regions register besides the 2023 proportions (a second source, no theme): its own sequence, so the
    /// rest of the generated data stays what it was for a seed.</summary>
    private readonly Random _extra = new(unchecked(seed * 7919 + 13));

    public Generatie Maak(int aantal, DateOnly van, DateOnly tot)
    {
        var casussen = new List<GegenereerdeCasus>();
        var commandos = new List<GeplandCommando>();
        for (var nummer = 0; nummer < aantal; nummer++)
        {
            var signaal = van.AddDays(_random.Next(tot.DayNumber - van.DayNumber + 1));
            var (casus, eigen) = MaakCasus(nummer, signaal, tot);
            casussen.Add(casus);
            commandos.AddRange(eigen);
        }
        return new Generatie(casussen, commandos.OrderBy(c => c.Tijdstip).ThenBy(c => c.Casus).ToList());
    }

    private (GegenereerdeCasus, List<GeplandCommando>) MaakCasus(int nummer, DateOnly signaalDatum, DateOnly tot)
    {
        var regio = Landschap.Regios[Kies(RegioGewicht)];
        var coordinator = Landschap.Coordinator(regio.Naam);
        var bron = Kies(BronGewicht);
        var indiener = bron switch
        {
            Bron.Ondermijningsbeeld => regio.Riec,
            Bron.Gemeente => Een(regio.Gemeenten),
            Bron.Om => regio.Om,
            Bron.Politie => regio.Politie,
            Bron.Belastingdienst => Landschap.Belastingdienst,
            _ => Een(Landschap.Overige),
        };
        var themas = ThemaKans.Where(t => _random.NextDouble() < t.Item2).Select(t => t.Item1).ToList();
        if (themas.Count == 0) themas.Add(Kies(ThemaKans.Select(t => (t.Item1, (int)(t.Item2 * 1430))).ToArray()));
        // As regions register: one in ten signalen also came from a second organisation, one in twenty has no theme.
        var bronnen = new List<Organisatie>();
        if (_extra.NextDouble() < 0.1)
        {
            Organisatie[] kandidaten = [regio.Politie, Landschap.Belastingdienst, regio.Om, regio.Gemeenten[_extra.Next(regio.Gemeenten.Count)]];
            var tweede = kandidaten[_extra.Next(kandidaten.Length)];
            if (tweede.Id != indiener.Id) bronnen.Add(tweede);
        }
        if (_extra.NextDouble() < 0.05) themas.Clear();
        var casus = new GegenereerdeCasus
        {
            Nummer = nummer, Regio = regio.Naam, Indiener = indiener, UitOndermijningsbeeld = bron == Bron.Ondermijningsbeeld,
            SignaalDatum = signaalDatum, Themas = themas, Bronnen = bronnen,
        };
        var plan = new Plan(nummer, signaalDatum, tot, _random);

        if (!plan.Op(0, 0, indiener.Type == PartnerType.Riec ? coordinator : Landschap.Medewerker(indiener), CommandoSoort.SignaalIndienen,
                d => new SignaalIndienenRequest(regio.Naam, Org(indiener), d, $"Signaal {nummer}: vermoeden van ondermijning in regio {regio.Naam}.",
                    [.. themas.Select(t => new ThemaRequest(t, t == ThemaSoort.Regionaal ? "Regionaal thema" : null))], casus.UitOndermijningsbeeld,
                    [.. bronnen.Select(Org)])))
            return (casus, plan.Commandos);
        if (!plan.Op(0, 10, coordinator, CommandoSoort.VerkenningStarten, _ => new VerkenningStartenRequest($"Coördinator {regio.Naam}")))
            return (casus, plan.Commandos);
        casus.Stap = Stap.Verkennen;
        if (_random.NextDouble() < 0.5
            && !plan.Op(0, 5, coordinator, CommandoSoort.SubjectToevoegen,
                _ => new SubjectRequest(SubjectSoort.Rechtspersoon, KvkNummer: (10_000_000 + nummer).ToString(), Naam: $"Bedrijf {nummer} B.V.")))
            return (casus, plan.Commandos);

        if (_random.NextDouble() < 0.15)
        {
            if (plan.Op(7, 60, coordinator, CommandoSoort.VerkenningBesluiten,
                    _ => new VerkenningsbesluitRequest(Verkenningsbesluit.NietOpnemen, null, null, "Geen meerwaarde van een integrale aanpak.")))
                (casus.Stap, casus.AfgeslotenOp) = (Stap.Afgesloten, plan.Datum);
            return (casus, plan.Commandos);
        }
        var partners = new List<Organisatie>();
        if (indiener.Type != PartnerType.Riec) partners.Add(indiener);
        foreach (var kandidaat in new[] { regio.Politie, Landschap.Belastingdienst, regio.Om, Een(regio.Gemeenten), Een(Landschap.Overige) })
            if (_random.NextDouble() < 0.6 && !partners.Contains(kandidaat)) partners.Add(kandidaat);
        if (partners.Count == 0) partners.Add(regio.Politie);
        if (!plan.Op(7, 60, coordinator, CommandoSoort.VerkenningBesluiten,
                _ => new VerkenningsbesluitRequest(Verkenningsbesluit.Opnemen, "Integrale aanpak heeft meerwaarde.", [.. partners.Select(Org)], null)))
            return (casus, plan.Commandos);
        (casus.Stap, casus.OpgenomenOp) = (Stap.InformatieDelenEnAnalyseren, plan.Datum);
        casus.Partners.AddRange(partners);

        // Informatie delen: requests, some answered before the advice.
        var adviesNa = _random.Next(20, 120);
        var verzoekenStart = plan.Tijdstip;
        // The API numbers requests in the order they arrive: plan them in that order.
        var dagen = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => _random.Next(0, adviesNa / 2)).Order().ToList();
        for (var i = 1; i <= dagen.Count; i++)
        {
            var aan = Een(partners);
            var dag = dagen[i - 1];
            var verzocht = plan.Tijdstip.AddDays(dag).AddMinutes(i);
            if (DateOnly.FromDateTime(verzocht.UtcDateTime) > tot) break;
            plan.Commandos.Add(new GeplandCommando(verzocht, nummer, coordinator, CommandoSoort.InformatieVerzoeken,
                new InformatieverzoekRequest(aan.Id, $"Wat is bij {aan.Naam} bekend?", "art. 20 RIEC-LIEC convenant")));
            var beantwoordNa = _random.Next(2, 60);
            var beantwoord = _random.NextDouble() < 0.8 && dag + beantwoordNa < adviesNa ? verzocht.AddDays(beantwoordNa) : (DateTimeOffset?)null;
            if (beantwoord is { } b && DateOnly.FromDateTime(b.UtcDateTime) > tot) beantwoord = null;
            casus.Verzoeken.Add(new GegenereerdVerzoek(i, aan.Id, verzocht, beantwoord));
            if (beantwoord is { } op)
                plan.Commandos.Add(new GeplandCommando(op, nummer, Landschap.Medewerker(aan), CommandoSoort.InformatieDelen,
                    new InformatiebijdrageRequest(aan.Id, InformatieCategorie.Overig, "Gegevens gedeeld.", "art. 20 RIEC-LIEC convenant", i)));
        }
        plan.Tijdstip = verzoekenStart;
        // Every answer falls on a day before the analysis, so before the advice ends informatie delen.
        if (!plan.Op(adviesNa, adviesNa, coordinator, CommandoSoort.AnalyseVastleggen, _ => new AnalyseRequest("Integrale casusanalyse.")))
            return (casus, plan.Commandos);

        // The advice: 1-4 interventions, each for a fitting partner (a missing one joins first).
        var regels = new List<(Instrument Instrument, Organisatie Partner)>();
        for (var i = 0; i < _random.Next(1, 5); i++)
        {
            var instrument = Kies(InstrumentGewicht);
            var partner = instrument switch
            {
                Instrument.Bestuurlijk or Instrument.Bibob => casus.Partners.FirstOrDefault(p => p.Type == PartnerType.Gemeente) ?? Een(regio.Gemeenten),
                Instrument.Strafrechtelijk => _random.NextDouble() < 0.5 ? regio.Politie : regio.Om,
                Instrument.Fiscaal => Landschap.Belastingdienst,
                _ => Een(casus.Partners),
            };
            if (!casus.Partners.Contains(partner))
            {
                if (!plan.Op(0, 2, coordinator, CommandoSoort.PartnerAansluiten, _ => new PartnerRequest(Org(partner)))) return (casus, plan.Commandos);
                casus.Partners.Add(partner);
            }
            regels.Add((instrument, partner));
        }
        if (!plan.Op(1, 10, coordinator, CommandoSoort.InterventieadviesUitbrengen,
                d => new InterventieadviesRequest([.. regels.Select(r => new AdviesRegelRequest(r.Instrument, r.Partner.Id, $"{r.Instrument} door {r.Partner.Naam}."))], d)))
            return (casus, plan.Commandos);
        casus.Stap = Stap.Uitvoeren;
        var eersteAdvies = casus.Adviezen.Count + 1;
        casus.Adviezen.AddRange(regels.Select((r, i) => new GegenereerdAdvies(eersteAdvies + i, plan.Datum, r.Instrument, r.Partner.Id)));

        for (var ronde = 0; ; ronde++)
        {
            foreach (var advies in casus.Adviezen.Where(a => casus.Interventies.All(i => i.AdviesNummer != a.Nummer)).ToList())
            {
                if (_random.NextDouble() >= 0.75) continue;
                var partner = casus.Partners.Single(p => p.Id == advies.PartnerId);
                var bedragen = Bedragen(advies.Instrument);
                if (!plan.Op(5, 90, Landschap.Medewerker(partner), CommandoSoort.InterventieRegistreren,
                        d => new InterventieRequest(advies.Instrument, partner.Id, d, "Uitgevoerd.", bedragen, advies.Nummer)))
                    return (casus, plan.Commandos);
                casus.Interventies.Add(new GegenereerdeInterventie(plan.Datum, advies.Instrument, partner.Id, bedragen, advies.Nummer));
            }
            if (!plan.Op(5, 30, coordinator, CommandoSoort.UitvoeringAfronden, _ => new UitvoeringsafrondingRequest("Interventies uitgevoerd.")))
                return (casus, plan.Commandos);
            casus.Stap = Stap.Evalueren;
            if (!plan.Op(5, 30, coordinator, CommandoSoort.EvaluatieVastleggen, _ => new EvaluatieRequest("Effect bereikt.", "Eerder delen.")))
                return (casus, plan.Commandos);
            if (ronde > 0 || _random.NextDouble() >= 0.1) break;
            if (!plan.Op(1, 10, coordinator, CommandoSoort.Terugstappen, _ => new TerugstapRequest(Stap.Uitvoeren, "Nieuwe informatie; meer nodig.")))
                return (casus, plan.Commandos);
            casus.Stap = Stap.Uitvoeren;
        }
        if (plan.Op(1, 20, coordinator, CommandoSoort.Afsluiten, d => new AfsluitingRequest("Doelen bereikt.", d)))
            (casus.Stap, casus.AfgeslotenOp) = (Stap.Afgesloten, plan.Datum);
        return (casus, plan.Commandos);
    }

    /// <summary>Tabel 2 money: fiscal interventions impose assessments (part collected, part secured by beslag); some criminal
    /// ones confiscate; the rest carry no amounts.</summary>
    private Bedragen Bedragen(Instrument instrument)
    {
        if (instrument == Instrument.Fiscaal || (instrument == Instrument.Strafrechtelijk && _random.NextDouble() < 0.3))
        {
            var opgelegd = _random.Next(5_000, 500_000) + _random.Next(100) / 100m;
            var geind = _random.NextDouble() < 0.7 ? decimal.Round(opgelegd * (decimal)_random.NextDouble(), 2) : 0m;
            var beslag = _random.NextDouble() < 0.5 ? decimal.Round(opgelegd * (decimal)_random.NextDouble(), 2) : 0m;
            return new Bedragen(opgelegd, geind, beslag);
        }
        return new Bedragen();
    }

    private T Kies<T>((T Waarde, int Gewicht)[] opties)
    {
        var worp = _random.Next(opties.Sum(o => o.Gewicht));
        foreach (var (waarde, gewicht) in opties)
            if ((worp -= gewicht) < 0) return waarde;
        throw new InvalidOperationException("Unreachable: the weights sum to more than the throw.");
    }

    private T Een<T>(IReadOnlyList<T> lijst) => lijst[_random.Next(lijst.Count)];

    private static OrganisatieRequest Org(Organisatie o) => new(o.Id, o.Naam, o.Type);

    /// <summary>The timeline of one casus: each command a number of days after the previous one, in office hours (UTC 08:00-16:00,
    /// the same calendar day in the Netherlands), never after <see cref="_tot"/>.</summary>
    private sealed class Plan(int casus, DateOnly signaal, DateOnly tot, Random random)
    {
        private readonly DateOnly _tot = tot;
        public List<GeplandCommando> Commandos { get; } = [];
        public DateTimeOffset Tijdstip { get; set; } = new(signaal.ToDateTime(new TimeOnly(8, 0)).AddMinutes(casus % 240), TimeSpan.Zero);
        public DateOnly Datum => DateOnly.FromDateTime(Tijdstip.UtcDateTime);

        /// <summary>Plans the command <paramref name="minDagen"/>-<paramref name="maxDagen"/> days on; false (and nothing planned)
        /// when that is after the end of the generated period.</summary>
        public bool Op(int minDagen, int maxDagen, Actor als, CommandoSoort soort, Func<DateOnly, object> body)
        {
            var dagen = random.Next(minDagen, maxDagen + 1);
            var volgende = dagen == 0 ? Tijdstip.AddMinutes(random.Next(1, 15)) : Tijdstip.Date.AddDays(dagen).AddHours(8).AddMinutes(casus % 240 + random.Next(60));
            var tijdstip = new DateTimeOffset(volgende.Ticks, TimeSpan.Zero);
            if (DateOnly.FromDateTime(tijdstip.UtcDateTime) > _tot) return false;
            Tijdstip = tijdstip;
            Commandos.Add(new GeplandCommando(tijdstip, casus, als, soort, body(Datum)));
            return true;
        }
    }
}
