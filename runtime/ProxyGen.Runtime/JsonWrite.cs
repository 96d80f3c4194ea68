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
    /// <summary>
    /// True when member <paramref name="index"/> was set: then its name is written, for the value to follow. A
    /// generated writer's one line per member.
    /// </summary>
    public static bool Member(Utf8JsonWriter writer, ReadOnlySpan<byte> name, in JsonMembers members, int index)
    {
        if (!members.Has(index))
        {
            return false;
        }

        writer.WritePropertyName(name);
        return true;
    }

    /// <summary>Writes a string, or null.</summary>
    public static void String(Utf8JsonWriter writer, string? value)
    {
        if (value is null) writer.WriteNullValue(); else writer.WriteStringValue(value);
    }

    /// <summary>Writes a string member, or null; one the server sent as a number (<paramref name="sentAsNumber"/> is its text) goes back as that number.</summary>
    public static void String(Utf8JsonWriter writer, string? value, string? sentAsNumber)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (sentAsNumber is not null && sentAsNumber == value) writer.WriteRawValue(sentAsNumber, skipInputValidation: false); else String(writer, value);
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
    public static void DateTimeOffset(Utf8JsonWriter writer, DateTimeOffset value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Offset == TimeSpan.Zero)
        {
            // UTC as servers write it, "2015-07-30T20:00:00Z", with a fraction only when there is one.
            Span<char> text = stackalloc char[28];
            value.UtcDateTime.TryFormat(text, out var length, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF", CultureInfo.InvariantCulture);
            text[length++] = 'Z';
            writer.WriteStringValue(text[..length]);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    /// <summary>Writes an ISO 8601 date-time, or null.</summary>
    public static void DateTimeOffset(Utf8JsonWriter writer, DateTimeOffset? value)
    {
        if (value is { } v) DateTimeOffset(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes a <c>yyyy-MM-dd</c> date.</summary>
    public static void DateOnly(Utf8JsonWriter writer, DateOnly value) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    /// <summary>Writes a <c>yyyy-MM-dd</c> date, or null.</summary>
    public static void DateOnly(Utf8JsonWriter writer, DateOnly? value)
    {
        if (value is { } v) DateOnly(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes a single-precision number.</summary>
    public static void Float(Utf8JsonWriter writer, float value) => writer.WriteNumberValue(value);

    /// <summary>Writes a single-precision number, or null.</summary>
    public static void Float(Utf8JsonWriter writer, float? value)
    {
        if (value is { } v) writer.WriteNumberValue(v); else writer.WriteNullValue();
    }

    /// <summary>Writes a 32-bit integer as a string (<c>type: string, format: int32</c>).</summary>
    public static void Int32AsString(Utf8JsonWriter writer, int value) => writer.WriteStringValue(ParameterText.Of(value));

    /// <summary>Writes a 32-bit integer as a string, or null.</summary>
    public static void Int32AsString(Utf8JsonWriter writer, int? value)
    {
        if (value is { } v) Int32AsString(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes a 64-bit integer as a string (<c>type: string, format: int64</c>).</summary>
    public static void Int64AsString(Utf8JsonWriter writer, long value) => writer.WriteStringValue(ParameterText.Of(value));

    /// <summary>Writes a 64-bit integer as a string, or null.</summary>
    public static void Int64AsString(Utf8JsonWriter writer, long? value)
    {
        if (value is { } v) Int64AsString(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes a number as a string (<c>type: string, format: double</c>), in its shortest round-trip form.</summary>
    public static void DoubleAsString(Utf8JsonWriter writer, double value) => writer.WriteStringValue(ParameterText.Of(value));

    /// <summary>Writes a number as a string, or null.</summary>
    public static void DoubleAsString(Utf8JsonWriter writer, double? value)
    {
        if (value is { } v) DoubleAsString(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes an exact decimal as a string (<c>type: string, format: decimal</c>), trailing zeros kept.</summary>
    public static void DecimalAsString(Utf8JsonWriter writer, decimal value) => writer.WriteStringValue(ParameterText.Of(value));

    /// <summary>Writes an exact decimal as a string, or null.</summary>
    public static void DecimalAsString(Utf8JsonWriter writer, decimal? value)
    {
        if (value is { } v) DecimalAsString(writer, v); else writer.WriteNullValue();
    }

    /// <summary>
    /// Writes a number member with <paramref name="write"/>, or, when the server sent it as a string
    /// (<paramref name="sentAs"/> is that text), the same string: a model read and written back keeps it as it came.
    /// </summary>
    public static void Number<T>(Utf8JsonWriter writer, T value, JsonValueWriter<T> write, string? sentAs)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        if (sentAs is not null) writer.WriteStringValue(sentAs); else write(writer, value);
    }

    /// <summary>Writes a UUID in its lower-case <c>8-4-4-4-12</c> form.</summary>
    public static void Guid(Utf8JsonWriter writer, Guid value) => writer.WriteStringValue(value);

    /// <summary>Writes a UUID, or null.</summary>
    public static void Guid(Utf8JsonWriter writer, Guid? value)
    {
        if (value is { } v) writer.WriteStringValue(v); else writer.WriteNullValue();
    }

    /// <summary>Writes bytes as base64 text, or null.</summary>
    public static void Bytes(Utf8JsonWriter writer, byte[]? value)
    {
        if (value is null) writer.WriteNullValue(); else writer.WriteBase64StringValue(value);
    }

    /// <summary>Writes a time of day as an RFC 3339 partial-time (<c>14:30:05</c>, with a fraction only when it has one).</summary>
    public static void TimeOnly(Utf8JsonWriter writer, TimeOnly value) => writer.WriteStringValue(WireFormats.FormatTime(value));

    /// <summary>Writes a time of day, or null.</summary>
    public static void TimeOnly(Utf8JsonWriter writer, TimeOnly? value)
    {
        if (value is { } v) TimeOnly(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes an ISO 8601 duration (<c>PT1H30M</c>).</summary>
    public static void Duration(Utf8JsonWriter writer, TimeSpan value) => writer.WriteStringValue(WireFormats.FormatDuration(value));

    /// <summary>Writes an ISO 8601 duration, or null.</summary>
    public static void Duration(Utf8JsonWriter writer, TimeSpan? value)
    {
        if (value is { } v) Duration(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes an RFC 2822 date-time as Twilio sends it (<c>Thu, 30 Jul 2015 20:00:00 +0000</c>), with the value's own offset.</summary>
    /// <remarks>
    /// Written as the vendor writes it (<c>"Mon, 16 Aug 2010 03:45:01 +0000"</c>), not with the encoder's <c>\u002B</c>
    /// for the offset's sign: the text is only ASCII letters, digits, spaces, commas, colons and a sign, safe unescaped.
    /// </remarks>
    public static void DateTimeRfc2822(Utf8JsonWriter writer, DateTimeOffset value) =>
        writer.WriteRawValue("\"" + WireFormats.FormatRfc2822(value) + "\"", skipInputValidation: true);

    /// <summary>Writes an RFC 2822 date-time, or null.</summary>
    public static void DateTimeRfc2822(Utf8JsonWriter writer, DateTimeOffset? value)
    {
        if (value is { } v) DateTimeRfc2822(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes a date-time as seconds since the Unix epoch: a whole number, with a fraction only when it has one.</summary>
    public static void UnixTime(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var seconds = WireFormats.ToUnixSeconds(value);
        if (seconds == decimal.Truncate(seconds)) writer.WriteNumberValue((long)seconds); else writer.WriteNumberValue(seconds);
    }

    /// <summary>Writes a date-time as seconds since the Unix epoch, or null.</summary>
    public static void UnixTime(Utf8JsonWriter writer, DateTimeOffset? value)
    {
        if (value is { } v) UnixTime(writer, v); else writer.WriteNullValue();
    }

    /// <summary>Writes an object with <paramref name="write"/>, or JSON null (a member set to null on purpose).</summary>
    public static void Object<T>(Utf8JsonWriter writer, T? value, JsonValueWriter<T> write)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        if (value is null) writer.WriteNullValue(); else write(writer, value);
    }

    /// <summary>Writes a value type (an enum) with <paramref name="write"/>, or JSON null.</summary>
    public static void Value<T>(Utf8JsonWriter writer, T? value, JsonValueWriter<T> write)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(write);
        if (value is { } v) write(writer, v); else writer.WriteNullValue();
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
