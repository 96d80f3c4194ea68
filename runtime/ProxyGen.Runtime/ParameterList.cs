using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProxyGen.Runtime;

/// <summary>
/// Ordered name/value pairs for a query string, headers or a form body, formatted the way Twilio expects:
/// null values are left out, booleans are <c>true</c>/<c>false</c>, numbers use the invariant culture,
/// date-times are UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>, JSON objects are compact JSON text.
/// Lists are sent by adding the same name once per item.
/// </summary>
public sealed class ParameterList
{
    private readonly List<KeyValuePair<string, string>> _items = new();

    /// <summary>The pairs, in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Items => _items;

    /// <summary>Adds a string; null is not sent.</summary>
    public void Add(string name, string? value)
    {
        if (value is not null)
        {
            _items.Add(new(name, value));
        }
    }

    /// <summary>Adds a boolean as <c>true</c> or <c>false</c>; null is not sent.</summary>
    public void Add(string name, bool? value) => Add(name, value is null ? null : value.Value ? "true" : "false");

    /// <summary>Adds an integer; null is not sent.</summary>
    public void Add(string name, int? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds an integer; null is not sent.</summary>
    public void Add(string name, long? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a number in its shortest round-trip form; null is not sent.</summary>
    public void Add(string name, double? value) => Add(name, value?.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>Adds a decimal number; null is not sent.</summary>
    public void Add(string name, decimal? value) => Add(name, value?.ToString(CultureInfo.InvariantCulture));

    /// <summary>Adds a date-time as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>; null is not sent.</summary>
    public void Add(string name, DateTimeOffset? value) => Add(name, value is null ? null : Format(value.Value));

    /// <summary>Adds a date as <c>yyyy-MM-dd</c>; null is not sent.</summary>
    public void Add(string name, DateOnly? value) => Add(name, value is null ? null : Format(value.Value));

    /// <summary>Adds a URI as written; null is not sent.</summary>
    public void Add(string name, Uri? value) => Add(name, value?.OriginalString);

    /// <summary>Adds a JSON object or value as compact JSON text; null is not sent.</summary>
    public void Add(string name, JsonNode? value) => Add(name, value is null ? null : Compact(writer => value.WriteTo(writer)));

    /// <summary>Adds raw JSON as compact JSON text; null is not sent.</summary>
    public void Add(string name, JsonElement? value) => Add(name, value is null ? null : Compact(value.Value.WriteTo));

    /// <summary>The pairs as a form body (<c>application/x-www-form-urlencoded</c>); empty when nothing was added.</summary>
    public HttpContent ToFormContent() => new FormUrlEncodedContent(_items);

    /// <summary>The pairs as a query string without the leading '?'.</summary>
    public string ToQueryString()
    {
        var builder = new StringBuilder();
        foreach (var item in _items)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(Uri.EscapeDataString(item.Key)).Append('=').Append(Uri.EscapeDataString(item.Value));
        }

        return builder.ToString();
    }

    internal static string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    internal static string Format(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Compact JSON text as Twilio's SDKs send it: '+' in a phone number stays '+', not \u002B. The text travels
    /// form-encoded, never into HTML, so the relaxed encoder is safe here.
    /// </summary>
    private static string Compact(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
