namespace Casus.Projections;

/// <summary>The headers every casus event carries besides Marten's own metadata (user name, correlation and causation id).</summary>
public static class EventHeaders
{
    /// <summary>The organisation the acting user works for.</summary>
    public const string Organisatie = "organisatie";
    public const string OrganisatieNaam = "organisatienaam";
    /// <summary>The processing activity (id@version) of the register under which the event was recorded.</summary>
    public const string Verwerkingsactiviteit = "verwerkingsactiviteit";
    public const string Doel = "doel";
    public const string Grondslag = "grondslag";
    /// <summary>On imported events only (docs/import.md): the import batch, the region's former system the casus came from,
    /// and who ran the import.</summary>
    public const string ImportBatch = "importbatch";
    public const string ImportBronsysteem = "importbronsysteem";
    public const string ImportDoor = "importdoor";
}
