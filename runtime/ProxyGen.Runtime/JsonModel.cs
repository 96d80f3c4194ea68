using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ProxyGen.Runtime;

/// <summary>A type ProxyGen generated, which reads and writes itself as JSON without reflection.</summary>
/// <typeparam name="TSelf">The generated type.</typeparam>
public interface IJsonModel<TSelf>
    where TSelf : IJsonModel<TSelf>
{
    /// <summary>Reads a <typeparamref name="TSelf"/> from the JSON value at the reader's position.</summary>
    static abstract TSelf ReadJson(ref Utf8JsonReader reader);

    /// <summary>Writes <paramref name="value"/> as JSON.</summary>
    static abstract void WriteJson(Utf8JsonWriter writer, TSelf value);
}

/// <summary>
/// The System.Text.Json converter of every type ProxyGen generates: one class for all of them, calling the type's own
/// <c>ReadJson</c> and <c>WriteJson</c> (no reflection; safe under trimming and Native AOT).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class JsonModelConverter<T> : JsonConverter<T>
    where T : IJsonModel<T>
{
    /// <inheritdoc />
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => T.ReadJson(ref reader);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => T.WriteJson(writer, value);
}

/// <summary>What a generated <c>IJsonTypeInfoResolver</c> hands System.Text.Json for each generated type.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonModelTypeInfo
{
    /// <summary>The type's metadata: its <see cref="JsonModelConverter{T}"/>, nothing reflected.</summary>
    public static JsonTypeInfo Of<T>(JsonSerializerOptions options)
        where T : IJsonModel<T>
        => JsonMetadataServices.CreateValueInfo<T>(options, new JsonModelConverter<T>());
}
