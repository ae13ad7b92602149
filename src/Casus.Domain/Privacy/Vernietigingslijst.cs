using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Privacy;

/// <summary>Marks the events of a destruction list's own stream.</summary>
public interface IVernietigingslijstGebeurtenis;

/// <summary>One casus on a destruction list: its region, how and when it was closed, the activity and term that apply, and
/// the last day it had to be kept.</summary>
public sealed record TeVernietigenCasus(
    Guid CasusId, RiecRegio Regio, DateOnly AfgeslotenOp, bool NietOpgenomen, string Activiteit, string Bewaartermijn, DateOnly LaatsteBewaardag);

/// <summary>An approval: who (user, organisation) and when.</summary>
public sealed record Akkoord(string GebruikerId, string OrganisatieId, string OrganisatieNaam, DateTimeOffset Op);

/// <summary>A casus of the list that was not destroyed when the list was carried out, and why.</summary>
public sealed record OvergeslagenCasus(Guid CasusId, string Reden);

/// <summary>The sweep proposed the list: the casussen of one region whose retention term passed by <paramref name="Peildatum"/>.</summary>
public sealed record VernietigingslijstOpgesteld(
    Guid LijstId, RiecRegio Regio, DateOnly Peildatum, DateTimeOffset OpgesteldOp, IReadOnlyList<TeVernietigenCasus> Casussen)
    : IVernietigingslijstGebeurtenis;

/// <summary>A privacy officer approved the list.</summary>
public sealed record VernietigingslijstGoedgekeurd(Guid LijstId, Akkoord Akkoord) : IVernietigingslijstGebeurtenis;

/// <summary>The list was carried out: <paramref name="Vernietigd"/> casussen destroyed, the others skipped with a reason.</summary>
public sealed record VernietigingUitgevoerd(Guid LijstId, DateTimeOffset Op, int Vernietigd, IReadOnlyList<OvergeslagenCasus> Overgeslagen)
    : IVernietigingslijstGebeurtenis;

public enum Lijststatus
{
    /// <summary>Proposed by the sweep; waits for approvals.</summary>
    Voorgesteld,
    /// <summary>Approved by two privacy officers; being carried out.</summary>
    Goedgekeurd,
    /// <summary>Carried out: the list is the verklaring van vernietiging.</summary>
    Uitgevoerd,
}

/// <summary>A destruction list (vernietigingslijst), from proposal to verklaring van vernietiging: which casussen, under which
/// terms, approved by whom, carried out when. Its own event stream, hash-chained like a casus; never holds personal data of
/// subjects, so it is kept forever. Four eyes: <see cref="BenodigdeAkkoorden"/> approvals by different people.</summary>
public sealed record Vernietigingslijst
{
    /// <summary>Destruction cannot be undone: two different privacy officers approve a list (docs/privacy.md, "Four eyes").</summary>
    public const int BenodigdeAkkoorden = 2;

    public Guid Id { get; init; }
    public long Versie { get; init; }
    public RiecRegio Regio { get; init; }
    public DateOnly Peildatum { get; init; }
    public DateTimeOffset OpgesteldOp { get; init; }
    public Lijststatus Status { get; init; }
    public IReadOnlyList<TeVernietigenCasus> Casussen { get; init; } = [];
    public IReadOnlyList<Akkoord> Akkoorden { get; init; } = [];
    public DateTimeOffset? UitgevoerdOp { get; init; }
    public int Vernietigd { get; init; }
    public IReadOnlyList<OvergeslagenCasus> Overgeslagen { get; init; } = [];

    public static Vernietigingslijst Evolve(Vernietigingslijst? lijst, IVernietigingslijstGebeurtenis gebeurtenis)
    {
        if (gebeurtenis is VernietigingslijstOpgesteld o)
            return new Vernietigingslijst
            {
                Id = o.LijstId, Versie = 1, Regio = o.Regio, Peildatum = o.Peildatum, OpgesteldOp = o.OpgesteldOp, Casussen = o.Casussen,
                Status = Lijststatus.Voorgesteld,
            };
        var l = lijst ?? throw new InvalidOperationException($"{gebeurtenis.GetType().Name} before VernietigingslijstOpgesteld.");
        var volgende = gebeurtenis switch
        {
            VernietigingslijstGoedgekeurd g => l with
            {
                Akkoorden = [.. l.Akkoorden, g.Akkoord],
                Status = l.Akkoorden.Count + 1 >= BenodigdeAkkoorden ? Lijststatus.Goedgekeurd : l.Status,
            },
            VernietigingUitgevoerd u => l with { Status = Lijststatus.Uitgevoerd, UitgevoerdOp = u.Op, Vernietigd = u.Vernietigd, Overgeslagen = u.Overgeslagen },
            _ => throw new InvalidOperationException($"Unknown destruction list event {gebeurtenis.GetType().Name}."),
        };
        return volgende with { Versie = l.Versie + 1 };
    }

    /// <summary>An approval by <paramref name="akkoord"/>: only of a proposed list, and never twice by the same person.</summary>
    public static Beslissing<IVernietigingslijstGebeurtenis> Goedkeuren(Vernietigingslijst lijst, Akkoord akkoord)
    {
        if (lijst.Status != Lijststatus.Voorgesteld)
            return new Regelschending(Privacyregels.LijstNietVoorgesteld,
                $"De lijst is al {(lijst.Status == Lijststatus.Uitgevoerd ? "uitgevoerd" : "goedgekeurd")}; een akkoord kan alleen op een voorgestelde lijst.");
        if (lijst.Akkoorden.Any(a => a.GebruikerId == akkoord.GebruikerId))
            return new Regelschending(Privacyregels.VierOgen,
                $"U gaf al akkoord op deze lijst; vernietigen vraagt {BenodigdeAkkoorden} akkoorden van verschillende privacyfunctionarissen (vier ogen).");
        return Beslissing<IVernietigingslijstGebeurtenis>.Gebeurd(new VernietigingslijstGoedgekeurd(lijst.Id, akkoord));
    }

    /// <summary>The casussen of <paramref name="kandidaten"/> that go on a list for <paramref name="peildatum"/>: closed, not
    /// destroyed, term passed; in the order given.</summary>
    public static IReadOnlyList<TeVernietigenCasus> Selecteer(IEnumerable<IntegraleCasus> kandidaten, Bewaarbeleid beleid, DateOnly peildatum,
        Func<string, string> activiteitMetVersie) =>
        kandidaten.Where(c => beleid.IsVerstreken(c, peildatum))
            .Select(c => new TeVernietigenCasus(c.Id, c.Regio, c.Afsluiting!.Datum, c.Afsluiting.NietOpgenomen,
                activiteitMetVersie(Bewaarbeleid.ActiviteitVan(c)), beleid.TermijnVan(c), beleid.LaatsteBewaardag(c)!.Value))
            .ToList();
}

/// <summary>A decision outside the casus stream: the events to append, or the rule it breaks.</summary>
public sealed record Beslissing<T>(IReadOnlyList<T> Gebeurtenissen, Regelschending? Schending)
{
    public static Beslissing<T> Gebeurd(params T[] gebeurtenissen) => new(gebeurtenissen, null);
    public static implicit operator Beslissing<T>(Regelschending schending) => new([], schending);
}
