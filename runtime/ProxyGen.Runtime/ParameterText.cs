using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProxyGen.Runtime;

/// <summary>
/// The text of one parameter value, the way every query, header, form and path value is written: booleans
/// <c>true</c>/<c>false</c>, numbers in the invariant culture, date-times as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>, dates
/// <c>yyyy-MM-dd</c>, JSON as compact JSON text. Null stays null, and is not sent.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ParameterText
{
    /// <summary>The string itself.</summary>
    public static string? Of(string? value) => value;

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public static string Of(bool value) => value ? "true" : "false";

    /// <summary><c>true</c>, <c>false</c> or null.</summary>
    public static string? Of(bool? value) => value is null ? null : Of(value.Value);

    /// <summary>The integer in the invariant culture.</summary>
    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The integer in the invariant culture, or null.</summary>
    public static string? Of(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The integer in the invariant culture.</summary>
    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The integer in the invariant culture, or null.</summary>
    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>The number in its shortest round-trip form.</summary>
    public static string Of(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The number in its shortest round-trip form, or null.</summary>
    public static string? Of(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The decimal number in the invariant culture.</summary>
    public static string Of(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The decimal number in the invariant culture, or null.</summary>
    public static string? Of(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);

    /// <summary>UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>.</summary>
    public static string Of(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>, or null.</summary>
    public static string? Of(DateTimeOffset? value) => value is null ? null : Of(value.Value);

    /// <summary><c>yyyy-MM-dd</c>.</summary>
    public static string Of(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>yyyy-MM-dd</c>, or null.</summary>
    public static string? Of(DateOnly? value) => value is null ? null : Of(value.Value);

    /// <summary>A single-precision number in its shortest round-trip form.</summary>
    public static string Of(float value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A UUID in its lower-case <c>8-4-4-4-12</c> form.</summary>
    public static string Of(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>A time of day as an RFC 3339 partial-time.</summary>
    public static string Of(TimeOnly value) => WireFormats.FormatTime(value);

    /// <summary>A duration in ISO 8601 (<c>PT1H30M</c>).</summary>
    public static string Of(TimeSpan value) => WireFormats.FormatDuration(value);

    /// <summary>A date-time in RFC 2822 (<c>Thu, 30 Jul 2015 20:00:00 +0000</c>).</summary>
    public static string DateTimeRfc2822(DateTimeOffset value) => WireFormats.FormatRfc2822(value);

    /// <summary>A date-time as seconds since the Unix epoch.</summary>
    public static string UnixTime(DateTimeOffset value) => WireFormats.ToUnixSeconds(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>A single-precision number in its shortest round-trip form.</summary>
    public static string? Of(float? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A UUID in its lower-case <c>8-4-4-4-12</c> form.</summary>
    public static string? Of(Guid? value) => value?.ToString("D", CultureInfo.InvariantCulture);

    /// <summary>Bytes as base64 text.</summary>
    public static string? Of(byte[]? value) => value is null ? null : Convert.ToBase64String(value);

    /// <summary>A time of day as an RFC 3339 partial-time.</summary>
    public static string? Of(TimeOnly? value) => value is null ? null : WireFormats.FormatTime(value.Value);

    /// <summary>A duration in ISO 8601 (<c>PT1H30M</c>).</summary>
    public static string? Of(TimeSpan? value) => value is null ? null : WireFormats.FormatDuration(value.Value);

    /// <summary>A date-time in RFC 2822 (<c>Thu, 30 Jul 2015 20:00:00 +0000</c>).</summary>
    public static string? DateTimeRfc2822(DateTimeOffset? value) => value is null ? null : WireFormats.FormatRfc2822(value.Value);

    /// <summary>A date-time as seconds since the Unix epoch.</summary>
    public static string? UnixTime(DateTimeOffset? value) => value is null ? null : WireFormats.ToUnixSeconds(value.Value).ToString(CultureInfo.InvariantCulture);

    /// <summary>The URI as written.</summary>
    public static string? Of(Uri? value) => value?.OriginalString;

    /// <summary>Compact JSON text.</summary>
    public static string Of(JsonElement value) => Compact(value.WriteTo);

    /// <summary>Compact JSON text, or null.</summary>
    public static string? Of(JsonElement? value) => value is null ? null : Of(value.Value);

    /// <summary>Compact JSON text, or null.</summary>
    public static string? Of(JsonNode? value) => value is null ? null : Compact(writer => value.WriteTo(writer));

    /// <summary>
    /// A header's value in the <c>simple</c> style: a list <c>blue,black</c>; an object <c>R,100,G,200</c>, exploded
    /// <c>R=100,G=200</c>. Null, and an empty list or object, is null: the header is not sent.
    /// </summary>
    public static string? Simple(JsonElement? value, bool explode)
    {
        if (value is not { } element)
        {
            return null;
        }

        var text = Styled(string.Empty, element, ParameterStyle.Simple, explode, static text => text);
        return text.Length == 0 && element.ValueKind is JsonValueKind.Array or JsonValueKind.Object ? null : text;
    }

    /// <summary>
    /// One value of a path, in the <c>simple</c>, <c>label</c> or <c>matrix</c> style: the text the template's
    /// <c>{name}</c> is replaced with, every value percent-encoded and every delimiter as the style writes it.
    /// </summary>
    internal static string Styled(string name, JsonElement value, ParameterStyle style, bool explode, Func<string, string> escape)
    {
        var (prefix, separator) = style switch
        {
            ParameterStyle.Label => (".", explode ? "." : ","),
            ParameterStyle.Matrix => (";", explode ? ";" : ","),
            _ => (string.Empty, ","),
        };
        var builder = new StringBuilder();
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                break;
            case JsonValueKind.Array:
                var first = true;
                foreach (var item in value.EnumerateArray())
                {
                    if (Scalar(item) is not { } text)
                    {
                        continue;
                    }

                    builder.Append(first ? prefix : separator);
                    if (style == ParameterStyle.Matrix && (first || explode))
                    {
                        builder.Append(escape(name)).Append(text.Length == 0 ? string.Empty : "=");
                    }

                    builder.Append(escape(text));
                    first = false;
                }

                break;
            case JsonValueKind.Object:
                var firstMember = true;
                foreach (var member in value.EnumerateObject())
                {
                    if (Scalar(member.Value) is not { } text)
                    {
                        continue;
                    }

                    builder.Append(firstMember ? prefix : separator);
                    if (style == ParameterStyle.Matrix && firstMember && !explode)
                    {
                        builder.Append(escape(name)).Append('=');
                    }

                    builder.Append(escape(member.Name)).Append(explode ? '=' : ',').Append(escape(text));
                    firstMember = false;
                }

                break;
            default:
                var scalar = Scalar(value)!;
                builder.Append(prefix);
                if (style == ParameterStyle.Matrix)
                {
                    builder.Append(escape(name)).Append(scalar.Length == 0 ? string.Empty : "=");
                }

                builder.Append(escape(scalar));
                break;
        }

        return builder.ToString();
    }

    /// <summary>
    /// The name/value pairs of a query or form value in <paramref name="style"/>, each name and value already
    /// percent-encoded by <paramref name="escape"/> and each delimiter written as the style writes it.
    /// </summary>
    internal static void Pairs(string name, JsonElement value, ParameterStyle style, bool explode, Func<string, string> escape, List<KeyValuePair<string, string>> pairs)
    {
        if (style == ParameterStyle.DeepObject)
        {
            Deep(escape(name), value, escape, pairs);
            return;
        }

        var delimiter = style switch
        {
            ParameterStyle.SpaceDelimited => "%20",
            // '|' may not stand in a URI (RFC 3986): System.Uri would escape it anyway.
            ParameterStyle.PipeDelimited => "%7C",
            _ => ",",
        };
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Array when explode:
                foreach (var item in value.EnumerateArray())
                {
                    if (Scalar(item) is { } text)
                    {
                        pairs.Add(new(escape(name), escape(text)));
                    }
                }

                return;
            case JsonValueKind.Object when explode:
                foreach (var member in value.EnumerateObject())
                {
                    if (Scalar(member.Value) is { } text)
                    {
                        pairs.Add(new(escape(member.Name), escape(text)));
                    }
                }

                return;
            case JsonValueKind.Array:
                var items = value.EnumerateArray().Select(Scalar).Where(text => text is not null).Select(text => escape(text!)).ToList();
                if (items.Count > 0)
                {
                    pairs.Add(new(escape(name), string.Join(delimiter, items)));
                }

                return;
            case JsonValueKind.Object:
                var members = value.EnumerateObject()
                    .Select(member => (member.Name, Text: Scalar(member.Value)))
                    .Where(member => member.Text is not null)
                    .Select(member => escape(member.Name) + delimiter + escape(member.Text!))
                    .ToList();
                if (members.Count > 0)
                {
                    pairs.Add(new(escape(name), string.Join(delimiter, members)));
                }

                return;
            default:
                pairs.Add(new(escape(name), escape(Scalar(value)!)));
                return;
        }
    }

    /// <summary><c>a[b][c]=v</c>; list items <c>a[]=v</c>, or <c>a[0][k]=v</c> when the items are objects or lists.</summary>
    private static void Deep(string key, JsonElement value, Func<string, string> escape, List<KeyValuePair<string, string>> pairs)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    Deep(key + "[" + escape(member.Name) + "]", member.Value, escape, pairs);
                }

                return;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Deep(item.ValueKind is JsonValueKind.Object or JsonValueKind.Array ? key + "[" + index.ToString(CultureInfo.InvariantCulture) + "]" : key + "[]", item, escape, pairs);
                    index++;
                }

                return;
            default:
                pairs.Add(new(key, escape(Scalar(value)!)));
                return;
        }
    }

    /// <summary>A JSON value's parameter text: strings as they are, numbers as written, objects and lists as compact JSON; null for null.</summary>
    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => Of(value),
    };

    /// <summary>
    /// Compact JSON text as Twilio's SDKs send it: '+' in a phone number stays '+', not \u002B. The text travels
    /// percent-encoded, never into HTML, so the relaxed encoder is safe here.
    /// </summary>
    private static string Compact(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
