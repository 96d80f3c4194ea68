using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProxyGen.Runtime;

/// <summary>
/// Reading helpers the generated <c>ReadJson</c> methods call. Each reads the value at the reader's current token
/// and leaves the reader on that value's last token. Property readers return null for JSON null;
/// <c>…Item</c> readers are for list items and reject null.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonRead
{
    /// <summary>The empty bag a model holds when the server sent no unknown members.</summary>
    public static IReadOnlyDictionary<string, JsonElement> NoAdditionalProperties { get; } = new Dictionary<string, JsonElement>();

    /// <summary>Checks that the reader is at the start of an object.</summary>
    public static void StartObject(ref Utf8JsonReader reader, string typeName)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected a JSON object for {typeName} but found {reader.TokenType}.");
        }
    }

    /// <summary>Moves to the next member of the current object and onto its value; false at the object's end.</summary>
    public static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            name = string.Empty;
            return false;
        }

        name = reader.GetString()!;
        if (!reader.Read())
        {
            throw new JsonException($"The JSON ends inside member '{name}'.");
        }

        return true;
    }

    /// <summary>
    /// Moves to the next member of the current object and stops on its name, so that generated readers match the
    /// name as UTF-8 (<c>reader.ValueTextEquals("sid"u8)</c>) without allocating a string; false at the object's end.
    /// </summary>
    public static bool NextMember(ref Utf8JsonReader reader)
    {
        if (!reader.Read() || reader.TokenType == JsonTokenType.EndObject)
        {
            return false;
        }

        if (reader.TokenType != JsonTokenType.PropertyName)
        {
            throw new JsonException($"Expected a member name but found {reader.TokenType}.");
        }

        return true;
    }

    /// <summary>Moves from a member's name onto its value.</summary>
    public static void MemberValue(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            throw new JsonException("The JSON ends inside a member.");
        }
    }

    /// <summary>Moves from a member's name onto its value, and notes that member <paramref name="index"/> was sent (null or not).</summary>
    public static void MemberValue(ref Utf8JsonReader reader, ref JsonMembers members, int index)
    {
        MemberValue(ref reader);
        members.Add(index);
    }

    /// <summary>
    /// True when the member at the reader (on its name) is <paramref name="name"/>: then the reader moves onto its value
    /// and member <paramref name="index"/> is noted as sent (null or not). A generated reader's one line per member.
    /// </summary>
    public static bool Member(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, ref JsonMembers members, int index)
    {
        if (!reader.ValueTextEquals(name))
        {
            return false;
        }

        MemberValue(ref reader, ref members, index);
        return true;
    }

    /// <summary>
    /// Keeps the member at the reader (on its name) that the model does not know in the model's
    /// <see cref="JsonMembers.AdditionalProperties"/>, so nothing the server sent is lost. Only here is the member's
    /// name made a string.
    /// </summary>
    public static void Unknown(ref Utf8JsonReader reader, ref JsonMembers members)
    {
        var name = reader.GetString()!;
        MemberValue(ref reader);
        members.AddUnknown(name, JsonElement.ParseValue(ref reader));
    }

    /// <summary>The error for a required member the server left out (or sent as null), when the spec is read strictly.</summary>
    public static JsonException MissingMember(string typeName, string jsonName) => new MissingRequiredMemberException(typeName, jsonName);

    /// <summary>A required list the server left out, read as empty: it is still not written back, as it was not sent.</summary>
    public static IReadOnlyList<T> EmptyList<T>() => System.Array.Empty<T>();

    /// <summary>A required map the server left out, read as empty.</summary>
    public static IReadOnlyDictionary<string, T> EmptyMap<T>() => EmptyMapOf<T>.Instance;

    private static class EmptyMapOf<T>
    {
        public static readonly IReadOnlyDictionary<string, T> Instance = new Dictionary<string, T>();
    }

    /// <summary>Reads a string, or null.</summary>
    public static string? String(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : reader.GetString();

    /// <summary>
    /// Reads a string member, or null. A server that sends a number instead (<c>"imei": 14931000129700</c>) is read
    /// too: the value is the number's text, kept so that the model writes it back as the number it was.
    /// </summary>
    public static string? String(ref Utf8JsonReader reader, ref JsonMembers members, int index)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            return String(ref reader);
        }

        var text = System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
        members.KeepSentAs(index, text);
        return text;
    }

    /// <summary>Reads a boolean, or null.</summary>
    public static bool? Boolean(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        // A flag sent as text ("true", as a form field or a lenient server sends it) reads as the flag.
        JsonTokenType.String when bool.TryParse(reader.GetString(), out var flag) => flag,
        _ => reader.GetBoolean(),
    };

    /// <summary>Reads a 32-bit integer (also from a numeric string, as some servers send), or null.</summary>
    public static int? Int32(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => int.Parse(reader.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => reader.GetInt32(),
    };

    /// <summary>Reads a 64-bit integer (also from a numeric string), or null.</summary>
    public static long? Int64(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => long.Parse(reader.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture),
        _ => reader.GetInt64(),
    };

    /// <summary>Reads a number (also from a numeric string, as Twilio sends prices), or null.</summary>
    /// <remarks>A value too large for a <c>double</c>, and <c>"NaN"</c> or <c>"Infinity"</c>, are refused: JSON cannot write them back.</remarks>
    public static double? Double(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => Finite(double.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => Finite(reader.GetDouble()),
    };

    /// <summary>Reads a single-precision number (also from a numeric string), or null.</summary>
    /// <remarks>A value too large for a <c>float</c>, and <c>"NaN"</c> or <c>"Infinity"</c>, are refused.</remarks>
    public static float? Float(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => (float)Finite(float.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => (float)Finite(reader.GetSingle()),
    };

    private static double Finite(double value) => double.IsFinite(value)
        ? value
        : throw new OverflowException("The number is not finite in .NET (too large, NaN or Infinity), so it could not be written back as JSON.");

    /// <summary>Reads a 32-bit integer the spec sends as a string (<c>type: string, format: int32</c>); a JSON number is read too.</summary>
    public static int? Int32AsString(ref Utf8JsonReader reader) => Int32(ref reader);

    /// <summary>Reads a 64-bit integer the spec sends as a string (<c>type: string, format: int64</c>); a JSON number is read too.</summary>
    public static long? Int64AsString(ref Utf8JsonReader reader) => Int64(ref reader);

    /// <summary>Reads a number the spec sends as a string (<c>type: string, format: double</c>); a JSON number is read too.</summary>
    public static double? DoubleAsString(ref Utf8JsonReader reader) => Double(ref reader);

    /// <summary>Reads an exact decimal the spec sends as a string (<c>type: string, format: decimal</c>); a JSON number is read too.</summary>
    public static decimal? DecimalAsString(ref Utf8JsonReader reader) => Decimal(ref reader);

    /// <summary>
    /// Reads a number member with <paramref name="read"/>, and keeps its text when the server sent it as a JSON string
    /// (as Twilio sends <c>"price": "-0.05000"</c>), so that the model writes it back the same way.
    /// </summary>
    public static T? Number<T>(ref Utf8JsonReader reader, JsonValueReader<T?> read, ref JsonMembers members, int index)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(read);
        var value = read(ref reader);
        if (reader.TokenType == JsonTokenType.String)
        {
            members.KeepSentAs(index, reader.GetString()!);
        }

        return value;
    }

    /// <summary>Reads a UUID (<c>format: uuid</c>), or null.</summary>
    public static Guid? Guid(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null
        : System.Guid.TryParse(reader.GetString(), out var value) ? value
        : throw new FormatException($"'{reader.GetString()}' is not a UUID.");

    /// <summary>Reads base64 bytes (<c>format: byte</c>), or null.</summary>
    public static byte[]? Bytes(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null
        : reader.TryGetBytesFromBase64(out var value) ? value
        : throw new FormatException("The value is not base64 text.");

    /// <summary>Reads an RFC 3339 partial-time (<c>format: time</c>, <c>14:30:05.5</c>), or null.</summary>
    public static TimeOnly? TimeOnly(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : WireFormats.ParseTime(reader.GetString()!);

    /// <summary>Reads an ISO 8601 duration (<c>format: duration</c>, <c>PT1H30M</c>), or null.</summary>
    public static TimeSpan? Duration(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : WireFormats.ParseDuration(reader.GetString()!);

    /// <summary>Reads an RFC 2822 date-time as Twilio sends it (<c>format: date-time-rfc-2822</c>), keeping its offset; or null.</summary>
    public static DateTimeOffset? DateTimeRfc2822(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null ? null : WireFormats.ParseRfc2822(reader.GetString()!);

    /// <summary>Reads seconds since the Unix epoch (<c>format: unix-time</c>) as a UTC date-time, or null; a numeric string is read too.</summary>
    public static DateTimeOffset? UnixTime(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => WireFormats.FromUnixSeconds(decimal.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => WireFormats.FromUnixSeconds(reader.GetDecimal()),
    };

    /// <summary>Reads a decimal number (also from a numeric string), or null.</summary>
    public static decimal? Decimal(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => decimal.Parse(reader.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture),
        _ => reader.GetDecimal(),
    };

    /// <summary>Reads an ISO 8601 date-time (or the RFC 1123 form older Twilio APIs send), or null.</summary>
    public static DateTimeOffset? DateTimeOffset(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }

        return System.DateTimeOffset.Parse(reader.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Reads a <c>yyyy-MM-dd</c> date, or null.</summary>
    public static DateOnly? DateOnly(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null
        ? null
        : System.DateOnly.ParseExact(reader.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a URI (absolute or relative), or null.</summary>
    public static Uri? Uri(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null
        ? null
        : new Uri(reader.GetString()!, UriKind.RelativeOrAbsolute);

    /// <summary>Reads a free-form JSON object, or null.</summary>
    public static JsonObject? JsonObject(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null
        ? null
        : JsonNode.Parse(ref reader) as JsonObject ?? throw new JsonException("Expected a JSON object.");

    /// <summary>Reads any JSON value as it is, or null for JSON null.</summary>
    public static JsonElement? JsonValue(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.Null
        ? null
        : JsonElement.ParseValue(ref reader);

    /// <summary>Reads an object with <paramref name="read"/>, or null.</summary>
    public static T? Object<T>(ref Utf8JsonReader reader, JsonValueReader<T> read)
        where T : class => reader.TokenType == JsonTokenType.Null ? null : read(ref reader);

    /// <summary>Reads a value type (an enum) with <paramref name="read"/>, or null.</summary>
    public static T? Value<T>(ref Utf8JsonReader reader, JsonValueReader<T> read)
        where T : struct => reader.TokenType == JsonTokenType.Null ? null : read(ref reader);

    /// <summary>Reads a JSON array, each item with <paramref name="readItem"/>, or null.</summary>
    public static IReadOnlyList<T>? Array<T>(ref Utf8JsonReader reader, JsonValueReader<T> readItem)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a JSON array but found {reader.TokenType}.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(readItem(ref reader));
        }

        return items;
    }

    /// <summary>Reads a JSON object as a map, each value with <paramref name="readValue"/>, or null.</summary>
    public static IReadOnlyDictionary<string, T>? Map<T>(ref Utf8JsonReader reader, JsonValueReader<T> readValue)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        StartObject(ref reader, "a map");
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        while (NextProperty(ref reader, out var name))
        {
            map[name] = readValue(ref reader);
        }

        return map;
    }

    /// <summary>
    /// A reader of non-null JSON arrays whose items <paramref name="readItem"/> reads: what a list of lists, or a
    /// whole response that is a list, is read with.
    /// </summary>
    public static JsonValueReader<IReadOnlyList<T>> ArrayOf<T>(JsonValueReader<T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        return (ref Utf8JsonReader reader) => Array(ref reader, readItem) ?? throw NullItem();
    }

    /// <summary>A reader of non-null JSON objects read as maps, each value with <paramref name="readValue"/>.</summary>
    public static JsonValueReader<IReadOnlyDictionary<string, T>> MapOf<T>(JsonValueReader<T> readValue)
    {
        ArgumentNullException.ThrowIfNull(readValue);
        return (ref Utf8JsonReader reader) => Map(ref reader, readValue) ?? throw NullItem();
    }

    /// <summary>
    /// The string value of the member <paramref name="propertyName"/> of the object at the reader's position, found
    /// without moving the caller's reader (this one is a copy); null when the value is not an object, lacks the member,
    /// or the member is not a string. What a generated union reads to pick its alternative.
    /// </summary>
    public static string? Discriminator(Utf8JsonReader reader, string propertyName)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var match = reader.ValueTextEquals(propertyName);
            reader.Read();
            if (match)
            {
                return reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            }

            reader.Skip();
        }

        return null;
    }

    /// <summary>
    /// Reads <paramref name="element"/> with <paramref name="read"/>: how a union without a discriminator turns the
    /// JSON it keeps into one of its alternatives. Returns false, never throws, when the JSON is not that alternative.
    /// </summary>
    public static bool TryRead<T>(JsonElement element, JsonValueReader<T> read, out T value)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(element.GetRawText()));
            reader.Read();
            value = read(ref reader);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            value = default!;
            return false;
        }
    }

    /// <summary>True when <paramref name="element"/> is an object that has every one of <paramref name="members"/>.</summary>
    public static bool HasMembers(JsonElement element, params string[] members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        foreach (var member in members)
        {
            if (!element.TryGetProperty(member, out _))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads a non-null string list item.</summary>
    public static string StringItem(ref Utf8JsonReader reader) => String(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null boolean list item.</summary>
    public static bool BooleanItem(ref Utf8JsonReader reader) => Boolean(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null integer list item.</summary>
    public static int Int32Item(ref Utf8JsonReader reader) => Int32(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null integer list item.</summary>
    public static long Int64Item(ref Utf8JsonReader reader) => Int64(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null number list item.</summary>
    public static double DoubleItem(ref Utf8JsonReader reader) => Double(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null single-precision list item.</summary>
    public static float FloatItem(ref Utf8JsonReader reader) => Float(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null integer list item sent as a string.</summary>
    public static int Int32AsStringItem(ref Utf8JsonReader reader) => Int32(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null integer list item sent as a string.</summary>
    public static long Int64AsStringItem(ref Utf8JsonReader reader) => Int64(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null number list item sent as a string.</summary>
    public static double DoubleAsStringItem(ref Utf8JsonReader reader) => Double(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null decimal list item sent as a string.</summary>
    public static decimal DecimalAsStringItem(ref Utf8JsonReader reader) => Decimal(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null UUID list item.</summary>
    public static Guid GuidItem(ref Utf8JsonReader reader) => Guid(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null base64 list item.</summary>
    public static byte[] BytesItem(ref Utf8JsonReader reader) => Bytes(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null time-of-day list item.</summary>
    public static TimeOnly TimeOnlyItem(ref Utf8JsonReader reader) => TimeOnly(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null duration list item.</summary>
    public static TimeSpan DurationItem(ref Utf8JsonReader reader) => Duration(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null RFC 2822 date-time list item.</summary>
    public static DateTimeOffset DateTimeRfc2822Item(ref Utf8JsonReader reader) => DateTimeRfc2822(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null Unix-time list item.</summary>
    public static DateTimeOffset UnixTimeItem(ref Utf8JsonReader reader) => UnixTime(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null decimal list item.</summary>
    public static decimal DecimalItem(ref Utf8JsonReader reader) => Decimal(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null date-time list item.</summary>
    public static DateTimeOffset DateTimeOffsetItem(ref Utf8JsonReader reader) => DateTimeOffset(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null date list item.</summary>
    public static DateOnly DateOnlyItem(ref Utf8JsonReader reader) => DateOnly(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null URI list item.</summary>
    public static Uri UriItem(ref Utf8JsonReader reader) => Uri(ref reader) ?? throw NullItem();

    /// <summary>Reads a non-null JSON object list item.</summary>
    public static JsonObject JsonObjectItem(ref Utf8JsonReader reader) => JsonObject(ref reader) ?? throw NullItem();

    /// <summary>Reads any JSON list item as it is (JSON null included).</summary>
    public static JsonElement JsonValueItem(ref Utf8JsonReader reader) => JsonElement.ParseValue(ref reader);

    private static JsonException NullItem() => new("A list item is null, which the spec does not allow.");
}

/// <summary>Reads one value of type <typeparamref name="T"/> at the reader's current token, leaving the reader on its last token.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);
