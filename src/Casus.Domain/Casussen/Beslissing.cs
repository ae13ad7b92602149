namespace Casus.Domain.Casussen;

/// <summary>The outcome of a decision: the events to append, or the rule it breaks.</summary>
public sealed record Beslissing
{
    private Beslissing(IReadOnlyList<ICasusGebeurtenis> gebeurtenissen, Regelschending? schending)
    {
        Gebeurtenissen = gebeurtenissen;
        Schending = schending;
    }

    public IReadOnlyList<ICasusGebeurtenis> Gebeurtenissen { get; }
    public Regelschending? Schending { get; }

    public static Beslissing Gebeurd(params ICasusGebeurtenis[] gebeurtenissen) => new(gebeurtenissen, null);
    public static Beslissing Geweigerd(string code, string melding) => new([], new Regelschending(code, melding));
    public static implicit operator Beslissing(Regelschending schending) => new([], schending);
}
