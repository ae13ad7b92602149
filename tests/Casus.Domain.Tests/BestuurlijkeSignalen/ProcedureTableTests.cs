using Casus.Domain.BestuurlijkeSignalen;

namespace Casus.Domain.Tests.BestuurlijkeSignalen;

/// <summary>Every (step, command) pair of the signaal procedure, generated from the enums: a pair in <see cref="Procedure.Tabel"/>
/// is accepted and leads to the row's step; any other is refused, as frozen (a change after definitive submission) or as not
/// allowed in the step, and appends nothing.</summary>
public sealed class ProcedureTableTests
{
    private static IEnumerable<(SignaalStap? Stap, SignaalCommandoSoort Soort)> AllePairs() =>
        from stap in new SignaalStap?[] { null }.Concat(Enum.GetValues<SignaalStap>().Select(s => (SignaalStap?)s))
        from soort in Enum.GetValues<SignaalCommandoSoort>()
        select (stap, soort);

    public static TheoryData<SignaalStap?, SignaalCommandoSoort> InDeTabel()
    {
        var data = new TheoryData<SignaalStap?, SignaalCommandoSoort>();
        foreach (var (stap, soort) in AllePairs().Where(p => Procedure.Zoek(p.Soort, p.Stap) is not null)) data.Add(stap, soort);
        return data;
    }

    public static TheoryData<SignaalStap?, SignaalCommandoSoort> NietInDeTabel()
    {
        var data = new TheoryData<SignaalStap?, SignaalCommandoSoort>();
        foreach (var (stap, soort) in AllePairs().Where(p => Procedure.Zoek(p.Soort, p.Stap) is null)) data.Add(stap, soort);
        return data;
    }

    private static BestuurlijkSignaal? SignaalIn(SignaalStap? stap) => stap is { } s ? SignaalGeschiedenis.In(s) : null;

    [Theory]
    [MemberData(nameof(InDeTabel))]
    public void A_valid_command_allowed_in_the_step_is_accepted_and_leads_to_the_rows_step(SignaalStap? stap, SignaalCommandoSoort soort)
    {
        var signaal = SignaalIn(stap);
        var commando = SignaalGeschiedenis.GeldigCommando(soort);
        Assert.Equal(soort, commando.Soort);
        var beslissing = SignaalBeslisser.Beslis(signaal, commando, SignaalContext.Leeg);
        Assert.True(beslissing.Schending is null, beslissing.Schending?.Melding);
        Assert.NotEmpty(beslissing.Gebeurtenissen);
        var na = BestuurlijkSignaal.Evolve(signaal, beslissing.Gebeurtenissen);
        Assert.Equal(Procedure.Zoek(soort, stap)!.Naar, na.Stap);
        Assert.Equal((signaal?.Versie ?? 0) + beslissing.Gebeurtenissen.Count, na.Versie);
    }

    [Theory]
    [MemberData(nameof(NietInDeTabel))]
    public void A_command_not_in_the_table_is_refused_and_appends_nothing(SignaalStap? stap, SignaalCommandoSoort soort)
    {
        var signaal = SignaalIn(stap);
        var beslissing = SignaalBeslisser.Beslis(signaal, SignaalGeschiedenis.GeldigCommando(soort), SignaalContext.Leeg);
        Assert.Empty(beslissing.Gebeurtenissen);
        var bevroren = stap is { } s && Procedure.IsIngediend(s) && SignaalGeschiedenis.GeldigCommando(soort) is ISignaalWijziging;
        if (bevroren)
        {
            var schending = Assert.IsType<SignaalBevroren>(beslissing.Schending);
            Assert.Equal(SignaalRegels.DefinitiefIngediend, schending.Code);
            Assert.Equal(signaal!.InhoudHash, schending.InhoudHash);
        }
        else
        {
            var schending = Assert.IsType<SignaalStapNietToegestaan>(beslissing.Schending);
            Assert.Equal(SignaalRegels.StapNietToegestaan, schending.Code);
            Assert.Equal(stap, schending.Huidig);
            Assert.Equal(Procedure.Toegestaan(stap), schending.Toegestaan);
        }
    }

    [Fact]
    public void From_definitive_submission_on_no_row_changes_the_text_or_the_indieners()
    {
        var wijzigingen = Enum.GetValues<SignaalCommandoSoort>().Where(s => SignaalGeschiedenis.GeldigCommando(s) is ISignaalWijziging).ToList();
        Assert.Equal([SignaalCommandoSoort.Opstellen, SignaalCommandoSoort.InhoudWijzigen, SignaalCommandoSoort.IndienerToevoegen, SignaalCommandoSoort.Intrekken], wijzigingen);
        Assert.DoesNotContain(Procedure.Tabel, o => o.Van is { } van && Procedure.IsIngediend(van) && wijzigingen.Contains(o.Commando));
        // Every step after submission keeps the recorded hash, whatever happens next.
        var hash = SignaalGeschiedenis.In(SignaalStap.DefinitiefIngediend).InhoudHash;
        foreach (var stap in Enum.GetValues<SignaalStap>().Where(Procedure.IsIngediend))
            Assert.Equal(hash, SignaalGeschiedenis.In(stap).InhoudHash);
    }

    [Fact]
    public void Withdrawn_and_effect_recorded_accept_only_what_the_table_says()
    {
        Assert.Empty(Procedure.Toegestaan(SignaalStap.Ingetrokken));
        Assert.Equal([SignaalCommandoSoort.ToestemmingVastleggen, SignaalCommandoSoort.Publiceren], Procedure.Toegestaan(SignaalStap.EffectVastgelegd));
    }

    [Fact]
    public void Every_step_is_reachable_and_every_command_has_a_row()
    {
        Assert.All(Enum.GetValues<SignaalStap>(), s => Assert.Contains(Procedure.Tabel, o => o.Naar == s));
        Assert.All(Enum.GetValues<SignaalCommandoSoort>(), c => Assert.Contains(Procedure.Tabel, o => o.Commando == c));
    }
}
