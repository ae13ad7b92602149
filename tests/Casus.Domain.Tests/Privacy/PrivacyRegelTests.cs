using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Privacy;

namespace Casus.Domain.Tests.Privacy;

/// <summary>Retention terms, the legal check of erasure, rectification and the destruction list as pure decisions.</summary>
public sealed class PrivacyRegelTests
{
    private static readonly Bewaarbeleid Beleid = Bewaarbeleid.Standaard;
    private static readonly DateOnly Afgesloten = Voorbeeld.Dag(40);

    [Fact]
    public void A_closed_casus_is_kept_60_months_after_closing_a_signaal_not_taken_up_12_and_an_open_casus_forever()
    {
        var gesloten = Geschiedenis.CasusIn(Stap.Afgesloten);
        var nietOpgenomen = Geschiedenis.Casus(Geschiedenis.NietOpgenomen());

        Assert.Equal(Afgesloten.AddMonths(60), Beleid.LaatsteBewaardag(gesloten));
        Assert.Equal(Voorbeeld.Dag(3).AddMonths(12), Beleid.LaatsteBewaardag(nietOpgenomen));
        Assert.False(Beleid.IsVerstreken(gesloten, Afgesloten.AddMonths(60)));
        Assert.True(Beleid.IsVerstreken(gesloten, Afgesloten.AddMonths(60).AddDays(1)));
        Assert.True(Beleid.IsVerstreken(nietOpgenomen, Voorbeeld.Dag(3).AddMonths(12).AddDays(1)));
        foreach (var stap in Enum.GetValues<Stap>().Where(s => s != Stap.Afgesloten))
        {
            Assert.Null(Beleid.LaatsteBewaardag(Geschiedenis.CasusIn(stap)));
            Assert.False(Beleid.IsVerstreken(Geschiedenis.CasusIn(stap), new DateOnly(2999, 1, 1)));
        }
        Assert.Equal("casus-afgesloten", Bewaarbeleid.ActiviteitVan(gesloten));
        Assert.Equal("casus-verkennen", Bewaarbeleid.ActiviteitVan(nietOpgenomen));
    }

    [Fact]
    public void A_destroyed_casus_has_no_term_left()
    {
        var vernietigd = IntegraleCasus.Evolve(Geschiedenis.CasusIn(Stap.Afgesloten), Vernietiging(new DateOnly(2032, 1, 1)));

        Assert.Null(Beleid.LaatsteBewaardag(vernietigd));
        Assert.False(Beleid.IsVerstreken(vernietigd, new DateOnly(2999, 1, 1)));
    }

    private static PersoonsgegevensVernietigd Vernietiging(DateOnly op) =>
        new(Guid.NewGuid(), op, [Gegevenscategorie.Subjectgegevens, Gegevenscategorie.VrijeTekst], "casus-afgesloten@2", "60 maanden na afsluiten",
            Afgesloten.AddMonths(60));

    [Fact]
    public void Destruction_marks_every_subject_and_every_text_with_the_date_and_records_the_list()
    {
        var casus = Geschiedenis.CasusIn(Stap.Afgesloten);
        var e = Vernietiging(new DateOnly(2032, 1, 1));

        var na = IntegraleCasus.Evolve(casus, e);

        Assert.Equal(new Vernietiging(e.Datum, e.LijstId, e.Categorieen), na.Vernietiging);
        Assert.All(na.Subjecten, s => Assert.Equal(new VernietigdSubject(e.Datum), s.Subject));
        Assert.Equal("[vernietigd op 2032-01-01]", na.Omschrijving);
        Assert.Equal("[vernietigd op 2032-01-01]", na.Afsluiting!.Reden);
        Assert.Equal((casus.Stap, casus.Regio, casus.Themas, casus.Partners, casus.Versie + 1),
            (na.Stap, na.Regio, na.Themas, na.Partners, na.Versie));
        // Replaying the destroyed history (where the store already gives destroyed values) ends in the same state.
        Assert.Equal(na.Vernietiging, IntegraleCasus.Evolve(na, e).Vernietiging);
    }

    [Fact]
    public void Rectification_replaces_the_subject_and_is_refused_for_an_unknown_destroyed_unchanged_or_duplicate_subject()
    {
        var casus = Uitkomst.Na(Geschiedenis.CasusIn(Stap.Uitvoeren), new SubjectToevoegen(Voorbeeld.Huurder));
        var juist = Voorbeeld.Bv with { KvkNummer = "12345679" };
        var vandaag = Voorbeeld.Dag(25);

        var beslissing = Rechten.Rectificeren(casus, new SubjectRectificeren(1, juist, "KvK-nummer verkeerd overgenomen.", true), vandaag);

        var e = Assert.IsType<SubjectGerectificeerd>(Assert.Single(beslissing.Gebeurtenissen));
        Assert.Equal((1, juist, vandaag, true), (e.Nummer, e.Subject, e.Datum, e.OudeGegevensVernietigd));
        var na = IntegraleCasus.Evolve(casus, e);
        Assert.Equal([juist, Voorbeeld.Huurder], na.Subjecten.Select(s => s.Subject));
        Assert.Equal(casus.Stap, na.Stap);

        Assert.Equal(Privacyregels.SubjectOnbekend, Code(casus, new SubjectRectificeren(3, juist, "x", false)));
        Assert.Equal(Privacyregels.GeenWijziging, Code(casus, new SubjectRectificeren(1, Voorbeeld.Bv, "x", false)));
        Assert.Equal(Regels.SubjectAlToegevoegd, Code(casus, new SubjectRectificeren(1, Voorbeeld.Huurder with { Voornamen = "Jan" }, "x", false)));
        var gewist = IntegraleCasus.Evolve(casus, new SubjectGewist(1, Guid.NewGuid(), Wisgrond.Onrechtmatig, vandaag, false));
        Assert.Equal(Privacyregels.SubjectVernietigd, Code(gewist, new SubjectRectificeren(1, juist, "x", false)));
        var vernietigd = IntegraleCasus.Evolve(Geschiedenis.CasusIn(Stap.Afgesloten), Vernietiging(new DateOnly(2032, 1, 1)));
        Assert.Equal(Privacyregels.CasusVernietigd, Code(vernietigd, new SubjectRectificeren(1, juist, "x", false)));

        static string? Code(IntegraleCasus casus, SubjectRectificeren c) => Rechten.Rectificeren(casus, c, Voorbeeld.Dag(25)).Schending?.Code;
    }

    [Theory]
    [InlineData(Wisgrond.NietMeerNodig)]
    [InlineData(Wisgrond.Bezwaar)]
    public void Erasure_is_refused_while_the_casus_runs_and_within_the_bewaarplicht_then_allowed(Wisgrond grond)
    {
        foreach (var stap in Enum.GetValues<Stap>().Where(s => s != Stap.Afgesloten))
        {
            var lopend = Rechten.Wisbeoordeling(Geschiedenis.CasusIn(stap), Beleid, grond, new DateOnly(2999, 1, 1));
            Assert.Equal((false, Privacyregels.CasusLoopt), (lopend.Toegestaan, lopend.Code));
        }
        var casus = Geschiedenis.CasusIn(Stap.Afgesloten);
        var plicht = Afgesloten.AddMonths(Beleid.BewaarplichtMaanden);

        var binnen = Rechten.Wisbeoordeling(casus, Beleid, grond, plicht);
        Assert.Equal((false, Privacyregels.Bewaarplicht, plicht), (binnen.Toegestaan, binnen.Code, binnen.BewarenTot));
        Assert.Contains(plicht.ToString("yyyy-MM-dd"), binnen.Reden);
        Assert.Contains("art. 17 lid 3", binnen.Reden);

        Assert.Equal(Wisbesluit.Ja, Rechten.Wisbeoordeling(casus, Beleid, grond, plicht.AddDays(1)));
    }

    [Theory]
    [InlineData(Wisgrond.Onrechtmatig)]
    [InlineData(Wisgrond.WettelijkeVerplichting)]
    public void Unlawful_processing_or_a_legal_obligation_to_erase_is_erased_at_once_even_in_a_running_casus(Wisgrond grond)
    {
        Assert.True(Rechten.Wisbeoordeling(Geschiedenis.CasusIn(Stap.Uitvoeren), Beleid, grond, Voorbeeld.Dag(20)).Toegestaan);
        Assert.True(Rechten.Wisbeoordeling(Geschiedenis.CasusIn(Stap.Afgesloten), Beleid, grond, Afgesloten).Toegestaan);
    }

    [Fact]
    public void Erasure_of_a_destroyed_casus_is_refused_and_erasing_one_subject_keeps_the_others_and_optionally_the_text()
    {
        var vernietigd = IntegraleCasus.Evolve(Geschiedenis.CasusIn(Stap.Afgesloten), Vernietiging(new DateOnly(2032, 1, 1)));
        Assert.Equal(Privacyregels.CasusVernietigd, Rechten.Wisbeoordeling(vernietigd, Beleid, Wisgrond.Onrechtmatig, new DateOnly(2033, 1, 1)).Code);

        var casus = Uitkomst.Na(Geschiedenis.CasusIn(Stap.Uitvoeren), new SubjectToevoegen(Voorbeeld.Huurder));
        Assert.Equal([2], Rechten.NummersVan(casus, Voorbeeld.Huurder with { Voornamen = "Anders" }));
        var dag = Voorbeeld.Dag(25);
        var zonderTekst = IntegraleCasus.Evolve(casus, new SubjectGewist(2, Guid.NewGuid(), Wisgrond.Onrechtmatig, dag, false));
        Assert.Equal([Voorbeeld.Bv, new VernietigdSubject(dag)], zonderTekst.Subjecten.Select(s => s.Subject));
        Assert.Equal(casus.Omschrijving, zonderTekst.Omschrijving);
        Assert.Empty(Rechten.NummersVan(zonderTekst, Voorbeeld.Huurder));
        var metTekst = IntegraleCasus.Evolve(casus, new SubjectGewist(2, Guid.NewGuid(), Wisgrond.Onrechtmatig, dag, true));
        Assert.Equal(Persoonsgegevens.Vernietigd(dag), metTekst.Omschrijving);
        Assert.Equal(Voorbeeld.Bv, metTekst.Subjecten[0].Subject);
    }

    [Fact]
    public void A_list_takes_closed_casussen_whose_term_passed_and_needs_two_different_privacy_officers()
    {
        var vandaag = Afgesloten.AddMonths(60).AddDays(1);
        var kandidaten = new[]
        {
            Geschiedenis.CasusIn(Stap.Afgesloten),
            Geschiedenis.CasusIn(Stap.Uitvoeren) with { Id = Guid.NewGuid() },
            Geschiedenis.Casus(Geschiedenis.NietOpgenomen()) with { Id = Guid.NewGuid() },
            Geschiedenis.CasusIn(Stap.Afgesloten) with { Id = Guid.NewGuid(), Afsluiting = new Afsluitgegevens("x", vandaag, false) },
        };

        var regels = Vernietigingslijst.Selecteer(kandidaten, Beleid, vandaag, id => $"{id}@2");

        Assert.Equal([kandidaten[0].Id, kandidaten[2].Id], regels.Select(r => r.CasusId));
        Assert.Equal(("casus-afgesloten@2", "60 maanden na afsluiten", Afgesloten.AddMonths(60)),
            (regels[0].Activiteit, regels[0].Bewaartermijn, regels[0].LaatsteBewaardag));
        Assert.Equal(("casus-verkennen@2", true), (regels[1].Activiteit, regels[1].NietOpgenomen));

        var lijstId = Guid.NewGuid();
        var lijst = Vernietigingslijst.Evolve(null, new VernietigingslijstOpgesteld(lijstId, RiecRegio.TaskforceBrabantZeeland, vandaag,
            DateTimeOffset.UnixEpoch, regels));
        Assert.Equal((Lijststatus.Voorgesteld, 1L, 2), (lijst.Status, lijst.Versie, lijst.Casussen.Count));

        var een = new Akkoord("p.een", "riec-zwb", "RIEC", DateTimeOffset.UnixEpoch);
        lijst = Toepassen(lijst, Vernietigingslijst.Goedkeuren(lijst, een));
        Assert.Equal(Lijststatus.Voorgesteld, lijst.Status);
        Assert.Equal(Privacyregels.VierOgen, Vernietigingslijst.Goedkeuren(lijst, een with { Op = DateTimeOffset.UtcNow }).Schending?.Code);

        lijst = Toepassen(lijst, Vernietigingslijst.Goedkeuren(lijst, een with { GebruikerId = "p.twee" }));
        Assert.Equal((Lijststatus.Goedgekeurd, 2, 3L), (lijst.Status, lijst.Akkoorden.Count, lijst.Versie));
        Assert.Equal(Privacyregels.LijstNietVoorgesteld,
            Vernietigingslijst.Goedkeuren(lijst, een with { GebruikerId = "p.drie" }).Schending?.Code);

        lijst = Vernietigingslijst.Evolve(lijst, new VernietigingUitgevoerd(lijstId, DateTimeOffset.UnixEpoch, 1,
            [new OvergeslagenCasus(kandidaten[2].Id, "reden")]));
        Assert.Equal((Lijststatus.Uitgevoerd, 1, 1), (lijst.Status, lijst.Vernietigd, lijst.Overgeslagen.Count));
        Assert.Equal(Privacyregels.LijstNietVoorgesteld, Vernietigingslijst.Goedkeuren(lijst, een with { GebruikerId = "p.drie" }).Schending?.Code);

        static Vernietigingslijst Toepassen(Vernietigingslijst l, Beslissing<IVernietigingslijstGebeurtenis> b)
        {
            Assert.Null(b.Schending);
            return b.Gebeurtenissen.Aggregate(l, Vernietigingslijst.Evolve);
        }
    }
}
