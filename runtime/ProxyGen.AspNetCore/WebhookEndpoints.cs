using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ProxyGen.Runtime.Webhooks;

namespace ProxyGen.AspNetCore;

/// <summary>Maps an endpoint that receives webhooks: verified, read into their types, handed to your handler.</summary>
public static class WebhookEndpoints
{
    /// <summary>
    /// Maps <c>POST <paramref name="pattern"/></c> to <typeparamref name="THandler"/> (a generated <c>…WebhookHandler</c>
    /// you derive from, or your own <see cref="IWebhookHandler"/>), created per delivery from the request's services.
    /// Every delivery passes <see cref="WebhookOptions.Verifiers"/> first; anything unsigned, tampered, replayed or too
    /// big is answered 401/400/413 and no handler runs.
    /// </summary>
    /// <exception cref="InvalidOperationException">The handler's document declares HTTP Basic on its deliveries and no <see cref="BasicAuthentication"/> verifier is configured.</exception>
    /// <param name="endpoints">The application.</param>
    /// <param name="pattern">The route (<c>/webhooks/adyen</c>); a <c>{webhook}</c> parameter in it names the event, for senders that use one URL per event.</param>
    /// <param name="options">The checks and limits.</param>
    public static IEndpointConventionBuilder MapWebhooks<[System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.PublicConstructors)] THandler>(this IEndpointRouteBuilder endpoints, string pattern, WebhookOptions options)
        where THandler : class, IWebhookHandler
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentException.ThrowIfNullOrEmpty(pattern);
        ArgumentNullException.ThrowIfNull(options);
        if (WebhookReceiver.MissingDeclaredCheck(typeof(THandler), options.Verifiers, options.AllowUnverified) is { } missing)
        {
            // Said at startup, not as a 401 to every delivery: the sender would retry and alert, and nobody would know why.
            throw new InvalidOperationException(missing + " Add one to WebhookOptions.Verifiers (or set AllowUnverified for a test).");
        }

        var factory = ActivatorUtilities.CreateFactory<THandler>([]);
        return endpoints.MapPost(pattern, (HttpContext context) => ReceiveAsync(context, factory(context.RequestServices, []), options));
    }

    private static async Task ReceiveAsync(HttpContext context, IWebhookHandler handler, WebhookOptions options)
    {
        var request = context.Request;
        if (request.ContentLength > options.MaxBodyBytes)
        {
            await WriteAsync(context, WebhookReply.Refused(413, $"The body is larger than {options.MaxBodyBytes} bytes.")).ConfigureAwait(false);
            return;
        }

        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxBodyBytes + 1;
        }

        byte[]? body;
        try
        {
            body = await WebhookReceiver.ReadBodyAsync(request.Body, options.MaxBodyBytes, context.RequestAborted).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            body = null;
        }

        if (body is null)
        {
            await WriteAsync(context, WebhookReply.Refused(413, $"The body is larger than {options.MaxBodyBytes} bytes.")).ConfigureAwait(false);
            return;
        }

        var delivery = new WebhookRequest(request.Method, PublicUrl(request, options), Headers(request), body);
        var receiver = new WebhookReceiver(Named(handler, context), [.. options.Verifiers])
        {
            MaxBodyBytes = options.MaxBodyBytes,
            AllowUnverified = options.AllowUnverified,
            MediaTypes = options.MediaTypes,
        };
        await WriteAsync(context, await receiver.ReceiveAsync(delivery, context.RequestAborted).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>
    /// The URL the sender called: <see cref="WebhookOptions.PublicBaseUrl"/> when set, else the request's own scheme,
    /// host, base path, path and query (correct behind a proxy only with <c>UseForwardedHeaders</c>).
    /// </summary>
    private static string PublicUrl(HttpRequest request, WebhookOptions options) =>
        options.PublicBaseUrl is { } publicBase
            ? publicBase.GetLeftPart(UriPartial.Authority) + request.PathBase + request.Path + request.QueryString
            : request.Scheme + "://" + request.Host + request.PathBase + request.Path + request.QueryString;

    private static IEnumerable<KeyValuePair<string, string>> Headers(HttpRequest request)
    {
        foreach (var header in request.Headers)
        {
            foreach (var value in header.Value)
            {
                if (value is not null)
                {
                    yield return new(header.Key, value);
                }
            }
        }
    }

    /// <summary>A handler whose route names the event (<c>{webhook}</c>): the generated overload that takes the name.</summary>
    private static IWebhookHandler Named(IWebhookHandler handler, HttpContext context) =>
        context.Request.RouteValues.TryGetValue("webhook", out var name) && name is string webhook && handler is INamedWebhookHandler named
            ? named.ForWebhook(webhook)
            : handler;

    private static async Task WriteAsync(HttpContext context, WebhookReply reply)
    {
        context.Response.StatusCode = reply.StatusCode;
        if (reply.Body is { } body)
        {
            context.Response.ContentType = reply.ContentType ?? "text/plain; charset=utf-8";
            await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }
}

/// <summary>The checks and limits of a webhook endpoint.</summary>
public sealed class WebhookOptions
{
    /// <summary>Every check a delivery must pass (a signature scheme, the declared Basic credentials …), all of them.</summary>
    public IList<IWebhookVerifier> Verifiers { get; } = new List<IWebhookVerifier>();

    /// <summary>The largest body accepted, in bytes (1 MiB); a larger one is 413 and is not read to the end.</summary>
    public long MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Receives deliveries no verifier checks (a private network, a test). False: such an endpoint refuses everything with 401.</summary>
    public bool AllowUnverified { get; set; }

    /// <summary>The media types accepted; another is 415.</summary>
    public IReadOnlyCollection<string> MediaTypes { get; set; } = ["application/json", "application/x-www-form-urlencoded"];

    /// <summary>
    /// The public scheme, host and port the sender calls (<c>https://hooks.example.com</c>), when the application sits
    /// behind a proxy that does not forward them; a signature over the URL (Twilio's) is checked against it.
    /// </summary>
    public Uri? PublicBaseUrl { get; set; }
}
