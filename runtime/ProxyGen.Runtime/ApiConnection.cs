using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// Sends the requests of a generated client: resolves the address, adds HTTP Basic auth, <c>Accept</c> and
/// <c>User-Agent</c>, encodes the form body, turns non-2xx answers into <see cref="ApiException"/> and reads JSON
/// with the reader the generator emitted (no reflection).
/// </summary>
public sealed class ApiConnection
{
    private static readonly string ProductToken = "ProxyGen/" + (typeof(ApiConnection).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpClient _httpClient;
    private readonly Uri? _baseAddress;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly string _userAgent;

    /// <summary>Creates the connection a generated client uses. The options are read here, once.</summary>
    /// <param name="httpClient">Sends the requests; owned by the caller.</param>
    /// <param name="options">Base address, credentials, User-Agent.</param>
    /// <param name="defaultBaseAddress">The spec's server, used when neither the options nor the HttpClient name one.</param>
    public ApiConnection(HttpClient httpClient, ApiClientOptions options, Uri? defaultBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        _httpClient = httpClient;
        _baseAddress = options.BaseAddress ?? httpClient.BaseAddress ?? defaultBaseAddress;
        if (options.Username is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes(options.Username + ":" + options.Password));
            _authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        _userAgent = string.IsNullOrWhiteSpace(options.UserAgent) ? ProductToken : options.UserAgent.Trim() + " " + ProductToken;
    }

    /// <summary>The address requests are sent to.</summary>
    public Uri BaseAddress => _baseAddress
        ?? throw new InvalidOperationException("No base address: set ApiClientOptions.BaseAddress or HttpClient.BaseAddress (the spec names no server).");

    /// <summary>Sends <paramref name="request"/> and reads the JSON response with <paramref name="readResponse"/>.</summary>
    public async Task<T> SendAsync<T>(ApiRequest request, JsonValueReader<T> readResponse, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readResponse);
        using var message = CreateMessage(request);
        using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiException.FromResponseAsync(response, message, cancellationToken).ConfigureAwait(false);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read())
            {
                throw new JsonException("The response body is empty.");
            }

            return readResponse(ref reader);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            var text = Encoding.UTF8.GetString(body);
            throw new ApiException(
                $"{message.Method} {message.RequestUri?.AbsolutePath} answered {(int)response.StatusCode} with a body that could not be read as {typeof(T).Name}: {exception.Message}",
                response.StatusCode,
                message.Method,
                message.RequestUri,
                text,
                requestId: RequestId(response),
                innerException: exception);
        }
    }

    /// <summary>Sends <paramref name="request"/>; any 2xx answer is success and its body is ignored.</summary>
    public async Task SendAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        using var message = CreateMessage(request);
        using var response = await _httpClient.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw await ApiException.FromResponseAsync(response, message, cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage CreateMessage(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var message = new HttpRequestMessage(request.Method, Address(request));
        message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        message.Headers.TryAddWithoutValidation("User-Agent", _userAgent);
        message.Headers.Authorization = _authorization;
        if (request.Headers is { } headers)
        {
            foreach (var header in headers.Items)
            {
                message.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        if (request.Form is { } form)
        {
            message.Content = form.ToFormContent();
        }

        return message;
    }

    private Uri Address(ApiRequest request)
    {
        var baseAddress = BaseAddress;
        if (request.AbsoluteUri is { } absolute)
        {
            // Credentials go only where the client was pointed: a next-page link to another origin is refused.
            if (Uri.Compare(absolute, baseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) != 0)
            {
                throw new InvalidOperationException($"The server's next page '{absolute.GetLeftPart(UriPartial.Path)}' is on another host than '{baseAddress.GetLeftPart(UriPartial.Authority)}'; ProxyGen does not send credentials there.");
            }

            return absolute;
        }

        var address = baseAddress.GetLeftPart(UriPartial.Path).TrimEnd('/') + request.Path;
        if (request.Query is { Items.Count: > 0 } query)
        {
            address += "?" + query.ToQueryString();
        }

        return new Uri(address, UriKind.Absolute);
    }

    private static string? RequestId(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Twilio-Request-Id", out var values) ? values.FirstOrDefault() : null;
}
