using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ProxyGen.AspNetCore;
using ProxyGen.Demo.Proxy;
using ProxyGen.Runtime.Webhooks;

namespace ProxyGen.Demo;

/// <summary>
/// The application side of a Proxy Service: a local endpoint that receives Twilio's intercept callback, checks its
/// X-Twilio-Signature, and blocks any message that looks like it shares a password.
/// </summary>
public sealed class InterceptEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private InterceptEndpoint(WebApplication app) => _app = app;

    /// <summary>Where Twilio (here, the emulator) sends the intercept callback: <c>http://127.0.0.1:port/proxy/Intercept</c>.</summary>
    public Uri InterceptUrl { get; private set; } = null!;

    public static async Task<InterceptEndpoint> StartAsync(string authToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        // One route for both Proxy callbacks: {webhook} is Intercept or OutOfSession, as the generated handler names them.
        app.MapWebhooks<MessageGuard>("/proxy/{webhook}", new WebhookOptions { Verifiers = { new TwilioSignature(authToken) } });
        await app.StartAsync();
        var endpoint = new InterceptEndpoint(app);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        endpoint.InterceptUrl = new Uri(address, "/proxy/Intercept");
        return endpoint;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>The decision: the generated handler of specs/proxy_v1.yaml's callbacks, with the intercept overridden.</summary>
    private sealed class MessageGuard : ProxyV1WebhookHandler
    {
        protected override ValueTask<WebhookReply> OnInterceptAsync(InterceptCallback payload, WebhookRequest request, CancellationToken cancellationToken)
        {
            var body = payload.InteractionData is { } data ? JsonDocument.Parse(data).RootElement.GetProperty("body").GetString() : null;
            var block = body?.Contains("password", StringComparison.OrdinalIgnoreCase) == true;
            Console.WriteLine($"   [endpoint] signed intercept callback for {payload.InteractionSid} ({payload.InteractionType}): \"{body}\" -> {(block ? "403 block" : "200 allow")}");
            return new(block ? WebhookReply.Status(403) : WebhookReply.Accepted);
        }
    }
}
