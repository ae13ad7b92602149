using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary><see cref="Subject.Sleutel"/>: a person by BSN, else name and birth date; a legal entity by KvK number;
/// an object by postcode, house number and addition.</summary>
public sealed class SubjectSleutelTests
{
    private static readonly DateOnly Geboren = new(1980, 5, 17);

    /// <summary>The expected key: parts joined by the unit separator.</summary>
    private static string Key(params string[] parts) => string.Join('\u001f', parts);

    [Fact]
    public void A_person_with_a_bsn_is_identified_by_the_bsn_alone()
    {
        var persoon = new NatuurlijkPersoon("Jan Pieter", "Jansen", Geboren, "111222333");
        var anderGespeld = new NatuurlijkPersoon("J.P.", "Janssen", Geboren.AddDays(1), "111222333");

        Assert.Equal(Key("NATUURLIJK-PERSOON", "BSN", "111222333"), persoon.Sleutel);
        Assert.Equal(persoon.Sleutel, anderGespeld.Sleutel);
    }

    [Fact]
    public void Persons_with_the_same_name_and_birth_date_but_different_bsns_are_different()
    {
        Assert.NotEqual(
            new NatuurlijkPersoon("Jan Pieter", "Jansen", Geboren, "111222333").Sleutel,
            new NatuurlijkPersoon("Jan Pieter", "Jansen", Geboren, "123456782").Sleutel);
    }

    [Fact]
    public void A_person_without_a_bsn_is_identified_by_name_and_birth_date_ignoring_case_and_surrounding_spaces()
    {
        var persoon = new NatuurlijkPersoon("Jan Pieter", "Jansen", Geboren);
        var anderGeschreven = new NatuurlijkPersoon("  jan PIETER ", " jansen", Geboren);

        Assert.Equal(Key("NATUURLIJK-PERSOON", "JANSEN", "JAN PIETER", "1980-05-17"), persoon.Sleutel);
        Assert.Equal(persoon.Sleutel, anderGeschreven.Sleutel);
    }

    [Theory]
    [InlineData("Jan Pieter", "Janssen", 0)]
    [InlineData("Jan", "Jansen", 0)]
    [InlineData("Jan Pieter", "Jansen", 1)]
    public void A_person_without_a_bsn_with_another_name_or_birth_date_is_another_person(string voornamen, string achternaam, int dagenLater)
    {
        Assert.NotEqual(
            new NatuurlijkPersoon("Jan Pieter", "Jansen", Geboren).Sleutel,
            new NatuurlijkPersoon(voornamen, achternaam, Geboren.AddDays(dagenLater)).Sleutel);
    }

    [Fact]
    public void First_and_last_name_are_not_interchangeable()
    {
        Assert.NotEqual(
            new NatuurlijkPersoon("Jansen", "Pieter", Geboren).Sleutel,
            new NatuurlijkPersoon("Pieter", "Jansen", Geboren).Sleutel);
    }

    [Fact]
    public void A_legal_entity_is_identified_by_its_kvk_number_alone()
    {
        var bv = new Rechtspersoon("12345678", "Ringbaan Vastgoed B.V.");

        Assert.Equal(Key("RECHTSPERSOON", "KVK", "12345678"), bv.Sleutel);
        Assert.Equal(bv.Sleutel, new Rechtspersoon("12345678", "Ringbaan Holding").Sleutel);
        Assert.NotEqual(bv.Sleutel, new Rechtspersoon("87654321", "Ringbaan Vastgoed B.V.").Sleutel);
    }

    [Fact]
    public void An_object_is_identified_by_postcode_house_number_and_addition_ignoring_case_and_spaces_of_the_addition()
    {
        var pand = new ObjectLocatie("5038AB", 12, "a", "Bedrijfspand");

        Assert.Equal(Key("OBJECT-LOCATIE", "5038AB", "12", "A"), pand.Sleutel);
        Assert.Equal(pand.Sleutel, new ObjectLocatie("5038ab", 12, " A ", "Loods").Sleutel);
    }

    [Theory]
    [InlineData("5038AC", 12, "a")]
    [InlineData("5038AB", 14, "a")]
    [InlineData("5038AB", 12, "b")]
    [InlineData("5038AB", 12, null)]
    public void An_object_at_another_postcode_house_number_or_addition_is_another_object(string postcode, int huisnummer, string? toevoeging)
    {
        Assert.NotEqual(
            new ObjectLocatie("5038AB", 12, "a", "Bedrijfspand").Sleutel,
            new ObjectLocatie(postcode, huisnummer, toevoeging, "Bedrijfspand").Sleutel);
    }

    [Fact]
    public void An_object_without_addition_has_an_empty_last_key_part()
    {
        Assert.Equal(Key("OBJECT-LOCATIE", "5038AB", "12", ""), new ObjectLocatie("5038AB", 12, null, "Bedrijfspand").Sleutel);
    }

    [Fact]
    public void Keys_of_different_subject_kinds_never_collide()
    {
        Subject[] subjecten =
        [
            new NatuurlijkPersoon("Jan", "Jansen", Geboren, "111222333"),
            new NatuurlijkPersoon("Jan", "Jansen", Geboren),
            new Rechtspersoon("11122233", "Jansen B.V."),
            new ObjectLocatie("1112AB", 2, "333", "Pand"),
        ];

        Assert.Equal(subjecten.Length, subjecten.Select(s => s.Sleutel).Distinct().Count());
        Assert.Equal(["natuurlijk-persoon", "natuurlijk-persoon", "rechtspersoon", "object-locatie"], subjecten.Select(s => s.Sleutel.Split('\u001f')[0].ToLowerInvariant()));
    }

    [Fact]
    public void An_empty_or_blank_bsn_counts_as_no_bsn()
    {
        var zonder = new NatuurlijkPersoon("Jan", "Jansen", Geboren);
        Assert.Equal(zonder.Sleutel, new NatuurlijkPersoon("Jan", "Jansen", Geboren, "").Sleutel);
        Assert.Equal(zonder.Sleutel, new NatuurlijkPersoon("Jan", "Jansen", Geboren, "  ").Sleutel);
        Assert.NotEqual(new NatuurlijkPersoon("Piet", "Pietersen", Geboren, "").Sleutel, zonder.Sleutel);
    }

    [Fact]
    public void Inner_white_space_is_collapsed_and_the_bsn_trimmed()
    {
        Assert.Equal(new NatuurlijkPersoon("Jan Pieter", "Jansen", Geboren).Sleutel, new NatuurlijkPersoon("Jan   Pieter", "Jansen", Geboren).Sleutel);
        Assert.Equal(new NatuurlijkPersoon("J", "J", Geboren, "111222333").Sleutel, new NatuurlijkPersoon("J", "J", Geboren, " 111222333 ").Sleutel);
        Assert.Equal(new ObjectLocatie("5038AB", 12, null, "x").Sleutel, new ObjectLocatie("5038 AB", 12, null, "x").Sleutel);
    }

    [Fact]
    public void A_separator_like_character_inside_a_name_does_not_make_two_people_share_a_key()
    {
        Assert.NotEqual(
            new NatuurlijkPersoon("C", "A:B", Geboren).Sleutel,
            new NatuurlijkPersoon("B:C", "A", Geboren).Sleutel);
    }
}
