using Casus.Domain.Casussen;

namespace Casus.Domain.Verwerkingen;

/// <summary>One processing activity (AVG art. 30 register entry) of the Logboek Dataverwerkingen: every log record of a
/// casus points at the activity of its step by <see cref="Id"/> and <see cref="Versie"/>.</summary>
/// <param name="Id">Stable identifier, e.g. "casus-verkennen"; never reused for another activity.</param>
/// <param name="Versie">Starts at 1; raised on every relevant change (doel, grondslag, bewaartermijn), so a log record
/// names the exact version that applied.</param>
/// <param name="Naam">Short Dutch name of the activity.</param>
/// <param name="Stap">The step of the Werkwijze Integrale Casusaanpak in which a casus is processed under this activity; null
/// for an activity of the system itself across steps (term monitoring).</param>
/// <param name="Doel">The purpose (doelbinding).</param>
/// <param name="Grondslag">The legal basis.</param>
/// <param name="Bewaartermijn">How long the data is kept, in words.</param>
/// <param name="Betrokkenen">The categories of data subjects (AVG art. 30 lid 1 sub c).</param>
/// <param name="Persoonsgegevens">The categories of personal data (AVG art. 30 lid 1 sub c).</param>
/// <param name="BewaartermijnMaanden">For the activities whose term decides when a casus is destroyed (casus-afgesloten,
/// casus-verkennen for a signaal not taken up): the months after closing; null for the others (their data follow the casus).</param>
public sealed record Verwerkingsactiviteit(
    string Id, int Versie, string Naam, Stap? Stap, string Doel, string Grondslag, string Bewaartermijn,
    IReadOnlyList<string> Betrokkenen, IReadOnlyList<string> Persoonsgegevens, int? BewaartermijnMaanden = null);
