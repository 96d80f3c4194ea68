using System.Security.Cryptography;
using System.Text;

namespace ProxyGen.Runtime.Webhooks;

/// <summary>
/// HTTP Basic credentials the sender must present (an <c>http</c>/<c>basic</c> scheme on the webhooks, as Adyen's
/// documents declare): the user name and password you configured at the sender, compared in constant time.
/// </summary>
public sealed class BasicAuthentication : IWebhookVerifier
{
    private readonly byte[] _expected;

    /// <param name="username">The user name the sender is configured with.</param>
    /// <param name="password">Its password.</param>
    public BasicAuthentication(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentException.ThrowIfNullOrEmpty(password);
        if (username.Contains(':'))
        {
            throw new ArgumentException("A Basic user name cannot contain ':'.", nameof(username));
        }

        _expected = Encoding.UTF8.GetBytes(username + ":" + password);
    }

    /// <inheritdoc />
    public WebhookVerdict Verify(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var header = request.Header("Authorization");
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return WebhookVerdict.Unauthorized("No Basic credentials.");
        }

        byte[] given;
        try
        {
            given = Convert.FromBase64String(header.Substring("Basic ".Length).Trim());
        }
        catch (FormatException)
        {
            return WebhookVerdict.Unauthorized("The Basic credentials are not Base64.");
        }

        return CryptographicOperations.FixedTimeEquals(given, _expected)
            ? WebhookVerdict.Pass
            : WebhookVerdict.Unauthorized("Wrong user name or password.");
    }
}
