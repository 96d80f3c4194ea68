using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProxyGen.Runtime;

/// <summary>
/// What generated <c>WriteJson</c> methods call: one writer per value kind, each usable as a
/// <see cref="JsonValueWriter{T}"/> method group, so lists and maps of any depth are written without reflection.
/// Every writer of a nullable value writes JSON null for null.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonWrite
{
    /// <summary>Writes a string, or null.</summary>
    public static void String(Utf8JsonWriter writer, string? value)
    {
        if (value is null) writer.WriteNullValue(); else writer.WriteStringValue(value);
    }

    /// <summary>Writes a Boolean.</summary>
    public static void Boolean(Utf8JsonWriter writer, bool value) => writer.WriteBooleanValue(value);

    /// <summary>Writes a Boolean, or null.</summary>
    public static void Boolean(Utf8JsonWriter writer, bool? value)
    {
        if (value is { } v) writer.WriteBooleanValue(v); else writer.WriteNullValue();
    }

    /// <summary>Writes a 32-bit integer.</summary>
    public static void Int32(Utf8JsonWriter writer, int value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 32-bit integer, or null.</summary>
    public static void Int32(Utf8JsonWriter writer, int? value)
    {
        if (value is { } v) writer.WriteNumberValue(v); else writer.WriteNullValue();
    }

    /// <summary>Writes a 64-bit integer.</summary>
    public static void Int64(Utf8JsonWriter writer, long value) => writer.WriteNumberValue(value);

    /// <summary>Writes a 64-bit integer, or null.</summary>
    public static void Int64(Utf8JsonWriter writer, long? value)
    {
        if (value is { } v) writer.WriteNumberValue(v); else writer.WriteNullValue();
    }

    /// <summary>Writes a number.</summary>
    public static void Double(Utf8JsonWriter writer, double value) => writer.WriteNumberValue(value);

    /// <summary>Writes a number, or null.</summary>
    public static void Double(Utf8JsonWriter writer, double? value)
    {
        if (value is { } v) writer.WriteNumberValue(v); else writer.WriteNullValue();
    }

    /// <summary>Writes a decimal number.</summary>
    public static void Decimal(Utf8JsonWriter writer, decimal value) => writer.WriteNumberValue(value);

    /// <summary>Writes a decimal number, or null.</summary>
    public static void Decimal(Utf8JsonWriter writer, decimal? value)
    {
        if (value is { } v) writer.WriteNumberValue(v); else writer.WriteNullValue();
    }

    /// <summary>Writes an ISO 8601 date-time (<c>2026-01-31T12:00:00+00:00</c>), which <see cref="JsonRead.DateTimeOffset"/> reads back.</summary>
    public static void DateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value) => writer.WriteStringValue(value);

    /// <summary>Writes an ISO 8601 date-time, or null.</summary>
    public static void DateTimeOffset(Utf8JsonWriter writer, DateTimeOffset? value)
    {
        if (value is { } v) writer.WriteStringValue(v); else writer.WriteNullValue();
    }

    /// <summary>Writes a <c>yyyy-MM-dd</c> date.</summary>
    public static void DateOnly(Utf8JsonWriter writer, DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes a <c>yyyy-MM-dd</c> date, or null.</summary>
    public static void DateOnly(Utf8JsonWriter writer, DateOnly? value)
    {
        if (value is { } v) DateOnly(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes a URI as it was given (absolute or relative), or null.</summary>
    public static void Uri(Utf8JsonWriter writer, Uri? value)
    {
        if (value is null) writer.WriteNullValue(); else writer.WriteStringValue(value.OriginalString);
    }

    /// <summary>Writes a free-form JSON object, or null.</summary>
    public static void JsonObject(Utf8JsonWriter writer, JsonObject? value)
    {
        if (value is null) writer.WriteNullValue(); else value.WriteTo(writer);
    }

    /// <summary>Writes a JSON value exactly as it was read.</summary>
    public static void JsonValue(Utf8JsonWriter writer, JsonElement value) => value.WriteTo(writer);

    /// <summary>Writes a JSON value exactly as it was read, or null.</summary>
    public static void JsonValue(Utf8JsonWriter writer, JsonElement? value)
    {
        if (value is { } v) v.WriteTo(writer); else writer.WriteNullValue();
    }

    /// <summary>A writer for lists whose items <paramref name="writeItem"/> writes; a null list is written as null.</summary>
    public static JsonValueWriter<IReadOnlyList<T>?> ArrayOf<T>(JsonValueWriter<T> writeItem)
    {
        ArgumentNullException.ThrowIfNull(writeItem);
        return (writer, values) =>
        {
            if (values is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartArray();
            foreach (var value in values)
            {
                writeItem(writer, value);
            }

            writer.WriteEndArray();
        };
    }

    /// <summary>A writer for string-keyed maps whose values <paramref name="writeValue"/> writes; a null map is written as null.</summary>
    public static JsonValueWriter<IReadOnlyDictionary<string, T>?> MapOf<T>(JsonValueWriter<T> writeValue)
    {
        ArgumentNullException.ThrowIfNull(writeValue);
        return (writer, values) =>
        {
            if (values is null)
            {
                writer.WriteNullValue();
                return;
            }

            writer.WriteStartObject();
            foreach (var pair in values)
            {
                writer.WritePropertyName(pair.Key);
                writeValue(writer, pair.Value);
            }

            writer.WriteEndObject();
        };
    }

    /// <summary>
    /// <paramref name="value"/> as a <see cref="JsonElement"/>, written by <paramref name="write"/>: how a union without a
    /// discriminator is made from one of its alternatives.
    /// </summary>
    public static JsonElement ToElement<T>(T value, JsonValueWriter<T> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer, value);
        }

        var reader = new Utf8JsonReader(buffer.WrittenSpan);
        return JsonElement.ParseValue(ref reader);
    }

    /// <summary>Writes back the members a model kept because the spec does not describe them.</summary>
    public static void AdditionalProperties(Utf8JsonWriter writer, IReadOnlyDictionary<string, JsonElement>? members)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (members is null)
        {
            return;
        }

        foreach (var member in members)
        {
            writer.WritePropertyName(member.Key);
            member.Value.WriteTo(writer);
        }
    }
}

/// <summary>Writes one value of type <typeparamref name="T"/> at the writer's position.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);
