using System.ComponentModel;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProxyGen.Runtime;

/// <summary>
/// Ordered name/value pairs for a query string, headers or a form body. Plain values are formatted by
/// <see cref="ParameterText"/> (null values are left out) and percent-encoded when the request is written; lists are
/// sent by adding the same name once per item. <see cref="AddStyled"/> writes a value the way an OpenAPI
/// <c>style</c> says, with its delimiters as the style writes them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ParameterList
{
    // Most lists hold one or two pairs (a form field, a page size): room for two before the list grows.
    private readonly List<Item> _items = new(2);

    /// <summary>How many pairs were added.</summary>
    public int Count => _items.Count;

    /// <summary>The pairs, in the order they were added; styled ones as they go on the wire (already percent-encoded).</summary>
    public IEnumerable<KeyValuePair<string, string>> Items => _items.Select(item => new KeyValuePair<string, string>(item.Name, item.Value));

    /// <summary>Adds a string; null is not sent.</summary>
    public void Add(string name, string? value)
    {
        if (value is not null)
        {
            _items.Add(new(name, value, Encoded: false));
        }
    }

    /// <summary>Adds a boolean as <c>true</c> or <c>false</c>; null is not sent.</summary>
    public void Add(string name, bool? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds an integer; null is not sent.</summary>
    public void Add(string name, int? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds an integer; null is not sent.</summary>
    public void Add(string name, long? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds a number in its shortest round-trip form; null is not sent.</summary>
    public void Add(string name, double? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds a decimal number; null is not sent.</summary>
    public void Add(string name, decimal? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds a date-time as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>; null is not sent.</summary>
    public void Add(string name, DateTimeOffset? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds a date as <c>yyyy-MM-dd</c>; null is not sent.</summary>
    public void Add(string name, DateOnly? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds a URI as written; null is not sent.</summary>
    public void Add(string name, Uri? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds a JSON object or value as compact JSON text; null is not sent.</summary>
    public void Add(string name, JsonNode? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds raw JSON as compact JSON text; null is not sent.</summary>
    public void Add(string name, JsonElement? value) => Add(name, ParameterText.Of(value));

    /// <summary>Adds each item of a list under the same name (<c>color=blue&amp;color=black</c>); null items, and a null list, are not sent.</summary>
    public void AddEach<T>(string name, IEnumerable<T>? values, Func<T, string?> format)
    {
        ArgumentNullException.ThrowIfNull(format);
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            Add(name, format(value));
        }
    }

    /// <summary>
    /// Adds a query or form value written in <paramref name="style"/> (see <see cref="ParameterStyle"/>): a list or an
    /// object becomes one pair or several, as the style and <paramref name="explode"/> say. With
    /// <paramref name="allowReserved"/>, the characters RFC 3986 reserves (<c>:/?[]@!$&amp;'()*+,;=</c>) and valid
    /// <c>%XX</c> escapes are sent as they are; '#' and everything else are still percent-encoded. Null, and an empty
    /// list or object, is not sent.
    /// </summary>
    public void AddStyled(string name, JsonElement? value, ParameterStyle style, bool explode, bool allowReserved = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (value is not { } element)
        {
            return;
        }

        var pairs = new List<KeyValuePair<string, string>>();
        ParameterText.Pairs(name, element, style, explode, allowReserved ? EscapeAllowingReserved : Uri.EscapeDataString, pairs);
        if (pairs.Count == 0)
        {
            return;
        }

        foreach (var pair in pairs)
        {
            _items.Add(new(pair.Key, pair.Value, Encoded: true));
        }
    }

    /// <summary>
    /// Adds an object the way Twilio's <c>format: prefixed-collapsible-map-{prefix}</c> says: one
    /// <c>{prefix}.{key}={value}</c> pair per member, nested objects collapsed with dots
    /// (<c>AddOns.payfone.RightPartyContactedDate=…</c>), as Twilio's own SDKs send it. Null is not sent.
    /// </summary>
    public void AddPrefixedMap(string prefix, JsonElement? value)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (value is { ValueKind: JsonValueKind.Object } element)
        {
            Collapse(prefix, element);
        }
        else if (value is { } other)
        {
            Add(prefix, other);
        }

        void Collapse(string key, JsonElement json)
        {
            foreach (var member in json.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.Object)
                {
                    Collapse(key + "." + member.Name, member.Value);
                }
                else if (member.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
                {
                    Add(key + "." + member.Name, member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString() : ParameterText.Of(member.Value));
                }
            }
        }
    }

    /// <summary>The pairs as a form body (<c>application/x-www-form-urlencoded</c>); empty when nothing was added.</summary>
    public HttpContent ToFormContent()
    {
        // As FormUrlEncodedContent writes plain pairs (spaces as '+'), and styled pairs as they already are: escaped
        // once into a pooled array, then copied as ASCII into the one byte array the content sends.
        var parts = System.Buffers.ArrayPool<string>.Shared.Rent(Math.Max(1, _items.Count * 2));
        try
        {
            var length = Math.Max(0, _items.Count - 1);
            for (var i = 0; i < _items.Count; i++)
            {
                var (name, value, encoded) = _items[i];
                parts[2 * i] = encoded ? name : FormEscape(name);
                parts[(2 * i) + 1] = encoded ? value : FormEscape(value);
                length += parts[2 * i].Length + 1 + parts[(2 * i) + 1].Length;
            }

            var body = new byte[length];
            var at = 0;
            for (var i = 0; i < _items.Count; i++)
            {
                if (i > 0)
                {
                    body[at++] = (byte)'&';
                }

                at += Encoding.ASCII.GetBytes(parts[2 * i], body.AsSpan(at));
                body[at++] = (byte)'=';
                at += Encoding.ASCII.GetBytes(parts[(2 * i) + 1], body.AsSpan(at));
            }

            var content = new ByteArrayContent(body);
            // Sent as written: HttpClient parses a header only when someone reads it.
            content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
            return content;
        }
        finally
        {
            System.Buffers.ArrayPool<string>.Shared.Return(parts, clearArray: true);
        }
    }

    /// <summary>The pairs as a query string without the leading '?'.</summary>
    public string ToQueryString()
    {
        var builder = new StringBuilder();
        foreach (var (name, value, encoded) in _items)
        {
            if (builder.Length > 0)
            {
                builder.Append('&');
            }

            builder.Append(encoded ? name : Uri.EscapeDataString(name)).Append('=').Append(encoded ? value : Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    /// <summary>
    /// The pairs as a <c>Cookie</c> header value (<c>name=value; name2=value2</c>, RFC 6265), every value
    /// percent-encoded so that no ';', ',', space or line break can start another cookie; null when empty.
    /// </summary>
    /// <exception cref="ArgumentException">A cookie name is not an HTTP token.</exception>
    public string? ToCookieHeader()
    {
        if (_items.Count == 0)
        {
            return null;
        }

        var builder = new StringBuilder();
        foreach (var (name, value, encoded) in _items)
        {
            if (!encoded && !IsToken(name))
            {
                throw new ArgumentException($"'{ApiException.Printable(name, 100)}' is not a valid cookie name.", nameof(name));
            }

            builder.Append(builder.Length > 0 ? "; " : string.Empty).Append(name).Append('=').Append(encoded ? value : Uri.EscapeDataString(value));
        }

        return builder.ToString();
    }

    private static string FormEscape(string text) => Uri.EscapeDataString(text).Replace("%20", "+");

    /// <summary>RFC 6570 reserved expansion: reserved characters and valid <c>%XX</c> stay; '#' (it would end the URL) and the rest are encoded.</summary>
    internal static string EscapeAllowingReserved(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is ':' or '/' or '?' or '[' or ']' or '@' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=')
            {
                builder.Append(c);
            }
            else if (c == '%' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                builder.Append(text, i, 3);
                i += 2;
            }
            else
            {
                var end = i + (char.IsHighSurrogate(c) && i + 1 < text.Length ? 2 : 1);
                builder.Append(Uri.EscapeDataString(text.Substring(i, end - i)));
                i = end - 1;
            }
        }

        return builder.ToString();
    }

    /// <summary>An HTTP token (RFC 9110 §5.6.2): the characters a header or cookie name may have.</summary>
    internal static bool IsToken(string name)
    {
        if (name.Length == 0)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (c > 126 || !(char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One pair; <paramref name="Encoded"/> when it is already percent-encoded (a styled value, whose delimiters stay as written).</summary>
    private readonly record struct Item(string Name, string Value, bool Encoded);
}
