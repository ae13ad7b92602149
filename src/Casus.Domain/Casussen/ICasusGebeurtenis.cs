namespace Casus.Domain.Casussen;

/// <summary>Marks the events of a casus stream.</summary>
public interface ICasusGebeurtenis;

/// <summary>Marks the commands a casus accepts; <see cref="Soort"/> is its row key in the transition table.</summary>
public interface ICasusCommando
{
    CommandoSoort Soort { get; }
}
