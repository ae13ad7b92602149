using System.Reflection;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>Every code in <see cref="Regels"/> (found by reflection, so a new code fails here until it has an example)
/// is produced by a command; the topic files test each rule in detail.</summary>
public sealed class RuleCodeCoverageTests
{
    private static readonly IReadOnlyDictionary<string, Func<Beslissing>> Voorbeelden = new Dictionary<string, Func<Beslissing>>
    {
        [Regels.StapNietToegestaan] = () => Beslisser.Beslis(Geschiedenis.CasusIn(Stap.Verkennen), Voorbeeld.Afsluiten()),
        [Regels.PartnerNietAangesloten] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Verzoek(Organisaties.Belastingdienst)),
        [Regels.PartnerAlAangesloten] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.Uitvoeren), new PartnerAansluiten(Organisaties.Tilburg)),
        [Regels.SubjectAlToegevoegd] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.Uitvoeren), new SubjectToevoegen(Voorbeeld.Bv)),
        [Regels.VerzoekOnbekend] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Bijdrage(Organisaties.Politie, 2)),
        [Regels.VerzoekAanAnderePartner] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Bijdrage(Organisaties.Tilburg, 1)),
        [Regels.VerzoekAlBeantwoord] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), Voorbeeld.Bijdrage(Organisaties.Politie, 1)),
        [Regels.AnalyseOntbreekt] = () => Beslisser.Beslis(Geschiedenis.Casus(Geschiedenis.Opgenomen()), Voorbeeld.Advies()),
        [Regels.AdviesOnbekend] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bestuurlijk, 9)),
        [Regels.AdviesAnderePartnerOfInstrument] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bestuurlijk, 2)),
        [Regels.EvaluatieOntbreekt] = () =>
            Beslisser.Beslis(Geschiedenis.Casus(Geschiedenis.UitvoeringAfgerond()), Voorbeeld.Afsluiten()),
        [Regels.TerugstapOngeldig] = () => Beslisser.Beslis(Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Terug(Stap.Verkennen)),
        [Regels.DatumVoorSignaal] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.Evalueren), Voorbeeld.Afsluiten(Voorbeeld.Dag(-1))),
        [Regels.DatumVoorVorigeStap] = () =>
            Beslisser.Beslis(Geschiedenis.CasusIn(Stap.Uitvoeren), Voorbeeld.Interventie(Organisaties.Tilburg, Instrument.Bestuurlijk, 1, Voorbeeld.Dag(9))),
    };

    private static IEnumerable<string> CodesInRegels() =>
        typeof(Regels).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);

    public static TheoryData<string> AlleCodes() => new(CodesInRegels());

    [Theory]
    [MemberData(nameof(AlleCodes))]
    public void Every_rule_code_is_produced_by_a_refused_command(string code)
    {
        Assert.True(Voorbeelden.TryGetValue(code, out var voorbeeld), $"No example command breaks rule {code}; add one here and a test.");

        var beslissing = voorbeeld();

        Assert.Equal(code, beslissing.Schending?.Code);
        Assert.Empty(beslissing.Gebeurtenissen);
    }

    [Fact]
    public void The_rule_codes_are_distinct_and_follow_the_casus_naming()
    {
        var codes = CodesInRegels().ToList();

        Assert.Equal(14, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^casus\\.[a-z]+(-[a-z]+)*$", c));
        Assert.Equal(Voorbeelden.Keys.Order(), codes.Order());
    }
}
