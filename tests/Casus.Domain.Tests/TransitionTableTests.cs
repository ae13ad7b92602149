using Casus.Domain.Casussen;

namespace Casus.Domain.Tests;

/// <summary>Every (step, command) pair, generated from the enums: a pair with a row in <see cref="Stappen.Tabel"/> is
/// accepted and ends in one of the row's steps; any other pair is refused with <see cref="StapNietToegestaan"/>.</summary>
public sealed class TransitionTableTests
{
    private static IEnumerable<(Stap? Stap, CommandoSoort Soort)> AllePairs() =>
        from stap in new Stap?[] { null }.Concat(Enum.GetValues<Stap>().Select(s => (Stap?)s))
        from soort in Enum.GetValues<CommandoSoort>()
        select (stap, soort);

    public static TheoryData<Stap?, CommandoSoort> PairsInTheTable()
    {
        var data = new TheoryData<Stap?, CommandoSoort>();
        foreach (var (stap, soort) in AllePairs().Where(p => Stappen.Zoek(p.Soort, p.Stap) is not null)) data.Add(stap, soort);
        return data;
    }

    public static TheoryData<Stap?, CommandoSoort> PairsNotInTheTable()
    {
        var data = new TheoryData<Stap?, CommandoSoort>();
        foreach (var (stap, soort) in AllePairs().Where(p => Stappen.Zoek(p.Soort, p.Stap) is null)) data.Add(stap, soort);
        return data;
    }

    private static IntegraleCasus? CasusIn(Stap? stap) => stap is { } s ? Geschiedenis.CasusIn(s) : null;

    [Theory]
    [MemberData(nameof(PairsInTheTable))]
    public void A_valid_command_allowed_in_the_step_is_accepted_and_leads_to_one_of_the_rows_steps(Stap? stap, CommandoSoort soort)
    {
        var casus = CasusIn(stap);
        var commando = Voorbeeld.GeldigCommando(soort, stap);
        Assert.Equal(soort, commando.Soort);

        var gebeurtenissen = Uitkomst.Aanvaard(casus, commando);
        var na = IntegraleCasus.Evolve(casus, gebeurtenissen);

        Assert.Contains(na.Stap, Stappen.Zoek(soort, stap)!.Naar);
        Assert.Equal((casus?.Versie ?? 0) + gebeurtenissen.Count, na.Versie);
    }

    [Theory]
    [MemberData(nameof(PairsNotInTheTable))]
    public void A_command_not_allowed_in_the_step_is_refused_naming_the_step_and_the_allowed_commands(Stap? stap, CommandoSoort soort)
    {
        var casus = CasusIn(stap);
        var commando = Voorbeeld.GeldigCommando(soort, stap);

        var beslissing = Beslisser.Beslis(casus, commando);

        var schending = Assert.IsType<StapNietToegestaan>(beslissing.Schending);
        Assert.Equal(Regels.StapNietToegestaan, schending.Code);
        Assert.Equal(stap, schending.Huidig);
        Assert.Equal(soort, schending.Commando);
        Assert.Equal(Stappen.Toegestaan(stap), schending.Toegestaan);
        Assert.Contains(soort.ToString(), schending.Melding);
        Assert.Empty(beslissing.Gebeurtenissen);
    }

    [Fact]
    public void The_pairs_in_and_not_in_the_table_together_cover_every_step_and_command()
    {
        var stappen = Enum.GetValues<Stap>().Length + 1;
        var commandos = Enum.GetValues<CommandoSoort>().Length;
        Assert.Equal(stappen * commandos, PairsInTheTable().Count() + PairsNotInTheTable().Count());
        Assert.Equal(Stappen.Tabel.Count, PairsInTheTable().Count());
    }

    [Fact]
    public void The_table_has_at_most_one_row_per_command_and_step()
    {
        var dubbel = Stappen.Tabel.GroupBy(o => (o.Commando, o.Van)).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(dubbel);
    }

    [Fact]
    public void Every_command_has_a_row_and_every_row_leads_somewhere()
    {
        Assert.Equal(Enum.GetValues<CommandoSoort>().Order(), Stappen.Tabel.Select(o => o.Commando).Distinct().Order());
        Assert.All(Stappen.Tabel, o => Assert.NotEmpty(o.Naar));
    }

    [Fact]
    public void Every_step_is_reached_by_some_row_and_only_afgesloten_has_no_way_out()
    {
        Assert.Equal(Enum.GetValues<Stap>().Order(), Stappen.Tabel.SelectMany(o => o.Naar).Distinct().Order());
        Assert.Equal([Stap.Afgesloten], Enum.GetValues<Stap>().Where(s => Stappen.Toegestaan(s).Count == 0));
    }

    [Fact]
    public void Without_a_casus_only_signaal_indienen_is_allowed()
    {
        Assert.Equal([CommandoSoort.SignaalIndienen], Stappen.Toegestaan(null));

        var schending = Uitkomst.Geweigerd(null, new VerkenningStarten("J. de Vries"), Regels.StapNietToegestaan);

        Assert.Contains("bestaat nog niet", schending.Melding);
    }

    public static TheoryData<Stap?, CommandoSoort[]> WerkwijzePerStap() => new()
    {
        { null, [CommandoSoort.SignaalIndienen] },
        { Stap.SignaalIngediend, [CommandoSoort.VerkenningStarten] },
        { Stap.Verkennen, [CommandoSoort.SubjectToevoegen, CommandoSoort.VerkenningBesluiten] },
        {
            Stap.InformatieDelenEnAnalyseren,
            [
                CommandoSoort.PartnerAansluiten, CommandoSoort.SubjectToevoegen, CommandoSoort.InformatieVerzoeken,
                CommandoSoort.InformatieDelen, CommandoSoort.AnalyseVastleggen, CommandoSoort.InterventieadviesUitbrengen,
            ]
        },
        {
            Stap.Uitvoeren,
            [
                CommandoSoort.PartnerAansluiten, CommandoSoort.SubjectToevoegen, CommandoSoort.InterventieRegistreren,
                CommandoSoort.Terugstappen, CommandoSoort.UitvoeringAfronden,
            ]
        },
        { Stap.Evalueren, [CommandoSoort.EvaluatieVastleggen, CommandoSoort.Terugstappen, CommandoSoort.Afsluiten] },
        { Stap.Afgesloten, [] },
    };

    [Theory]
    [MemberData(nameof(WerkwijzePerStap))]
    public void Each_step_allows_exactly_the_commands_of_the_werkwijze(Stap? stap, CommandoSoort[] toegestaan)
    {
        Assert.Equal(toegestaan.Order(), Stappen.Toegestaan(stap).Order());
    }

    [Fact]
    public void The_allowed_commands_of_a_step_are_listed_in_table_order()
    {
        Assert.Equal(
            [
                CommandoSoort.PartnerAansluiten, CommandoSoort.SubjectToevoegen, CommandoSoort.InterventieRegistreren,
                CommandoSoort.Terugstappen, CommandoSoort.UitvoeringAfronden,
            ],
            Stappen.Toegestaan(Stap.Uitvoeren));
        Assert.Equal([CommandoSoort.SubjectToevoegen, CommandoSoort.VerkenningBesluiten], Stappen.Toegestaan(Stap.Verkennen));
    }

    [Fact]
    public void A_refusal_message_names_the_current_step_and_the_allowed_commands()
    {
        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.Verkennen), Voorbeeld.Afsluiten(), Regels.StapNietToegestaan);

        Assert.Contains(nameof(Stap.Verkennen), schending.Melding);
        Assert.Contains(nameof(CommandoSoort.SubjectToevoegen), schending.Melding);
        Assert.Contains(nameof(CommandoSoort.VerkenningBesluiten), schending.Melding);
    }
}
