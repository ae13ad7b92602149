using Casus.Domain.Casussen;
using Casus.Domain.Termijnen;

namespace Casus.Api.Termijnen;

/// <summary>The terms from configuration section <c>Casus:Termijnen</c> (docs/termijnen.md): <c>AntwoordDagen</c>,
/// <c>InterventieDagen</c>, <c>HerinneringDagen</c>, <c>StapDagen:&lt;Stap&gt;</c> (0 switches a step's maximum off), and
/// <c>ControleSeconden</c>, how often the term monitoring looks for passed terms. Unset values keep the defaults.</summary>
public static class TermijnInstellingen
{
    public const string Section = "Casus:Termijnen";

    public static Termijnbeleid Lees(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var standaard = Termijnbeleid.Standaard;
        var stappen = new Dictionary<Stap, int>();
        foreach (var stap in Enum.GetValues<Stap>().Where(s => s != Stap.Afgesloten))
        {
            var dagen = section.GetValue($"StapDagen:{stap}", standaard.StapDagen.GetValueOrDefault(stap));
            if (dagen > 0) stappen[stap] = Positief(dagen, $"StapDagen:{stap}");
        }
        return new Termijnbeleid(
            Positief(section.GetValue("AntwoordDagen", standaard.AntwoordDagen), "AntwoordDagen"),
            stappen,
            Positief(section.GetValue("InterventieDagen", standaard.InterventieDagen), "InterventieDagen"),
            Math.Max(0, section.GetValue("HerinneringDagen", standaard.HerinneringDagen)));
    }

    /// <summary>How often the term monitoring's sweep runs (default 60 s, at least 0.1 s); null when set to 0: off (only the
    /// scheduled messages fire terms then).</summary>
    public static TimeSpan? Controle(IConfiguration configuration) =>
        configuration.GetSection(Section).GetValue("ControleSeconden", 60.0) is var seconden && seconden <= 0
            ? null
            : TimeSpan.FromSeconds(Math.Clamp(seconden, 0.1, 3600));

    private static int Positief(int dagen, string naam) => dagen is > 0 and <= 3650
        ? dagen
        : throw new InvalidOperationException($"{Section}:{naam} must be from 1 to 3650 days (is {dagen}).");
}
