using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using ProxyGen.AspNetCore;
using ProxyGen.Runtime.Webhooks;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// <c>MapWebhooks</c> and the URL a signature is checked against: the query a Twilio JSON callback carries
/// (<c>bodySHA256</c>), and the public URL behind a reverse proxy — the classic cause of Twilio validation failures.
/// </summary>
public sealed class WebhookEndpointTests
{
    private const string Token = "endpoint-test-token";

    public sealed class Bodies
    {
        public ConcurrentQueue<string> Seen { get; } = new();
    }

    public sealed class Keep(Bodies bodies) : IWebhookHandler
    {
        public ValueTask<WebhookReply> HandleAsync(WebhookRequest request, CancellationToken cancellationToken)
        {
            bodies.Seen.Enqueue(Encoding.UTF8.GetString(request.Body.Span));
            return new(WebhookReply.Accepted);
        }
    }

    private sealed class Site : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Site(WebApplication app, Bodies bodies, Uri address)
        {
            _app = app;
            Bodies = bodies;
            Address = address;
        }

        public Bodies Bodies { get; }

        public Uri Address { get; }

        public static async Task<Site> StartAsync(Action<WebApplication>? before = null, Uri? publicBase = null)
        {
            var bodies = new Bodies();
            var (app, address) = await LoopbackApp.StartAsync(
                app =>
                {
                    before?.Invoke(app);
                    app.MapWebhooks<Keep>("/hooks/status", new WebhookOptions { Verifiers = { new TwilioSignature(Token) }, PublicBaseUrl = publicBase });
                },
                services => services
                    .AddSingleton(bodies)
                    .Configure<ForwardedHeadersOptions>(o => o.ForwardedHeaders = ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost));
            return new Site(app, bodies, address);
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }

    /// <summary>A JSON delivery to <paramref name="target"/>, signed as Twilio signs it for <paramref name="signedUrl"/>.</summary>
    private static HttpRequestMessage Json(Uri target, string signedUrl, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Sign(Token, signedUrl, []));
        return request;
    }

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task A_json_callback_is_checked_through_the_bodySHA256_in_its_query()
    {
        await using var site = await Site.StartAsync();
        const string Body = """{"status":"delivered"}""";
        var url = new Uri(site.Address, "/hooks/status?bodySHA256=" + Sha256(Body)).ToString();
        using var http = new HttpClient();

        using var good = await http.SendAsync(Json(new Uri(url), url, Body));
        using var changed = await http.SendAsync(Json(new Uri(url), url, """{"status":"failed"}"""));

        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, changed.StatusCode);
        Assert.Equal([Body], site.Bodies.Seen);
    }

    [Fact]
    public async Task Behind_a_proxy_the_public_URL_comes_from_forwarded_headers_or_PublicBaseUrl_and_otherwise_does_not_verify()
    {
        const string Body = """{"status":"delivered"}""";
        var publicUrl = "https://hooks.example.com/hooks/status?bodySHA256=" + Sha256(Body);
        using var http = new HttpClient();

        // What the application sees is http://127.0.0.1:port: the signature over the public URL does not match.
        await using (var plain = await Site.StartAsync())
        {
            using var response = await http.SendAsync(Json(new Uri(plain.Address, "/hooks/status?bodySHA256=" + Sha256(Body)), publicUrl, Body));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // The proxy (here the test, on loopback: a known proxy by default) forwards scheme and host.
        await using (var forwarded = await Site.StartAsync(app => app.UseForwardedHeaders()))
        {
            using var request = Json(new Uri(forwarded.Address, "/hooks/status?bodySHA256=" + Sha256(Body)), publicUrl, Body);
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "hooks.example.com");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        // Or the application says what its public address is.
        await using (var configured = await Site.StartAsync(publicBase: new Uri("https://hooks.example.com")))
        {
            using var response = await http.SendAsync(Json(new Uri(configured.Address, "/hooks/status?bodySHA256=" + Sha256(Body)), publicUrl, Body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Single(configured.Bodies.Seen);
        }
    }
}
