using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Domain.Tests;

/// <summary>A subject is in a casus once (casus.subject-al-toegevoegd), recognised by its <see cref="Subject.Sleutel"/>.</summary>
public sealed class SubjectRuleTests
{
    private static IntegraleCasus MetSubject(Subject subject) =>
        Uitkomst.Na(Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), new SubjectToevoegen(subject));

    [Fact]
    public void A_person_with_the_same_bsn_is_refused_even_with_another_name()
    {
        var casus = MetSubject(new NatuurlijkPersoon("Jan Pieter", "Jansen", new DateOnly(1980, 5, 17), "111222333"));

        var schending = Uitkomst.Geweigerd(
            casus, new SubjectToevoegen(new NatuurlijkPersoon("J.P.", "Janssen", new DateOnly(1980, 5, 18), "111222333")),
            Regels.SubjectAlToegevoegd);

        Assert.Contains("subject 2", schending.Melding);
    }

    [Fact]
    public void A_person_without_bsn_with_the_same_name_and_birth_date_is_refused_regardless_of_case_and_surrounding_spaces()
    {
        var casus = MetSubject(new NatuurlijkPersoon("Jan Pieter", "Jansen", new DateOnly(1980, 5, 17)));

        Uitkomst.Geweigerd(
            casus, new SubjectToevoegen(new NatuurlijkPersoon(" jan pieter ", "JANSEN ", new DateOnly(1980, 5, 17))),
            Regels.SubjectAlToegevoegd);
    }

    [Fact]
    public void A_legal_entity_with_the_same_kvk_number_is_refused_even_with_another_name()
    {
        var schending = Uitkomst.Geweigerd(
            Geschiedenis.CasusIn(Stap.InformatieDelenEnAnalyseren), new SubjectToevoegen(new Rechtspersoon("12345678", "Ringbaan Holding")),
            Regels.SubjectAlToegevoegd);

        Assert.Contains("subject 1", schending.Melding);
    }

    [Fact]
    public void An_object_at_the_same_address_is_refused_when_the_addition_differs_only_in_case_and_spaces()
    {
        var casus = MetSubject(new ObjectLocatie("5038AB", 12, "a", "Bedrijfspand"));

        Uitkomst.Geweigerd(
            casus, new SubjectToevoegen(new ObjectLocatie("5038AB", 12, " A ", "Loods achter het pand")), Regels.SubjectAlToegevoegd);
    }

    [Fact]
    public void An_object_with_another_addition_is_another_subject()
    {
        var casus = MetSubject(new ObjectLocatie("5038AB", 12, "a", "Bedrijfspand"));

        var na = Uitkomst.Na(casus, new SubjectToevoegen(new ObjectLocatie("5038AB", 12, "b", "Bedrijfspand")));

        Assert.Equal([1, 2, 3], na.Subjecten.Select(s => s.Nummer));
    }

    [Fact]
    public void A_subject_added_in_verkennen_is_refused_again_in_uitvoeren()
    {
        Uitkomst.Geweigerd(Geschiedenis.CasusIn(Stap.Uitvoeren), new SubjectToevoegen(Voorbeeld.Bv), Regels.SubjectAlToegevoegd);
    }

    [Fact]
    public void The_same_subject_twice_in_verkennen_is_refused()
    {
        var casus = Uitkomst.Na(Geschiedenis.CasusIn(Stap.Verkennen), new SubjectToevoegen(Voorbeeld.Huurder));

        Uitkomst.Geweigerd(casus, new SubjectToevoegen(Voorbeeld.Huurder), Regels.SubjectAlToegevoegd);
    }
}
