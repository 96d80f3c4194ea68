using System.Security.Cryptography;

namespace ProxyGen.Runtime.Webhooks;

/// <summary>
/// Adyen's signature of its platform webhooks (Management, Balance Platform configuration, …): the <c>HmacSignature</c>
/// header is the Base64 HMAC-SHA256 of the raw body, keyed with the HMAC key you generated in the Customer Area (hex).
/// </summary>
/// <remarks>
/// Adyen's classic payment notifications sign fields inside each item instead; this is the header form its webhook
/// documents use.
/// </remarks>
public sealed class AdyenHmacSignature : IWebhookVerifier
{
    /// <summary>The header Adyen signs with.</summary>
    public const string HeaderName = "HmacSignature";

    private readonly byte[] _key;

    /// <param name="hexKey">The HMAC key, in hex as the Customer Area shows it.</param>
    public AdyenHmacSignature(string hexKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(hexKey);
        try
        {
            _key = Convert.FromHexString(hexKey.Trim());
        }
        catch (FormatException e)
        {
            throw new ArgumentException("The HMAC key is not hex.", nameof(hexKey), e);
        }
    }

    /// <inheritdoc />
    public WebhookVerdict Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header(HeaderName) is not { Length: > 0 } header)
        {
            return WebhookVerdict.Unauthorized($"No {HeaderName} header.");
        }

        var given = new byte[32];
        return Convert.TryFromBase64String(header.Trim(), given, out var written) && written == 32
            && CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(_key, request.Body.Span))
                ? WebhookVerdict.Pass
                : WebhookVerdict.Unauthorized($"The {HeaderName} does not match the body.");
    }

    /// <summary>The <c>HmacSignature</c> value for <paramref name="body"/>: what a test or a sender signs with.</summary>
    public static string Sign(string hexKey, ReadOnlySpan<byte> body) =>
        Convert.ToBase64String(HMACSHA256.HashData(Convert.FromHexString(hexKey), body));
}
