namespace Casus.Domain.Toegang;

public enum Toegangsuitkomst
{
    Toegestaan,
    /// <summary>The casus is not visible to the actor: answered as if it does not exist (404).</summary>
    Verborgen,
    /// <summary>The casus is visible, but the actor may not do this (403).</summary>
    Verboden,
}

/// <summary>An access decision with a stable code and a reason (both recorded in the audit log on refusal).</summary>
public sealed record Toegangsbesluit(Toegangsuitkomst Uitkomst, string Code, string Reden)
{
    public static Toegangsbesluit Toegestaan { get; } = new(Toegangsuitkomst.Toegestaan, "toegang.toegestaan", "");
    public bool IsToegestaan => Uitkomst == Toegangsuitkomst.Toegestaan;

    public static Toegangsbesluit Verborgen(string reden) => new(Toegangsuitkomst.Verborgen, ToegangsCodes.NietZichtbaar, reden);
    public static Toegangsbesluit Verboden(string code, string reden) => new(Toegangsuitkomst.Verboden, code, reden);
}

public static class ToegangsCodes
{
    public const string NietZichtbaar = "toegang.niet-zichtbaar";
    public const string RolOntbreekt = "toegang.rol-ontbreekt";
    public const string AndereOrganisatie = "toegang.andere-organisatie";
}
