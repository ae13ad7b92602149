using Casus.Domain.BestuurlijkeSignalen;
using static Casus.Domain.Tests.BestuurlijkeSignalen.SignaalGeschiedenis;

namespace Casus.Domain.Tests.BestuurlijkeSignalen;

/// <summary>The signaal's terms: which run in which step, when they pass, recorded once.</summary>
public sealed class SignaalTermijnenTests
{
    [Theory]
    [InlineData(SignaalStap.Concept, null)]
    [InlineData(SignaalStap.ToetsingsoverlegGehouden, null)]
    [InlineData(SignaalStap.DefinitiefIngediend, null)]
    [InlineData(SignaalStap.AangebodenAanBewindspersonen, "reactie")]
    [InlineData(SignaalStap.ReactieOntvangen, null)]
    [InlineData(SignaalStap.Afgerond, "effect")]
    [InlineData(SignaalStap.EffectVastgelegd, null)]
    [InlineData(SignaalStap.Ingetrokken, null)]
    public void One_term_runs_while_the_signaal_waits_on_the_ministers_or_the_indieners(SignaalStap stap, string? sleutel)
    {
        var lopend = SignaalTermijnen.Lopend(In(stap));
        Assert.Equal(sleutel is null ? [] : [sleutel], lopend.Select(t => t.Sleutel));
    }

    [Fact]
    public void The_answer_term_passes_the_day_after_its_last_day_and_is_recorded_once()
    {
        var s = In(SignaalStap.AangebodenAanBewindspersonen);
        Assert.Equal(new DateOnly(2027, 2, 18), SignaalTermijnen.Volgende(s));
        Assert.Empty(SignaalTermijnen.Bewaak(s, new DateOnly(2027, 2, 18)));
        var verstreken = Assert.Single(SignaalTermijnen.Bewaak(s, new DateOnly(2027, 2, 19)));
        Assert.Equal(new SignaalTermijnVerstreken("reactie", SignaalTermijnSoort.Reactie, "bewindspersonen", new DateOnly(2027, 2, 18)), verstreken);
        var na = BestuurlijkSignaal.Evolve(s, verstreken);
        Assert.Empty(SignaalTermijnen.Bewaak(na, new DateOnly(2027, 6, 1)));
        Assert.Null(SignaalTermijnen.Volgende(na));
        Assert.Null(SignaalTermijnen.MetVolgende(na).VolgendeTermijn);
    }

    [Fact]
    public void The_effect_term_waits_on_the_indieners_six_months_after_completion()
    {
        var s = In(SignaalStap.Afgerond);
        var t = Assert.Single(SignaalTermijnen.Lopend(s));
        Assert.Equal(("indieners", new DateOnly(2027, 5, 21)), (t.WachtOp, t.Uiterlijk));
        Assert.True(t.VerlooptBinnenkort(new DateOnly(2027, 5, 14), 7));
        Assert.False(t.VerlooptBinnenkort(new DateOnly(2027, 5, 13), 7));
        Assert.True(t.IsVerlopen(new DateOnly(2027, 5, 22)));
    }

    [Fact]
    public void Replaying_the_events_gives_the_same_state_and_versions()
    {
        var gebeurtenissen = GebeurtenissenTot(SignaalStap.EffectVastgelegd);
        var s = BestuurlijkSignaal.Evolve(null, gebeurtenissen);
        Assert.Equal(gebeurtenissen.Count, s.Versie);
        Assert.Equal(Id, s.Id);
        Assert.Throws<InvalidOperationException>(() => BestuurlijkSignaal.Evolve(s, gebeurtenissen[0]));
        Assert.Throws<InvalidOperationException>(() => BestuurlijkSignaal.Evolve(null, gebeurtenissen[1]));
    }
}
