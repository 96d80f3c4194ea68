using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ProxyGen.AspNetCore;
using ProxyGen.Client.Tests.Proxy;
using ProxyGen.Emulator;
using ProxyGen.Runtime;
using ProxyGen.Runtime.Webhooks;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Twilio Proxy end to end on 127.0.0.1: the emulator sends a signed intercept callback before each message of a
/// Session; an endpoint mapped with <c>MapWebhooks</c> and <see cref="TwilioSignature"/> reads it with the handler
/// generated from specs/proxy_v1.yaml's callbacks, and its answer decides whether the emulator delivers the message.
/// </summary>
public sealed class ProxyInterceptTests
{
    public sealed class Decisions
    {
        public ConcurrentQueue<InterceptCallback> Seen { get; } = new();
    }

    public sealed class Guard(Decisions decisions) : ProxyV1WebhookHandler
    {
        protected override ValueTask<WebhookReply> OnInterceptAsync(InterceptCallback payload, WebhookRequest request, CancellationToken cancellationToken)
        {
            decisions.Seen.Enqueue(payload);
            return new(payload.InteractionData?.Contains("block me", StringComparison.Ordinal) == true ? WebhookReply.Status(403) : WebhookReply.Accepted);
        }
    }

    private sealed class Endpoint : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Endpoint(WebApplication app, Decisions decisions, Uri intercept)
        {
            _app = app;
            Decisions = decisions;
            Intercept = intercept;
        }

        public Decisions Decisions { get; }

        public Uri Intercept { get; }

        public static async Task<Endpoint> StartAsync(string authToken)
        {
            var decisions = new Decisions();
            var (app, address) = await LoopbackApp.StartAsync(
                app => app.MapWebhooks<Guard>("/proxy/{webhook}", new WebhookOptions { Verifiers = { new TwilioSignature(authToken) } }),
                services => services.AddSingleton(decisions));
            return new Endpoint(app, decisions, new Uri(address, "/proxy/Intercept"));
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }

    private static async Task<(ProxyV1Client Client, string Service, string Session, string Participant)> SessionAsync(ProxyEmulator emulator, Uri intercept)
    {
        var client = new ProxyV1Client(new HttpClient(), new ApiClientOptions { BaseAddress = emulator.BaseAddress, Username = emulator.AccountSid, Password = emulator.AuthToken });
        var service = await client.CreateServiceAsync(new CreateServiceRequest { UniqueName = "intercepted", InterceptCallbackUrl = intercept });
        var session = await client.CreateSessionAsync(service.Sid!);
        var participant = await client.CreateParticipantAsync(service.Sid!, session.Sid!, new CreateParticipantRequest { Identifier = "+15558675310" });
        return (client, service.Sid!, session.Sid!, participant.Sid!);
    }

    [Fact]
    public async Task The_signed_intercept_callback_is_read_typed_and_a_403_leaves_the_message_undelivered()
    {
        await using var emulator = await ProxyEmulator.StartAsync();
        await using var endpoint = await Endpoint.StartAsync(emulator.AuthToken);
        var (client, service, session, participant) = await SessionAsync(emulator, endpoint.Intercept);

        var allowed = await client.CreateMessageInteractionAsync(service, session, participant, new CreateMessageInteractionRequest { Body = "hello" });
        var blocked = await client.CreateMessageInteractionAsync(service, session, participant, new CreateMessageInteractionRequest { Body = "please block me" });

        Assert.Equal("sent", allowed.OutboundResourceStatus?.Value);
        Assert.NotNull(allowed.OutboundResourceSid);
        Assert.Equal("undelivered", blocked.OutboundResourceStatus?.Value);
        Assert.Null(blocked.OutboundResourceSid);
        Assert.Equal([200, 403], emulator.InterceptCallbacks.Select(c => c.Status));
        var first = endpoint.Decisions.Seen.First();
        Assert.Equal(allowed.Sid, first.InteractionSid);
        Assert.Equal(service, first.InteractionServiceSid);
        Assert.Equal(session, first.InteractionSessionSid);
        Assert.Equal(emulator.AccountSid, first.InteractionAccountSid);
        Assert.Equal(InterceptCallbackInteractionType.Message, first.InteractionType);
        Assert.Equal(participant, first.OutboundParticipantSid);
        Assert.Equal("+15558675310", first.OutboundParticipantIdentifier);
    }

    [Fact]
    public async Task A_callback_signed_with_another_token_is_401_and_reaches_no_handler()
    {
        await using var emulator = await ProxyEmulator.StartAsync();
        await using var endpoint = await Endpoint.StartAsync("not-the-emulators-token");
        var (client, service, session, participant) = await SessionAsync(emulator, endpoint.Intercept);

        var message = await client.CreateMessageInteractionAsync(service, session, participant, new CreateMessageInteractionRequest { Body = "please block me" });

        Assert.Equal([401], emulator.InterceptCallbacks.Select(c => c.Status));
        Assert.Empty(endpoint.Decisions.Seen);
        // Only a 403 blocks: a callback that fails lets the message through, as it would at Twilio.
        Assert.Equal("sent", message.OutboundResourceStatus?.Value);
    }

    [Fact]
    public async Task The_callback_URL_with_another_port_does_not_verify()
    {
        await using var emulator = await ProxyEmulator.StartAsync();
        await using var endpoint = await Endpoint.StartAsync(emulator.AuthToken);
        var fields = new[] { new KeyValuePair<string, string>("interactionSid", "KI1") };
        // Signed for the public URL on another port than the one the endpoint sees.
        var signedFor = new UriBuilder(endpoint.Intercept) { Port = endpoint.Intercept.Port + 1 }.Uri.ToString();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Intercept) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add(TwilioSignature.HeaderName, TwilioSignature.Sign(emulator.AuthToken, signedFor, fields));

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(endpoint.Decisions.Seen);
    }
}
