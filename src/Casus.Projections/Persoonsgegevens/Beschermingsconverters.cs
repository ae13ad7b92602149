using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Casus.Domain.Casussen;
using Casus.Domain.Gedeeld;

namespace Casus.Projections.Persoonsgegevens;

/// <summary>The casus whose keys personal data are encrypted with while an event or a casus document is being serialised
/// (set by <see cref="CasusContextConverterFactory"/> around each, restored afterwards, also on an exception).</summary>
internal static class Sleutelcontext
{
    [ThreadStatic] private static Guid? _huidig;

    public static Guid? Huidig
    {
        get => _huidig;
        set => _huidig = value;
    }

    public static Guid Vereist() =>
        _huidig ?? throw new InvalidOperationException(
            "Personal data serialised outside a casus (no stream linked to the event): append casus events through Ketenschrijver.");
}

/// <summary>Where encryption happens: the store's System.Text.Json configuration. Every free-text field that
/// <see cref="Domain.Privacy.Persoonsgegevens.VrijeTekst"/> lists gets <see cref="VrijeTekstConverter"/>, every
/// <see cref="Subject"/> <see cref="SubjectConverter"/>, and every casus event and casus document
/// <see cref="CasusContextConverterFactory"/>, which tells them whose keys to use. The domain types stay as they are.</summary>
public static class Bescherming
{
    public static void Configureer(JsonSerializerOptions json, Sleutelring ring)
    {
        var tekst = new VrijeTekstConverter(ring);
        json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(info => VrijeTekstVelden(info, tekst));
        json.Converters.Add(new CasusContextConverterFactory(ring));
        json.Converters.Add(new SubjectConverter(ring));
    }

    private static void VrijeTekstVelden(JsonTypeInfo info, VrijeTekstConverter tekst)
    {
        // Where SubjectConverter handles a subject it writes the polymorphic JSON itself (inside the ciphertext); System.Text.Json
        // must not try to add the "soort" discriminator around a converter of its own.
        if (info.Type == typeof(Subject) && info.Converter is SubjectConverter) info.PolymorphismOptions = null;
        if (info.Kind != JsonTypeInfoKind.Object || !Domain.Privacy.Persoonsgegevens.VrijeTekst.TryGetValue(info.Type, out var velden)) return;
        foreach (var property in info.Properties)
            if (property.AttributeProvider is MemberInfo member && velden.Contains(member.Name))
                property.CustomConverter = property.PropertyType == typeof(string)
                    ? tekst
                    : throw new InvalidOperationException($"{info.Type.Name}.{member.Name} is listed as free text but is not a string.");
    }

    /// <summary>A copy of <paramref name="options"/> without the converter <paramref name="zonder"/> (made once per options).</summary>
    internal static JsonSerializerOptions Zonder(JsonSerializerOptions options, JsonConverter zonder, ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> cache) =>
        cache.GetValue(options, o =>
        {
            var kopie = new JsonSerializerOptions(o);
            kopie.Converters.Remove(zonder);
            return kopie;
        });
}

/// <summary>Sets <see cref="Sleutelcontext"/> around the serialisation of a casus document (its own id) and of a casus event (the
/// stream it was linked to by <see cref="Sleutelring.Bereid"/>; nested in a document: the document's). Reading needs no
/// context: a ciphertext names its key.</summary>
internal sealed class CasusContextConverterFactory(Sleutelring ring) : JsonConverterFactory
{
    private readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> _binnen = new();

    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert == typeof(IntegraleCasus)
        || (typeToConvert is { IsClass: true, IsAbstract: false } && typeof(ICasusGebeurtenis).IsAssignableFrom(typeToConvert));

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Omhulling<>).MakeGenericType(typeToConvert), ring, this)!;

    private JsonSerializerOptions Binnen(JsonSerializerOptions options) => Bescherming.Zonder(options, this, _binnen);

    private sealed class Omhulling<T>(Sleutelring ring, CasusContextConverterFactory fabriek) : JsonConverter<T>
    {
        public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            JsonSerializer.Deserialize<T>(ref reader, fabriek.Binnen(options));

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            var vorige = Sleutelcontext.Huidig;
            Sleutelcontext.Huidig = value is IntegraleCasus casus ? casus.Id : ring.StroomVan(value!) ?? vorige;
            try
            {
                JsonSerializer.Serialize(writer, value, fabriek.Binnen(options));
            }
            finally
            {
                Sleutelcontext.Huidig = vorige;
            }
        }
    }
}

/// <summary>A free-text field: stored encrypted with the casus's text key (<c>enc1:…</c>); read back as the text, or, when the key
/// was destroyed, as "[vernietigd op yyyy-MM-dd]". Text that was never encrypted (written before this existed) reads as is.</summary>
internal sealed class VrijeTekstConverter(Sleutelring ring) : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var opgeslagen = reader.GetString();
        if (opgeslagen is null) return null;
        var (tekst, vernietigdOp) = ring.Ontsleutel(opgeslagen);
        return tekst ?? Domain.Privacy.Persoonsgegevens.Vernietigd(vernietigdOp!.Value);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ring.VersleutelTekst(Sleutelcontext.Vereist(), value));
}

/// <summary>A subject: stored as one ciphertext of its JSON (soort and every field), with the key of that value; read back as
/// the subject, or, when the key was destroyed, as <see cref="VernietigdSubject"/> with the date. A destroyed subject is stored
/// as itself (it holds no personal data).</summary>
internal sealed class SubjectConverter(Sleutelring ring) : JsonConverter<Subject>
{
    private readonly ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> _plat = new();

    private JsonSerializerOptions Plat(JsonSerializerOptions options) => Bescherming.Zonder(options, this, _plat);

    public override Subject? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) return JsonSerializer.Deserialize<Subject>(ref reader, Plat(options));
        var opgeslagen = reader.GetString()!;
        var (json, vernietigdOp) = ring.Ontsleutel(opgeslagen);
        if (json is null) return new VernietigdSubject(vernietigdOp!.Value);
        var subject = JsonSerializer.Deserialize<Subject>(json, Plat(options))!;
        ring.Onthoud(opgeslagen, subject);
        return subject;
    }

    public override void Write(Utf8JsonWriter writer, Subject value, JsonSerializerOptions options)
    {
        if (value is VernietigdSubject)
        {
            JsonSerializer.Serialize(writer, value, Plat(options));
            return;
        }
        var json = JsonSerializer.Serialize(value, Plat(options));
        writer.WriteStringValue(ring.VersleutelSubject(Sleutelcontext.Vereist(), value, json));
    }
}
