using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>Format checks for BSN (elfproef), KvK number and postcode.</summary>
public sealed class IdentificatieTests
{
    [Theory]
    [InlineData("111222333")]
    [InlineData("123456782")]
    [InlineData("012345672")]
    [InlineData("999999990")]
    public void A_bsn_of_nine_digits_passing_the_elfproef_is_valid(string bsn)
    {
        Assert.True(Identificatie.IsGeldigBsn(bsn));
    }

    [Theory]
    [InlineData("111222334")] // check digit off by one
    [InlineData("123456783")]
    [InlineData("123456789")]
    [InlineData("12345678")] // 8 digits
    [InlineData("1112223330")] // 10 digits
    [InlineData("11122233A")]
    [InlineData("1112 2333")]
    [InlineData(" 11122233")]
    [InlineData("１１１２２２３３３")] // full-width digits
    [InlineData("000000000")] // passes the sum, but is no BSN
    [InlineData("")]
    [InlineData(null)]
    public void A_bsn_failing_the_elfproef_or_the_format_is_invalid(string? bsn)
    {
        Assert.False(Identificatie.IsGeldigBsn(bsn));
    }

    [Fact]
    public void The_elfproef_weighs_the_last_digit_minus_one()
    {
        // 9*1 + 8*1 + 7*1 + 6*2 + 5*2 + 4*2 + 3*3 + 2*3 = 69.
        Assert.True(Identificatie.IsGeldigBsn("111222333")); // 69 - 3 = 66 = 6 * 11 (69 + 3 = 72 is not)
        Assert.False(Identificatie.IsGeldigBsn("111222338")); // 69 - 8 = 61 (69 + 8 = 77 = 7 * 11 would pass)
    }

    [Theory]
    [InlineData("12345678")]
    [InlineData("00000001")]
    public void A_kvk_number_of_eight_digits_is_valid(string kvk)
    {
        Assert.True(Identificatie.IsGeldigKvkNummer(kvk));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567A")]
    [InlineData("1234 678")]
    [InlineData("")]
    [InlineData(null)]
    public void A_kvk_number_not_of_eight_digits_is_invalid(string? kvk)
    {
        Assert.False(Identificatie.IsGeldigKvkNummer(kvk));
    }

    [Theory]
    [InlineData("1234AB")]
    [InlineData("5038AB")]
    [InlineData("9999ZZ")]
    [InlineData("1000AA")]
    public void A_postcode_of_four_digits_not_starting_with_zero_and_two_capitals_is_valid(string postcode)
    {
        Assert.True(Identificatie.IsGeldigePostcode(postcode));
    }

    [Theory]
    [InlineData("0123AB")]
    [InlineData("1234ab")]
    [InlineData("1234Ab")]
    [InlineData("1234 AB")]
    [InlineData("12345A")]
    [InlineData("123AB")]
    [InlineData("1234ABC")]
    [InlineData("ABCD12")]
    [InlineData("1234ÄB")]
    [InlineData("")]
    [InlineData(null)]
    public void A_postcode_in_another_form_is_invalid(string? postcode)
    {
        Assert.False(Identificatie.IsGeldigePostcode(postcode));
    }
}
