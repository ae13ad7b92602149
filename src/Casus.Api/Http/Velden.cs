using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Casus.Api.Http;

/// <summary>The maximum length of each item of a list of texts (the list's own <see cref="MaxLengthAttribute"/> is its
/// maximum number of items). Written into the OpenAPI schema as <c>items.maxLength</c> by <c>OpenApi/Veldgrenzen</c>.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ItemMaxLengthAttribute(int length) : Attribute
{
    public int Length { get; } = length;
}

/// <summary>The limits of a request record's fields, declared once as attributes on its properties: <see cref="MaxLengthAttribute"/>
/// (a text's length, a list's number of items), <see cref="ItemMaxLengthAttribute"/> and <see cref="RangeAttribute"/>. The
/// OpenAPI generator writes them into the schema (<c>maxLength</c>, <c>maxItems</c>, <c>minimum</c>/<c>maximum</c>); this
/// validator view of <typeparamref name="T"/> enforces the same ones, read from the same attributes (the property is the
/// argument's expression, e.g. <c>Naam</c>). A field without its attribute is a programming error, caught by the first
/// request (and by the tests, which send every example).</summary>
public readonly struct Velden<T>(InputValidator v)
{
    public string Text(string? value, string name, [CallerArgumentExpression(nameof(value))] string eigenschap = "") =>
        v.Text(value, name, Veldgrenzen.MaxLengte(typeof(T), eigenschap));

    public string? OptionalText(string? value, string name, [CallerArgumentExpression(nameof(value))] string eigenschap = "") =>
        v.OptionalText(value, name, Veldgrenzen.MaxLengte(typeof(T), eigenschap));

    /// <summary>A required list of <paramref name="values"/>, at most its <see cref="MaxLengthAttribute"/> items.</summary>
    public List<TOut> List<TIn, TOut>(IReadOnlyList<TIn?>? values, string name, Func<TIn, string, TOut> item,
        [CallerArgumentExpression(nameof(values))] string eigenschap = "") where TIn : class =>
        v.List(values, name, item, Veldgrenzen.MaxLengte(typeof(T), eigenschap));

    /// <summary>An optional list of <paramref name="values"/> (absent is empty), at most its <see cref="MaxLengthAttribute"/> items.</summary>
    public List<TOut> OptionalList<TIn, TOut>(IReadOnlyList<TIn?>? values, string name, Func<TIn, string, TOut> item,
        [CallerArgumentExpression(nameof(values))] string eigenschap = "") where TIn : class =>
        v.OptionalList(values, name, item, Veldgrenzen.MaxLengte(typeof(T), eigenschap));

    /// <summary>A required list of texts: at most its <see cref="MaxLengthAttribute"/> items of at most its
    /// <see cref="ItemMaxLengthAttribute"/> characters.</summary>
    public List<string> Texts(IReadOnlyList<string?>? values, string name, [CallerArgumentExpression(nameof(values))] string eigenschap = "")
    {
        var validator = v;
        var lengte = Veldgrenzen.ItemMaxLengte(typeof(T), eigenschap);
        return v.List(values, name, (tekst, pad) => validator.Text(tekst, pad, lengte), Veldgrenzen.MaxLengte(typeof(T), eigenschap));
    }

    /// <summary>An optional whole number within its <see cref="RangeAttribute"/>.</summary>
    public int? Integer(int? value, string name, [CallerArgumentExpression(nameof(value))] string eigenschap = "")
    {
        var (min, max) = Veldgrenzen.Bereik(typeof(T), eigenschap);
        if (value is { } n && (n < min || n > max)) v.Add(name, "invalid", $"Een geheel getal van {min} tot en met {max}.");
        return value;
    }
}

/// <summary>Reads the limits declared on request properties (cached per type and property).</summary>
public static class Veldgrenzen
{
    private static readonly ConcurrentDictionary<(Type, string), Attribute[]> Cache = new();

    public static int MaxLengte(Type type, string eigenschap) =>
        Attributen(type, eigenschap).OfType<MaxLengthAttribute>().SingleOrDefault()?.Length ?? Ontbreekt(type, eigenschap, "MaxLength");

    public static int ItemMaxLengte(Type type, string eigenschap) =>
        Attributen(type, eigenschap).OfType<ItemMaxLengthAttribute>().SingleOrDefault()?.Length ?? Ontbreekt(type, eigenschap, "ItemMaxLength");

    public static (int Min, int Max) Bereik(Type type, string eigenschap) =>
        Attributen(type, eigenschap).OfType<RangeAttribute>().SingleOrDefault() is { } r
            ? (Convert.ToInt32(r.Minimum, System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt32(r.Maximum, System.Globalization.CultureInfo.InvariantCulture))
            : (Ontbreekt(type, eigenschap, "Range"), 0);

    private static Attribute[] Attributen(Type type, string eigenschap) => Cache.GetOrAdd((type, eigenschap), k =>
        k.Item1.GetProperty(k.Item2, BindingFlags.Public | BindingFlags.Instance)?.GetCustomAttributes(true).OfType<Attribute>().ToArray()
        ?? throw new InvalidOperationException($"{k.Item1.Name} has no property {k.Item2}."));

    private static int Ontbreekt(Type type, string eigenschap, string attribuut) =>
        throw new InvalidOperationException($"{type.Name}.{eigenschap} declares no [{attribuut}]: its limit belongs on the property.");
}
