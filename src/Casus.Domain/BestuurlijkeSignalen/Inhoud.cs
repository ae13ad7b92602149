using Casus.Domain.Gedeeld;

namespace Casus.Domain.BestuurlijkeSignalen;

/// <summary>The strategic representative who signs (or sends) the signaal for a submitting organisation (brochure 3.1, proces).</summary>
public sealed record Vertegenwoordiger(string Naam, string Functie);

/// <summary>A submitting organisation (indiener) with its strategic representative.</summary>
public sealed record Indiener(Organisatie Organisatie, Vertegenwoordiger Vertegenwoordiger)
{
    /// <summary>Identifies the representative as a data subject of the processing log (organisation and normalised name), as
    /// <see cref="Subject.Sleutel"/> does for a subject; what a pseudonym is derived from, never shown.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Sleutel => string.Join('\u001f', "vertegenwoordiger", Organisatie.Id.Trim(),
        string.Join(' ', Vertegenwoordiger.Naam.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant());
}

/// <summary>Aanleiding: why the signaal is written, its social relevance, and its relation to earlier signalen or research.</summary>
public sealed record Aanleiding(string Reden, string MaatschappelijkeRelevantie, string? EerdereSignalen);

/// <summary>One weakness (knelpunt, kwetsbaarheid or omissie), specific, with its sources.</summary>
public sealed record Bevinding(string Knelpunt, IReadOnlyList<string> Bronnen);

/// <summary>How the findings meet the three criteria of a bestuurlijk signaal (brochure 1).</summary>
public sealed record Criteria(string MisbruikLegaleProcessen, string Structureel, string LandelijkNiveau);

/// <summary>Which minister (or state secretary) should do what, and the intended effect.</summary>
public sealed record Aanbeveling(string Bewindspersoon, string Wat, string BeoogdEffect);

/// <summary>The text of a bestuurlijk signaal in the format of the brochure (3.1): aanleiding, bevindingen with the three
/// criteria, conclusie and aanbevelingen. The proces part (who submits, signed by whom) is <see cref="Indiener"/>.
/// It may hold no information about subjects or objects (brochure 3.3; <see cref="Subjectcontrole"/>).</summary>
public sealed record SignaalInhoud(
    string Titel, Aanleiding Aanleiding, IReadOnlyList<Bevinding> Bevindingen, Criteria Criteria, string Conclusie,
    IReadOnlyList<Aanbeveling> Aanbevelingen)
{
    /// <summary>Every free-text field with its path as in the API (under <c>inhoud</c>).</summary>
    public IEnumerable<(string Pad, string Tekst)> Teksten()
    {
        const string p = "inhoud";
        yield return ($"{p}.titel", Titel);
        yield return ($"{p}.aanleiding.reden", Aanleiding.Reden);
        yield return ($"{p}.aanleiding.maatschappelijkeRelevantie", Aanleiding.MaatschappelijkeRelevantie);
        if (Aanleiding.EerdereSignalen is { } eerder) yield return ($"{p}.aanleiding.eerdereSignalen", eerder);
        for (var i = 0; i < Bevindingen.Count; i++)
        {
            yield return ($"{p}.bevindingen[{i}].knelpunt", Bevindingen[i].Knelpunt);
            for (var j = 0; j < Bevindingen[i].Bronnen.Count; j++) yield return ($"{p}.bevindingen[{i}].bronnen[{j}]", Bevindingen[i].Bronnen[j]);
        }
        yield return ($"{p}.criteria.misbruikLegaleProcessen", Criteria.MisbruikLegaleProcessen);
        yield return ($"{p}.criteria.structureel", Criteria.Structureel);
        yield return ($"{p}.criteria.landelijkNiveau", Criteria.LandelijkNiveau);
        yield return ($"{p}.conclusie", Conclusie);
        for (var i = 0; i < Aanbevelingen.Count; i++)
        {
            yield return ($"{p}.aanbevelingen[{i}].bewindspersoon", Aanbevelingen[i].Bewindspersoon);
            yield return ($"{p}.aanbevelingen[{i}].wat", Aanbevelingen[i].Wat);
            yield return ($"{p}.aanbevelingen[{i}].beoogdEffect", Aanbevelingen[i].BeoogdEffect);
        }
    }
}
