using System.Text;
using System.Text.Json;

namespace ProxyGen.Runtime.Webhooks;

/// <summary>
/// What receives a verified delivery: a generated <c>…WebhookHandler</c> (which reads the payload into its type and
/// calls the method of that event), or your own.
/// </summary>
public interface IWebhookHandler
{
    /// <summary>Handles a delivery that passed every check; the reply is what the sender gets.</summary>
    ValueTask<WebhookReply> HandleAsync(WebhookRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A handler that can also be told which event a delivery is (a route per event, or a sender that names it in the URL):
/// every generated <c>…WebhookHandler</c>.
/// </summary>
public interface INamedWebhookHandler : IWebhookHandler
{
    /// <summary>Handles a verified delivery as the event the document calls <paramref name="webhook"/>.</summary>
    ValueTask<WebhookReply> HandleAsync(string webhook, WebhookRequest request, CancellationToken cancellationToken);
}

/// <summary>Ways to hand a named handler to a receiver.</summary>
public static class WebhookHandlers
{
    /// <summary>
    /// The handler as a receiver of one event only: what a URL of that event's own hands on (Twilio Proxy's
    /// InterceptCallbackUrl → <c>ForWebhook("Intercept")</c>).
    /// </summary>
    public static IWebhookHandler ForWebhook(this INamedWebhookHandler handler, string webhook)
    {
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentException.ThrowIfNullOrEmpty(webhook);
        return new OneWebhook(handler, webhook);
    }

    private sealed class OneWebhook(INamedWebhookHandler handler, string webhook) : IWebhookHandler, IWrapsWebhookHandler
    {
        public IWebhookHandler Inner => handler;

        public ValueTask<WebhookReply> HandleAsync(WebhookRequest request, CancellationToken cancellationToken) => handler.HandleAsync(webhook, request, cancellationToken);
    }
}

/// <summary>A handler that stands for another: the declared-security check looks through it.</summary>
internal interface IWrapsWebhookHandler
{
    IWebhookHandler Inner { get; }
}

/// <summary>
/// A handler whose document declares HTTP Basic credentials on its deliveries (Adyen's): a receiver of it must have a
/// <see cref="BasicAuthentication"/> verifier, and refuses to work without one.
/// </summary>
public interface IDeclaresBasicAuthentication : IWebhookHandler
{
}

/// <summary>What the receiver answers the sender: a status, and a body when the webhook's <c>responses</c> expect one.</summary>
/// <param name="StatusCode">The HTTP status.</param>
/// <param name="ContentType">The body's media type, or null for no body.</param>
/// <param name="Body">The body text, or null.</param>
public sealed record WebhookReply(int StatusCode, string? ContentType = null, string? Body = null)
{
    /// <summary>200 with no body: accepted (what most senders need to stop retrying).</summary>
    public static WebhookReply Accepted { get; } = new(200);

    /// <summary>200 with a JSON body (Adyen's <c>{"notificationResponse": "[accepted]"}</c>).</summary>
    public static WebhookReply Json(string json) => new(200, "application/json", json ?? throw new ArgumentNullException(nameof(json)));

    /// <summary>200 with a JSON body written by a generated type's writer.</summary>
    public static WebhookReply Json<T>(T value)
        where T : IJsonModel<T>
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            T.WriteJson(writer, value);
        }

        return Json(Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>A status with no body (403 to block a Twilio Proxy Interaction from the intercept callback).</summary>
    public static WebhookReply Status(int statusCode) => new(statusCode);

    /// <summary>200 with TwiML (<c>application/xml</c>): what Twilio does next in a call or message.</summary>
    public static WebhookReply TwiML(string xml) => new(200, "application/xml", xml ?? throw new ArgumentNullException(nameof(xml)));

    /// <summary>A refusal with its status and a short plain-text reason.</summary>
    public static WebhookReply Refused(int statusCode, string reason) => new(statusCode, "text/plain; charset=utf-8", reason);
}

/// <summary>A delivery whose event the document does not describe (or cannot be told apart): kept whole, never an error.</summary>
/// <param name="EventType">The value of the payload's discriminating member (<c>type</c>), when it has one.</param>
/// <param name="Json">The payload.</param>
public sealed record UnknownWebhook(string? EventType, JsonElement Json);

/// <summary>
/// The framework-free way in: checks a delivery — size, media type, every verifier (signatures, credentials) — before
/// its handler runs, and turns what the handler cannot read into a 400. Use it from Azure Functions, AWS Lambda or a
/// queue consumer; <c>ProxyGen.AspNetCore</c>'s <c>MapWebhooks</c> uses it too.
/// </summary>
public sealed class WebhookReceiver
{
    private readonly IWebhookHandler _handler;
    private readonly IWebhookVerifier[] _verifiers;

    /// <param name="handler">Gets each delivery that passed.</param>
    /// <param name="verifiers">
    /// Every check a delivery must pass, all of them (a signature and the declared Basic credentials, say). At least
    /// one, unless <see cref="AllowUnverified"/>: a receiver anyone can post to is a choice, not a default.
    /// </param>
    public WebhookReceiver(IWebhookHandler handler, params IWebhookVerifier[] verifiers)
    {
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        ArgumentNullException.ThrowIfNull(verifiers);
        if (verifiers.Any(v => v is null))
        {
            throw new ArgumentException("A verifier is null.", nameof(verifiers));
        }

        _verifiers = verifiers;
    }

    /// <summary>The largest body accepted, in bytes (1 MiB); a larger one is 413 without being read to the end.</summary>
    public long MaxBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Receives deliveries no verifier checks (a private network, a test). False by default: such a receiver refuses everything.</summary>
    public bool AllowUnverified { get; init; }

    /// <summary>
    /// The media types accepted (by default JSON and forms); another one is 415. Compared without parameters,
    /// case-insensitively.
    /// </summary>
    public IReadOnlyCollection<string> MediaTypes { get; init; } = ["application/json", "application/x-www-form-urlencoded"];

    /// <summary>Checks <paramref name="request"/> and, when it passes, hands it to the handler.</summary>
    public async ValueTask<WebhookReply> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Body.Length > MaxBodyBytes)
        {
            return WebhookReply.Refused(413, $"The body is larger than {MaxBodyBytes} bytes.");
        }

        if (!string.Equals(request.Method, "POST", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookReply.Refused(405, "Deliveries are POST.");
        }

        if (_verifiers.Length == 0 && !AllowUnverified)
        {
            return WebhookReply.Refused(401, "This receiver has no verifier configured, so it accepts nothing.");
        }

        if (MissingDeclaredCheck((_handler is IWrapsWebhookHandler wrapper ? wrapper.Inner : _handler).GetType(), _verifiers, AllowUnverified) is { } missing)
        {
            return WebhookReply.Refused(401, missing);
        }

        foreach (var verifier in _verifiers)
        {
            var verdict = verifier.Verify(request);
            if (!verdict.Accepted)
            {
                return WebhookReply.Refused(verdict.StatusCode, verdict.Reason ?? "Refused.");
            }
        }

        // After the verifiers: an unsigned request learns nothing more than 401 about what is accepted.
        if (request.MediaType is not { } mediaType || !MediaTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return WebhookReply.Refused(415, "Unsupported media type.");
        }

        try
        {
            return await _handler.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (WebhookPayloadException e)
        {
            // Only the payload's reading: an exception of the handler's own code is the application's, not a 400.
            return WebhookReply.Refused(400, e.Message);
        }
    }

    /// <summary>
    /// What the document of <paramref name="handlerType"/> declares that <paramref name="verifiers"/> do not check (its
    /// HTTP Basic credentials), or null: a receiver that would let such deliveries through unchecked is a configuration
    /// mistake. <c>MapWebhooks</c> asks at startup; a receiver asks for each delivery.
    /// </summary>
    public static string? MissingDeclaredCheck(Type handlerType, IEnumerable<IWebhookVerifier> verifiers, bool allowUnverified)
    {
        ArgumentNullException.ThrowIfNull(handlerType);
        ArgumentNullException.ThrowIfNull(verifiers);
        return typeof(IDeclaresBasicAuthentication).IsAssignableFrom(handlerType) && !allowUnverified && !verifiers.Any(v => v is BasicAuthentication)
            ? $"The document of {handlerType.Name} says deliveries carry HTTP Basic credentials, and no BasicAuthentication verifier checks them."
            : null;
    }

    /// <summary>
    /// Reads a request body into memory up to <paramref name="maxBytes"/>; null when it is larger (stop and answer 413),
    /// without reading past the limit.
    /// </summary>
    public static async ValueTask<byte[]?> ReadBodyAsync(Stream body, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}

/// <summary>What a generated webhook handler needs to read a payload: the event's name from the JSON, and the typed read.</summary>
[System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
public static class WebhookJson
{
    /// <summary>
    /// The string value of the top-level member <paramref name="name"/> of the JSON object in <paramref name="json"/>
    /// (<c>type</c>), or null when there is none or it is not a string; of a repeated member, the last. Nested objects
    /// are skipped, not searched.
    /// </summary>
    public static string? TopLevelString(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name)
    {
        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw new WebhookPayloadException("A webhook payload must be a JSON object.", null);
            }

            // A repeated member: the last one, as the generated reader (and System.Text.Json) keeps it, so the event
            // chosen and the payload read can never disagree.
            string? value = null;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                reader.Read();
                if (match)
                {
                    value = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
                }

                reader.Skip();
            }

            return value;
        }
        catch (JsonException e)
        {
            throw new WebhookPayloadException("The payload is not JSON: " + e.Message, e);
        }
    }

    /// <summary>
    /// The value of the payload's member <paramref name="name"/> that names its event: a top-level JSON string member, or
    /// a form field; null when there is none.
    /// </summary>
    public static string? EventType(WebhookRequest request, string name)
    {
        ArgumentNullException.ThrowIfNull(request);
        return IsForm(request)
            ? request.FormFields().FirstOrDefault(f => f.Key == name).Value
            : TopLevelString(request.Body.Span, Encoding.UTF8.GetBytes(name));
    }

    /// <summary>
    /// Reads a form payload (<c>application/x-www-form-urlencoded</c>, Twilio's callbacks) with a generated reader: the
    /// fields become a JSON object of strings (a repeated field, a list of strings), which the reader takes as it takes
    /// numbers, flags and dates sent as strings.
    /// </summary>
    public static T ReadForm<T>(WebhookRequest request, JsonValueReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Read(FormAsJson(request.FormFields()), read);
    }

    /// <summary>The payload as a <see cref="JsonElement"/> (for an <see cref="UnknownWebhook"/>): JSON as it is, a form as an object of strings.</summary>
    public static JsonElement Element(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Element(IsForm(request) ? FormAsJson(request.FormFields()) : request.Body);
    }

    private static bool IsForm(WebhookRequest request) => string.Equals(request.MediaType, "application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static ReadOnlyMemory<byte> FormAsJson(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var names = new HashSet<string>(StringComparer.Ordinal);
            if (fields.All(f => names.Add(f.Key)))
            {
                foreach (var (name, value) in fields)
                {
                    writer.WriteString(name, value);
                }
            }
            else
            {
                // A repeated field is a list of strings, in the order sent.
                foreach (var group in fields.GroupBy(f => f.Key, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(group.Key);
                    if (group.Count() == 1)
                    {
                        writer.WriteStringValue(group.First().Value);
                        continue;
                    }

                    writer.WriteStartArray();
                    foreach (var field in group)
                    {
                        writer.WriteStringValue(field.Value);
                    }

                    writer.WriteEndArray();
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Reads the whole payload with a generated reader; anything after the value is an error.</summary>
    public static T Read<T>(ReadOnlyMemory<byte> json, JsonValueReader<T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        try
        {
            var reader = new Utf8JsonReader(json.Span);
            reader.Read();
            var value = read(ref reader);
            if (reader.Read())
            {
                throw new JsonException("The payload has more after its JSON value.");
            }

            return value;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new WebhookPayloadException("The payload is not what the document describes: " + e.Message, e);
        }
    }

    /// <summary>The payload as a <see cref="JsonElement"/> (for an <see cref="UnknownWebhook"/>).</summary>
    public static JsonElement Element(ReadOnlyMemory<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new WebhookPayloadException("The payload is not JSON: " + e.Message, e);
        }
    }
}

/// <summary>A delivery's payload could not be read as the document describes it: the receiver answers 400.</summary>
public sealed class WebhookPayloadException : JsonException
{
    /// <summary>Creates the exception.</summary>
    public WebhookPayloadException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
