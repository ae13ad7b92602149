using Casus.Domain.Gedeeld;
using Casus.Domain.Termijnen;

namespace Casus.Api.Http;

/// <summary>One invalid field of a request, as in ZGW's ValidatieFout: JSON path, stable code, reason for people.</summary>
public sealed record InvalidParam(string Name, string Code, string Reason);

/// <summary>Collects every invalid field of a request, so a 400 lists them all at once. <paramref name="termijnen"/> gives
/// the default terms for fields that set one.</summary>
public sealed class InputValidator(DateOnly today, Termijnbeleid? termijnen = null)
{
    /// <summary>How far ahead a term may be set.</summary>
    public const int MaxTermijnDagen = 366;

    private readonly List<InvalidParam> _errors = [];

    public DateOnly Today { get; } = today;
    public IReadOnlyList<InvalidParam> Errors => _errors;
    public bool IsValid => _errors.Count == 0;

    public void Add(string name, string code, string reason) => _errors.Add(new InvalidParam(name, code, reason));

    /// <summary>A required, non-blank text of at most <paramref name="max"/> characters; returned trimmed.</summary>
    public string Text(string? value, string name, int max = 4000)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(name, "required", "Dit veld is verplicht.");
            return "";
        }
        return OptionalText(value, name, max)!;
    }

    /// <summary>An optional text: null when absent or blank, otherwise trimmed and at most <paramref name="max"/> characters.</summary>
    public string? OptionalText(string? value, string name, int max = 4000)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (value.Length > max) Add(name, "max-length", $"Maximaal {max} tekens.");
        if (OnopslaanbaarTeken(value) is var i and >= 0)
            Add(name, "ongeldig-teken", $"Bevat een teken dat niet in tekst mag staan (U+{(int)value[i]:X4} op positie {i + 1}).");
        return value.Trim();
    }

    /// <summary>The position of the first character PostgreSQL cannot store in text or jsonb (NUL, or half of a
    /// surrogate pair), or -1.</summary>
    private static int OnopslaanbaarTeken(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\0' || char.IsLowSurrogate(c)) return i;
            if (!char.IsHighSurrogate(c)) continue;
            if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else return i;
        }
        return -1;
    }

    public T Required<T>(T? value, string name) where T : struct
    {
        if (value is null) Add(name, "required", "Dit veld is verplicht.");
        return value.GetValueOrDefault();
    }

    /// <summary>A required nested object, checked with <paramref name="map"/>; default when it is missing (then reported).</summary>
    public TOut Required<TIn, TOut>(TIn? value, string name, Func<TIn, string, TOut> map) where TIn : class
    {
        if (value is not null) return map(value, name);
        Add(name, "required", "Dit veld is verplicht.");
        return default!;
    }

    /// <summary>An optional whole number (query parameter) from <paramref name="min"/> to <paramref name="max"/>;
    /// <paramref name="standard"/> when absent.</summary>
    public int Integer(string? value, string name, int min, int max, int standard)
    {
        if (value is null) return standard;
        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            && n >= min && n <= max) return n;
        Add(name, "invalid", $"Een geheel getal van {min} tot en met {max}.");
        return standard;
    }

    /// <summary>A required date within the plausibility window (<see cref="Plausibiliteit.VroegsteDatum"/> to today, Dutch
    /// calendar day): <c>te-vroeg</c> before it, <c>in-future</c> after today.</summary>
    public DateOnly PastDate(DateOnly? value, string name)
    {
        var date = Required(value, name);
        if (value is { } d) Venster(d, name, Plausibiliteit.VroegsteDatum);
        return date;
    }

    /// <summary>The business date of a step command: when absent, today (existing clients keep working); otherwise within the
    /// plausibility window, as <see cref="PastDate"/>.</summary>
    public DateOnly Bedrijfsdatum(DateOnly? value, string name)
    {
        if (value is not { } date) return Today;
        Venster(date, name, Plausibiliteit.VroegsteDatum);
        return date;
    }

    /// <summary>A required date of birth: not before <see cref="Plausibiliteit.VroegsteGeboortedatum"/>, not after today.</summary>
    public DateOnly Geboortedatum(DateOnly? value, string name)
    {
        var date = Required(value, name);
        if (value is { } d) Venster(d, name, Plausibiliteit.VroegsteGeboortedatum);
        return date;
    }

    private void Venster(DateOnly date, string name, DateOnly vroegste)
    {
        if (date < vroegste) Add(name, "te-vroeg", $"De datum ligt voor {vroegste:yyyy-MM-dd}; dat is niet aannemelijk.");
        else if (date > Today) Add(name, "in-future", $"De datum ligt in de toekomst (vandaag is {Today:yyyy-MM-dd}).");
    }

    /// <summary>An optional amount in euros: not negative, at most two decimals (cents), at most
    /// <see cref="Plausibiliteit.MaximumBedrag"/> (<c>te-groot</c>).</summary>
    public decimal? Bedrag(decimal? value, string name)
    {
        if (value is < 0) Add(name, "invalid", "Een bedrag is niet negatief.");
        else if (value > Plausibiliteit.MaximumBedrag)
            Add(name, "te-groot", $"Een bedrag is hoogstens {Plausibiliteit.MaximumBedrag:0} euro; dat is niet aannemelijk.");
        if (value is { } b && decimal.Round(b, 2) != b) Add(name, "invalid", "Een bedrag heeft hoogstens 2 decimalen (centen).");
        return value;
    }

    /// <summary>The last day of a term set by the request: today or later, at most <see cref="MaxTermijnDagen"/> ahead;
    /// when absent, today plus <paramref name="standaardDagen"/> of the configured terms.</summary>
    public DateOnly Termijn(DateOnly? value, string name, Func<Termijnbeleid, int> standaardDagen) => Termijn(value, name, standaardDagen, Today);

    /// <summary>As above, for a request made on <paramref name="vanaf"/> (its business date, today unless it was registered
    /// later): not before that day, at most <see cref="MaxTermijnDagen"/> after it, by default that day plus the configured days.</summary>
    public DateOnly Termijn(DateOnly? value, string name, Func<Termijnbeleid, int> standaardDagen, DateOnly vanaf)
    {
        if (value is not { } date) return vanaf.AddDays(standaardDagen(termijnen ?? Termijnbeleid.Standaard));
        if (date < vanaf)
            Add(name, "voor-vandaag", vanaf == Today
                ? $"De datum ligt voor vandaag ({Today:yyyy-MM-dd}); een termijn begint op de dag van het verzoek."
                : $"De datum ligt voor de datum van het verzoek ({vanaf:yyyy-MM-dd}); een termijn begint op de dag van het verzoek.");
        else if (date > vanaf.AddDays(MaxTermijnDagen)) Add(name, "te-ver", $"De datum ligt meer dan {MaxTermijnDagen} dagen na de dag van het verzoek.");
        return date;
    }

    /// <summary>An optional list (absent or empty: none); each item is checked with <paramref name="item"/>.</summary>
    public List<TOut> OptionalList<TIn, TOut>(IReadOnlyList<TIn?>? values, string name, Func<TIn, string, TOut> item, int max = 100)
        where TIn : class =>
        values is null || values.Count == 0 ? [] : List(values, name, item, max);

    /// <summary>A required list with at least one item; each item is checked with <paramref name="item"/>.</summary>
    public List<TOut> List<TIn, TOut>(IReadOnlyList<TIn?>? values, string name, Func<TIn, string, TOut> item, int max = 100)
        where TIn : class
    {
        if (values is null || values.Count == 0)
        {
            Add(name, "min-items", "Geef minstens één waarde.");
            return [];
        }
        if (values.Count > max) Add(name, "max-items", $"Maximaal {max} waarden.");
        var result = new List<TOut>();
        for (var i = 0; i < values.Count; i++)
        {
            var path = $"{name}[{i}]";
            if (values[i] is { } v) result.Add(item(v, path));
            else Add(path, "required", "Lege waarde in de lijst.");
        }
        return result;
    }
}
