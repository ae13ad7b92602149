using System.Reflection;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;
using Casus.Domain.Privacy;
using Casus.Domain.Termijnen;

namespace Casus.Domain.Tests.Privacy;

/// <summary>Which fields are personal data: every text of a casus (event or state) is either free text that is encrypted and
/// destroyed, or part of the skeleton that stays, written down here with the reason; subjects are personal data as a whole.</summary>
public sealed class PersoonsgegevensTests
{
    /// <summary>The text fields that are not personal data of subjects, and why they stay after destruction.</summary>
    private static readonly Dictionary<(Type, string), string> Skelet = new()
    {
        [(typeof(Organisatie), nameof(Organisatie.Id))] = "an organisation's OIN",
        [(typeof(Organisatie), nameof(Organisatie.Naam))] = "an organisation's name",
        [(typeof(Thema), nameof(Thema.Naam))] = "the name of a regional theme (jaarverslag Tabel 1 row 3f)",
        [(typeof(VerkenningGestart), nameof(VerkenningGestart.Coordinator))] = "the official who explores the signaal, acting in office",
        [(typeof(IntegraleCasus), nameof(IntegraleCasus.Coordinator))] = "the official who explores the signaal, acting in office",
        [(typeof(InformatieVerzocht), nameof(InformatieVerzocht.AanPartnerId))] = "an organisation's id",
        [(typeof(InformatieVerzocht), nameof(InformatieVerzocht.Grondslag))] = "a legal reference, also in the event header",
        [(typeof(Informatieverzoek), nameof(Informatieverzoek.AanPartnerId))] = "an organisation's id",
        [(typeof(Informatieverzoek), nameof(Informatieverzoek.Grondslag))] = "a legal reference",
        [(typeof(InformatieGedeeld), nameof(InformatieGedeeld.DoorPartnerId))] = "an organisation's id",
        [(typeof(InformatieGedeeld), nameof(InformatieGedeeld.Grondslag))] = "a legal reference, also in the event header",
        [(typeof(GeadviseerdeInterventie), nameof(GeadviseerdeInterventie.PartnerId))] = "an organisation's id",
        [(typeof(Interventieadvies), nameof(Interventieadvies.PartnerId))] = "an organisation's id",
        [(typeof(InterventieGeregistreerd), nameof(InterventieGeregistreerd.PartnerId))] = "an organisation's id",
        [(typeof(TermijnVerstreken), nameof(TermijnVerstreken.Sleutel))] = "a term's key",
        [(typeof(TermijnVerstreken), nameof(TermijnVerstreken.WachtOp))] = "an organisation's id",
        [(typeof(TermijnNadert), nameof(TermijnNadert.Sleutel))] = "a term's key",
        [(typeof(TermijnNadert), nameof(TermijnNadert.WachtOp))] = "an organisation's id",
        [(typeof(IntegraleCasus), nameof(IntegraleCasus.VerstrekenTermijnen))] = "terms' keys",
        [(typeof(IntegraleCasus), nameof(IntegraleCasus.NaderendeTermijnen))] = "terms' keys",
        [(typeof(PersoonsgegevensVernietigd), nameof(PersoonsgegevensVernietigd.Activiteit))] = "the activity's id and version",
        [(typeof(PersoonsgegevensVernietigd), nameof(PersoonsgegevensVernietigd.Bewaartermijn))] = "the term, in words",
        [(typeof(SignaalIngediend), nameof(SignaalIngediend.Referentie))] = "the region's own casus number (a re-import finds the casus by it)",
        [(typeof(IntegraleCasus), nameof(IntegraleCasus.Referentie))] = "the region's own casus number (a re-import finds the casus by it)",
    };

    /// <summary>Every type whose values are stored in a casus stream or document: the events and the state, and every type
    /// reachable from them (except subjects, which are encrypted whole).</summary>
    private static IReadOnlyList<Type> OpgeslagenTypen()
    {
        var wortels = typeof(ICasusGebeurtenis).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICasusGebeurtenis).IsAssignableFrom(t)).Append(typeof(IntegraleCasus));
        var gezien = new HashSet<Type>();
        var werk = new Queue<Type>(wortels);
        while (werk.TryDequeue(out var type))
        {
            if (!gezien.Add(type)) continue;
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var t = Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType;
                if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)) t = t.GetGenericArguments()[0];
                if (t.Namespace?.StartsWith("Casus.Domain", StringComparison.Ordinal) == true && t.IsClass && !typeof(Subject).IsAssignableFrom(t))
                    werk.Enqueue(t);
            }
        }
        return gezien.ToList();
    }

    private static bool IsTekst(PropertyInfo p) =>
        p.PropertyType == typeof(string) || p.PropertyType == typeof(IReadOnlyList<string>);

    [Fact]
    public void Every_text_of_a_casus_is_either_free_text_that_is_destroyed_or_skeleton_with_a_reason()
    {
        var onbekend = new List<string>();
        foreach (var type in OpgeslagenTypen())
            foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsTekst))
            {
                var vrij = Persoonsgegevens.VrijeTekst.TryGetValue(type, out var velden) && velden.Contains(p.Name);
                var skelet = Skelet.ContainsKey((type, p.Name));
                if (vrij == skelet) onbekend.Add($"{type.Name}.{p.Name}{(vrij ? " (both)" : "")}");
            }
        Assert.True(onbekend.Count == 0,
            "Decide for each: personal (Persoonsgegevens.VrijeTekst) or skeleton (Skelet here, with the reason): " + string.Join(", ", onbekend));
    }

    [Fact]
    public void Every_listed_free_text_field_exists_and_is_a_string()
    {
        foreach (var (type, velden) in Persoonsgegevens.VrijeTekst)
            foreach (var veld in velden)
                Assert.Equal(typeof(string), type.GetProperty(veld)?.PropertyType);
    }

    [Fact]
    public void Subjects_occur_only_with_their_number_so_each_value_can_get_a_key_of_its_own()
    {
        var metSubject = OpgeslagenTypen().Where(t => t.GetProperties().Any(p => typeof(Subject).IsAssignableFrom(p.PropertyType))).ToList();
        Assert.Equal([typeof(SubjectGerectificeerd), typeof(SubjectToegevoegd)], metSubject.OrderBy(t => t.Name));
        Assert.All(metSubject, t => Assert.Equal(typeof(int), t.GetProperty("Nummer")?.PropertyType));
    }

    [Fact]
    public void Destroying_the_free_text_marks_every_listed_field_of_the_state_and_keeps_the_skeleton()
    {
        var casus = Geschiedenis.CasusIn(Stap.Afgesloten);
        var op = new DateOnly(2031, 5, 1);

        var vernietigd = Persoonsgegevens.VrijeTekstVernietigen(casus, op);

        var m = Persoonsgegevens.Vernietigd(op);
        Assert.Equal("[vernietigd op 2031-05-01]", m);
        Assert.True(Persoonsgegevens.IsVernietigd(m));
        Assert.False(Persoonsgegevens.IsVernietigd("vernietigd op 2031-05-01"));
        foreach (var (waarde, veld) in Teksten(vernietigd))
            Assert.True(waarde == m, $"{veld} is '{waarde}', not destroyed");
        Assert.Equal(casus with { Omschrijving = "", Motivering = null, Analyse = null, Informatieverzoeken = [], Informatiebijdragen = [],
                Interventieadviezen = [], Interventies = [], Evaluaties = [], Afsluiting = null },
            vernietigd with { Omschrijving = "", Motivering = null, Analyse = null, Informatieverzoeken = [], Informatiebijdragen = [],
                Interventieadviezen = [], Interventies = [], Evaluaties = [], Afsluiting = null });
        Assert.Equal(casus.Afsluiting!.Datum, vernietigd.Afsluiting!.Datum);
        Assert.Equal(casus.Interventieadviezen.Select(a => (a.Nummer, a.Instrument, a.PartnerId, a.Datum)),
            vernietigd.Interventieadviezen.Select(a => (a.Nummer, a.Instrument, a.PartnerId, a.Datum)));
    }

    /// <summary>Every value of a listed free-text field in <paramref name="casus"/>, found by reflection over the registry.</summary>
    private static IEnumerable<(string? Waarde, string Veld)> Teksten(object waarde, string pad = "casus")
    {
        var type = waarde.GetType();
        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var v = p.GetValue(waarde);
            if (Persoonsgegevens.VrijeTekst.TryGetValue(type, out var velden) && velden.Contains(p.Name))
                yield return ((string?)v, $"{pad}.{p.Name}");
            else if (v is System.Collections.IEnumerable lijst and not string)
            {
                var i = 0;
                foreach (var item in lijst)
                    if (item is not null && item.GetType().Namespace?.StartsWith("Casus.Domain", StringComparison.Ordinal) == true)
                        foreach (var t in Teksten(item, $"{pad}.{p.Name}[{i++}]")) yield return t;
            }
            else if (v is not null && v.GetType().Namespace?.StartsWith("Casus.Domain", StringComparison.Ordinal) == true && v.GetType().IsClass
                     && v is not Subject)
                foreach (var t in Teksten(v, $"{pad}.{p.Name}")) yield return t;
        }
    }

    [Fact]
    public void A_destroyed_subject_identifies_no_one_and_only_readable_subjects_are_processed()
    {
        var casus = Geschiedenis.CasusIn(Stap.Afgesloten);
        var weg = Persoonsgegevens.SubjectenVernietigen(casus, 1, new DateOnly(2031, 5, 1));

        Assert.Equal(new VernietigdSubject(new DateOnly(2031, 5, 1)), weg.Subjecten.Single().Subject);
        Assert.Empty(Persoonsgegevens.Leesbaar(weg));
        Assert.Equal([Voorbeeld.Bv], Persoonsgegevens.Leesbaar(casus));
        Assert.NotEqual(Voorbeeld.Bv.Sleutel, weg.Subjecten.Single().Subject.Sleutel);
    }
}
