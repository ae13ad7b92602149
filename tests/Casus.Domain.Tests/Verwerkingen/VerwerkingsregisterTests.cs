using System.Text.RegularExpressions;
using Casus.Domain.BestuurlijkeSignalen;
using Casus.Domain.Casussen;
using Casus.Domain.Verwerkingen;

namespace Casus.Domain.Tests.Verwerkingen;

/// <summary>The register of processing activities: one per step, stable ids, complete entries.</summary>
public sealed class VerwerkingsregisterTests
{
    public static TheoryData<Stap> ElkeStap() => new(Enum.GetValues<Stap>());

    [Fact]
    public void There_is_exactly_one_activity_per_step_in_step_order_then_the_systems_own_then_the_bestuurlijk_signaal()
    {
        Assert.Equal(Enum.GetValues<Stap>().Select(s => (Stap?)s).Concat([null, null, null, null, null, null]),
            Verwerkingsregister.Activiteiten.Select(a => a.Stap));
        Assert.Equal([Verwerkingsregister.Termijnbewaking, Verwerkingsregister.Import, Verwerkingsregister.Vernietigen, Verwerkingsregister.Rechten,
                SignaalVerwerking.Activiteit, SignaalVerwerking.Subjectcontrole],
            Verwerkingsregister.Activiteiten.TakeLast(6));
    }

    [Fact]
    public void Every_activity_names_its_purpose_legal_basis_retention_and_categories_of_data_subjects_and_personal_data()
    {
        Assert.All(Verwerkingsregister.Activiteiten, a =>
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", a.Id);
            Assert.InRange(a.Versie, 1, 2);
            Assert.False(string.IsNullOrWhiteSpace(a.Naam));
            Assert.False(string.IsNullOrWhiteSpace(a.Doel));
            Assert.False(string.IsNullOrWhiteSpace(a.Grondslag));
            Assert.False(string.IsNullOrWhiteSpace(a.Bewaartermijn));
            Assert.NotEmpty(a.Betrokkenen);
            Assert.NotEmpty(a.Persoonsgegevens);
            Assert.All(a.Betrokkenen.Concat(a.Persoonsgegevens), c => Assert.False(string.IsNullOrWhiteSpace(c)));
        });
    }

    [Fact]
    public void The_signaal_activities_cover_the_representatives_and_the_subject_check_the_subjects_it_reads()
    {
        Assert.Contains(SignaalVerwerking.Activiteit.Persoonsgegevens, c => c.Contains("vertegenwoordiger", StringComparison.Ordinal));
        Assert.Contains(SignaalVerwerking.Subjectcontrole.Persoonsgegevens, c => c.Contains("burgerservicenummer", StringComparison.Ordinal));
        Assert.Contains(SignaalVerwerking.Subjectcontrole.Persoonsgegevens, c => c.Contains("KvK-nummer", StringComparison.Ordinal));
    }

    [Fact]
    public void The_retention_terms_are_the_configured_ones_no_placeholders()
    {
        var register = Verwerkingsregister.Met(new Domain.Privacy.Bewaarbeleid(84, 6, 3));

        Assert.Equal(84, register.Single(a => a.Id == "casus-afgesloten").BewaartermijnMaanden);
        Assert.Equal(6, register.Single(a => a.Id == "casus-verkennen").BewaartermijnMaanden);
        Assert.Contains("84 maanden na afsluiten", register.Single(a => a.Id == "casus-afgesloten").Bewaartermijn);
        Assert.All(register.Where(a => a.Stap is not null and not Stap.Afgesloten and not Stap.Verkennen),
            a => Assert.Contains("84 maanden", a.Bewaartermijn));
        Assert.All(register, a => Assert.DoesNotContain("placeholder", a.Bewaartermijn, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(Verwerkingsregister.Activiteiten.Select(a => (a.Id, a.Versie)), register.Select(a => (a.Id, a.Versie)));
    }

    [Theory]
    [MemberData(nameof(ElkeStap))]
    public void VoorStap_gives_the_activity_of_that_step(Stap stap)
    {
        var activiteit = Verwerkingsregister.VoorStap(stap);

        Assert.Equal(stap, activiteit.Stap);
        Assert.Same(Verwerkingsregister.Activiteiten.Single(a => a.Stap == stap), activiteit);
    }

    [Theory]
    [MemberData(nameof(ElkeStap))]
    public void The_id_is_casus_and_the_kebab_case_step_name(Stap stap)
    {
        var kebab = Regex.Replace(stap.ToString(), "(?<!^)([A-Z])", "-$1").ToLowerInvariant();

        Assert.Equal($"casus-{kebab}", Verwerkingsregister.VoorStap(stap).Id);
    }

    [Fact]
    public void The_ids_are_stable()
    {
        Assert.Equal(
            [
                "casus-signaal-ingediend", "casus-verkennen", "casus-informatie-delen-en-analyseren", "casus-uitvoeren",
                "casus-evalueren", "casus-afgesloten", "casus-termijnbewaking", "casus-import", "casus-vernietigen", "casus-rechten-betrokkenen",
                "bestuurlijk-signaal", "bestuurlijk-signaal-subjectcontrole",
            ],
            Verwerkingsregister.Activiteiten.Select(a => a.Id));
    }

    [Fact]
    public void The_ids_and_names_are_unique()
    {
        Assert.Equal(Verwerkingsregister.Activiteiten.Count, Verwerkingsregister.Activiteiten.Select(a => a.Id).Distinct().Count());
        Assert.Equal(Verwerkingsregister.Activiteiten.Count, Verwerkingsregister.Activiteiten.Select(a => a.Naam).Distinct().Count());
        Assert.Equal(Verwerkingsregister.Activiteiten.Count, Verwerkingsregister.Activiteiten.Select(a => a.Doel).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(ElkeStap))]
    public void Every_field_is_filled_and_the_version_is_2_since_the_retention_terms_replaced_the_placeholder(Stap stap)
    {
        var activiteit = Verwerkingsregister.VoorStap(stap);

        Assert.Matches("^casus-[a-z]+(-[a-z]+)*$", activiteit.Id);
        Assert.Equal(2, activiteit.Versie);
        Assert.False(string.IsNullOrWhiteSpace(activiteit.Naam));
        Assert.False(string.IsNullOrWhiteSpace(activiteit.Doel));
        Assert.False(string.IsNullOrWhiteSpace(activiteit.Grondslag));
        Assert.False(string.IsNullOrWhiteSpace(activiteit.Bewaartermijn));
    }

    [Fact]
    public void The_grondslag_names_the_avg_and_the_convenant_with_its_privacy_protocol()
    {
        Assert.All(Verwerkingsregister.Activiteiten, a =>
        {
            Assert.Contains("AVG", a.Grondslag);
            Assert.Contains("convenant", a.Grondslag, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("privacyprotocol", a.Grondslag, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public void An_unknown_step_has_no_activity()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Verwerkingsregister.VoorStap((Stap)99));
    }
}
