namespace Casus.Domain.Gedeeld;

/// <summary>Format checks for the identifying fields of subjects.</summary>
public static class Identificatie
{
    /// <summary>Nine digits passing the BSN elfproef (9*d1 + 8*d2 + ... + 2*d8 - 1*d9 divisible by 11).</summary>
    public static bool IsGeldigBsn(string? bsn)
    {
        if (bsn is not { Length: 9 } || !bsn.All(char.IsAsciiDigit)) return false;
        var som = 0;
        for (var i = 0; i < 8; i++) som += (9 - i) * (bsn[i] - '0');
        som -= bsn[8] - '0';
        return som % 11 == 0 && bsn != "000000000";
    }

    /// <summary>A KvK number: eight digits.</summary>
    public static bool IsGeldigKvkNummer(string? kvk) => kvk is { Length: 8 } && kvk.All(char.IsAsciiDigit);

    /// <summary>A Dutch postcode written as 1234AB (four digits, the first not 0, and two capitals).</summary>
    public static bool IsGeldigePostcode(string? postcode) =>
        postcode is { Length: 6 } p && p[0] is >= '1' and <= '9' && p[..4].All(char.IsAsciiDigit) && p[4..].All(char.IsAsciiLetterUpper);
}
