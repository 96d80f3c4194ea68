using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProxyGen.Runtime;

/// <summary>
/// An HTTP method a document names as data (<c>format: http-method</c>): the method a service uses to call a URL of
/// yours, as in Twilio's <c>SmsMethod</c>, <c>StatusCallbackMethod</c> and <c>VoiceMethod</c>. Every such member of
/// every generated client has this one type.
/// </summary>
/// <remarks>
/// Open, like every enum ProxyGen generates: a method the server sends that is not listed here is kept as it is, not
/// rejected. Compare with the static members (equality is the wire value's, ordinal: HTTP methods are case-sensitive);
/// a string or an <see cref="HttpMethod"/> converts to it implicitly.
/// </remarks>
[DebuggerDisplay("{Value,nq}")]
[JsonConverter(typeof(JsonModelConverter<HttpMethodName>))]
public readonly record struct HttpMethodName : IJsonModel<HttpMethodName>
{
    private readonly string? _value;

    /// <summary>Wraps a wire value; any string is accepted, known or not.</summary>
    public HttpMethodName(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>The value <c>GET</c>.</summary>
    public static HttpMethodName Get { get; } = new("GET");

    /// <summary>The value <c>POST</c>.</summary>
    public static HttpMethodName Post { get; } = new("POST");

    /// <summary>The value <c>PUT</c>.</summary>
    public static HttpMethodName Put { get; } = new("PUT");

    /// <summary>The value <c>PATCH</c>.</summary>
    public static HttpMethodName Patch { get; } = new("PATCH");

    /// <summary>The value <c>DELETE</c>.</summary>
    public static HttpMethodName Delete { get; } = new("DELETE");

    /// <summary>The value <c>HEAD</c>.</summary>
    public static HttpMethodName Head { get; } = new("HEAD");

    /// <summary>The value <c>OPTIONS</c>.</summary>
    public static HttpMethodName Options { get; } = new("OPTIONS");

    /// <summary>The value <c>TRACE</c>.</summary>
    public static HttpMethodName Trace { get; } = new("TRACE");

    /// <summary>The value <c>CONNECT</c>.</summary>
    public static HttpMethodName Connect { get; } = new("CONNECT");

    /// <summary>The value exactly as it travels on the wire.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>True for the methods of RFC 9110 and <c>PATCH</c>, spelled as they are registered (upper case).</summary>
    public bool IsKnown => Value is "GET" or "POST" or "PUT" or "PATCH" or "DELETE" or "HEAD" or "OPTIONS" or "TRACE" or "CONNECT";

    /// <summary>Wraps a wire value.</summary>
    public static implicit operator HttpMethodName(string value) => new(value);

    /// <summary>The method's name (<see cref="HttpMethod.Method"/>).</summary>
    public static implicit operator HttpMethodName(HttpMethod method) => new((method ?? throw new ArgumentNullException(nameof(method))).Method);

    /// <summary>
    /// This method as an <see cref="HttpMethod"/> (the shared instance for a known one).
    /// </summary>
    /// <exception cref="FormatException">The value is empty or not an HTTP token.</exception>
    public HttpMethod ToHttpMethod() => Value switch
    {
        "GET" => HttpMethod.Get,
        "POST" => HttpMethod.Post,
        "PUT" => HttpMethod.Put,
        "PATCH" => HttpMethod.Patch,
        "DELETE" => HttpMethod.Delete,
        "HEAD" => HttpMethod.Head,
        "OPTIONS" => HttpMethod.Options,
        "TRACE" => HttpMethod.Trace,
        "CONNECT" => HttpMethod.Connect,
        var other => CreateMethod(other),
    };

    /// <summary>The wire value.</summary>
    public override string ToString() => Value;

    /// <summary>Writes the wire value as a JSON string.</summary>
    public static void WriteJson(Utf8JsonWriter writer, HttpMethodName value) => (writer ?? throw new ArgumentNullException(nameof(writer))).WriteStringValue(value.Value);

    /// <summary>Reads the JSON string at the reader's position; a known method is the cached static member.</summary>
    public static HttpMethodName ReadJson(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.ValueTextEquals("GET"u8)) return Get;
            if (reader.ValueTextEquals("POST"u8)) return Post;
            if (reader.ValueTextEquals("PUT"u8)) return Put;
            if (reader.ValueTextEquals("PATCH"u8)) return Patch;
            if (reader.ValueTextEquals("DELETE"u8)) return Delete;
            if (reader.ValueTextEquals("HEAD"u8)) return Head;
            if (reader.ValueTextEquals("OPTIONS"u8)) return Options;
            if (reader.ValueTextEquals("TRACE"u8)) return Trace;
            if (reader.ValueTextEquals("CONNECT"u8)) return Connect;
        }

        return new HttpMethodName(JsonRead.StringItem(ref reader));
    }

    private static HttpMethod CreateMethod(string value)
    {
        try
        {
            return new HttpMethod(value);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"'{value}' is not an HTTP method.", e);
        }
    }
}
