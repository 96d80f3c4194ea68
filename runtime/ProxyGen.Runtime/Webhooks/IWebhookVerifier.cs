namespace ProxyGen.Runtime.Webhooks;

/// <summary>
/// One check a delivery must pass before any handler sees it: a signature scheme (Twilio, Standard Webhooks, Adyen
/// HMAC) or the credentials the document declares for its webhooks (HTTP Basic). Implement it for a scheme of your own.
/// </summary>
public interface IWebhookVerifier
{
    /// <summary>Checks <paramref name="request"/>; never throws for a bad request, it answers why it is refused.</summary>
    WebhookVerdict Verify(WebhookRequest request);
}

/// <summary>What a <see cref="IWebhookVerifier"/> concluded: accepted, or refused with the status to answer and why.</summary>
/// <param name="Accepted">True when the delivery passed.</param>
/// <param name="StatusCode">The status to answer a refused delivery with: 401 (unsigned, tampered, replayed, wrong credentials), 400 (malformed).</param>
/// <param name="Reason">Why it was refused, for your logs; it never contains a secret. Null when accepted.</param>
public readonly record struct WebhookVerdict(bool Accepted, int StatusCode, string? Reason)
{
    /// <summary>The delivery passed.</summary>
    public static WebhookVerdict Pass { get; } = new(true, 200, null);

    /// <summary>Refused as not authentic (401): unsigned, tampered, replayed, too old, wrong credentials.</summary>
    public static WebhookVerdict Unauthorized(string reason) => new(false, 401, reason);

    /// <summary>Refused as malformed (400).</summary>
    public static WebhookVerdict BadRequest(string reason) => new(false, 400, reason);
}
