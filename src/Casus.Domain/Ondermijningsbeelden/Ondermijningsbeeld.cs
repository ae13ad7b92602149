using Casus.Domain.Gedeeld;

namespace Casus.Domain.Ondermijningsbeelden;

/// <summary>A region registers an ondermijningsbeeld it delivered (jaarverslag Tabel 1 row 1): a title and the delivery date,
/// nothing about subjects (an ondermijningsbeeld describes phenomena of an area, not persons); optionally the region's own
/// reference. Casussen that came from it name it in their signaal (Tabel 1 row 2a).</summary>
public sealed record OndermijningsbeeldRegistreren(Guid Id, RiecRegio Regio, string Titel, DateOnly OpgeleverdOp, string? Referentie);

/// <summary>Marks the events of an ondermijningsbeeld stream.</summary>
public interface IOndermijningsbeeldGebeurtenis;

public sealed record OndermijningsbeeldGeregistreerd(Guid Id, RiecRegio Regio, string Titel, DateOnly OpgeleverdOp, string? Referentie)
    : IOndermijningsbeeldGebeurtenis;

/// <summary>One registered ondermijningsbeeld (its own stream, hash-chained like a casus).</summary>
public sealed record Ondermijningsbeeld
{
    public Guid Id { get; init; }
    public long Versie { get; init; }
    public RiecRegio Regio { get; init; }
    public string Titel { get; init; } = "";
    public DateOnly OpgeleverdOp { get; init; }
    public string? Referentie { get; init; }

    public static OndermijningsbeeldGeregistreerd Registreer(OndermijningsbeeldRegistreren c) =>
        new(c.Id, c.Regio, c.Titel, c.OpgeleverdOp, c.Referentie);

    public static Ondermijningsbeeld Evolve(Ondermijningsbeeld? beeld, IOndermijningsbeeldGebeurtenis gebeurtenis) => gebeurtenis switch
    {
        OndermijningsbeeldGeregistreerd e when beeld is null => new Ondermijningsbeeld
        {
            Id = e.Id, Versie = 1, Regio = e.Regio, Titel = e.Titel, OpgeleverdOp = e.OpgeleverdOp, Referentie = e.Referentie,
        },
        OndermijningsbeeldGeregistreerd => throw new InvalidOperationException($"Ondermijningsbeeld {beeld!.Id} is already registered."),
        _ => throw new InvalidOperationException($"Unknown ondermijningsbeeld event {gebeurtenis.GetType().Name}."),
    };
}
