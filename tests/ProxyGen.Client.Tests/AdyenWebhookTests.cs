using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using ProxyGen.AspNetCore;
using ProxyGen.Runtime.Webhooks;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Adyen's two webhook documents (OpenAPI 3.1, webhooks only, used in place): every example they give is delivered over
/// HTTP to a Kestrel endpoint on 127.0.0.1 mapped with <c>MapWebhooks</c>, with the Basic credentials the documents
/// declare; the generated handler reads it into its type, and it is written back equal to the example.
/// </summary>
public sealed class AdyenWebhookTests
{
#if REAL_WEBHOOK_SPECS
    private const string User = "adyen-webhooks";
    private const string Password = "not-a-real-password";

    /// <summary>What the handlers were given: the event's name and its payload written back as JSON.</summary>
    public sealed class Recorder
    {
        public ConcurrentQueue<(string Webhook, string Json)> Events { get; } = new();

        public ConcurrentQueue<UnknownWebhook> Unknown { get; } = new();
    }

    public sealed class ManagementHandler(Recorder recorder) : AdyenManagement.AdyenManagementWebhookHandler
    {
        private static readonly JsonSerializerOptions Json = new() { TypeInfoResolver = AdyenManagement.AdyenManagementClientJsonResolver.Instance };

        protected override ValueTask<WebhookReply> OnEventAsync(string webhook, object payload, WebhookRequest request, CancellationToken cancellationToken)
        {
            recorder.Events.Enqueue((webhook, JsonSerializer.Serialize(payload, payload.GetType(), Json)));
            return new(WebhookReply.Json(new AdyenManagement.AccountNotificationResponse { NotificationResponse = "[accepted]" }));
        }

        protected override ValueTask<WebhookReply> OnUnknownAsync(UnknownWebhook delivery, WebhookRequest request, CancellationToken cancellationToken)
        {
            recorder.Unknown.Enqueue(delivery);
            return new(WebhookReply.Accepted);
        }
    }

    public sealed class ConfigurationHandler(Recorder recorder) : AdyenConfiguration.AdyenConfigurationWebhookHandler
    {
        private static readonly JsonSerializerOptions Json = new() { TypeInfoResolver = AdyenConfiguration.AdyenConfigurationClientJsonResolver.Instance };

        protected override ValueTask<WebhookReply> OnEventAsync(string webhook, object payload, WebhookRequest request, CancellationToken cancellationToken)
        {
            recorder.Events.Enqueue((webhook, JsonSerializer.Serialize(payload, payload.GetType(), Json)));
            return new(WebhookReply.Accepted);
        }

        protected override ValueTask<WebhookReply> OnUnknownAsync(UnknownWebhook delivery, WebhookRequest request, CancellationToken cancellationToken)
        {
            recorder.Unknown.Enqueue(delivery);
            return new(WebhookReply.Accepted);
        }
    }

    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private Receiver(WebApplication app, Recorder recorder, Uri baseAddress)
        {
            _app = app;
            Recorder = recorder;
            BaseAddress = baseAddress;
        }

        public Recorder Recorder { get; }

        public HttpClient Http { get; } = new();

        public Uri BaseAddress { get; }

        public static async Task<Receiver> StartAsync()
        {
            var recorder = new Recorder();
            var options = new WebhookOptions { Verifiers = { new BasicAuthentication(User, Password) } };
            var (app, address) = await LoopbackApp.StartAsync(
                app =>
                {
                    app.MapWebhooks<ManagementHandler>("/adyen/management", options);
                    app.MapWebhooks<ConfigurationHandler>("/adyen/configuration", options);
                },
                services => services.AddSingleton(recorder));
            return new Receiver(app, recorder, address);
        }

        public Task<HttpResponseMessage> PostAsync(string path, string body, string? user = User, string password = Password, string mediaType = "application/json")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, path)) { Content = new StringContent(body, Encoding.UTF8, mediaType) };
            if (user is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password)));
            }

            return Http.SendAsync(request);
        }

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await _app.DisposeAsync();
        }
    }

    private static string Spec(string file) => TestPaths.SharedSpec("public/" + file);

    [Theory]
    // How many webhooks have examples, and how many examples there are (counted in the documents with Python's yaml).
    [InlineData("adyen_managementnotificationservice_v3.yaml", "/adyen/management", 3, 4)]
    [InlineData("adyen_balanceplatformconfigurationnotification_v2.yaml", "/adyen/configuration", 12, 18)]
    public async Task Every_example_is_delivered_read_into_its_type_and_written_back_equal(string file, string path, int webhooks, int exampleCount)
    {
        var examples = WebhookExamples.Of(Spec(file));
        await using var receiver = await Receiver.StartAsync();
        var problems = new List<string>();

        foreach (var example in examples)
        {
            var before = receiver.Recorder.Events.Count;
            using var response = await receiver.PostAsync(path, example.Json.ToJsonString());
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{example}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            if (receiver.Recorder.Events.Count == before)
            {
                problems.Add($"{example}: went to OnUnknownAsync");
                continue;
            }

            var (webhook, json) = receiver.Recorder.Events.ElementAt(before);
            if (webhook != example.Webhook)
            {
                problems.Add($"{example}: handled as {webhook}");
            }
            else if (!JsonNode.DeepEquals(example.Json, JsonNode.Parse(json)))
            {
                problems.Add($"{example}: written back as {json}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Empty(receiver.Recorder.Unknown);
        Assert.Equal(examples.Count, receiver.Recorder.Events.Count);
        Assert.Equal(exampleCount, examples.Count);
        Assert.Equal(webhooks, examples.Select(e => e.Webhook).Distinct().Count());
    }

    [Fact]
    public async Task The_reply_is_what_the_document_says_the_sender_expects()
    {
        var example = WebhookExamples.Of(Spec("adyen_managementnotificationservice_v3.yaml")).First(e => e.Webhook == "merchant.created");
        await using var receiver = await Receiver.StartAsync();

        using var response = await receiver.PostAsync("/adyen/management", example.Json.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"notificationResponse":"[accepted]"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_or_missing_credentials_are_401_and_no_handler_runs()
    {
        var example = WebhookExamples.Of(Spec("adyen_managementnotificationservice_v3.yaml"))[0];
        await using var receiver = await Receiver.StartAsync();

        using var wrong = await receiver.PostAsync("/adyen/management", example.Json.ToJsonString(), password: "guess");
        using var none = await receiver.PostAsync("/adyen/management", example.Json.ToJsonString(), user: null);
        using var otherUser = await receiver.PostAsync("/adyen/management", example.Json.ToJsonString(), user: "someone");

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherUser.StatusCode);
        Assert.Empty(receiver.Recorder.Events);
    }

    [Fact]
    public async Task A_10_MB_body_is_413_a_wrong_media_type_415_and_broken_json_400_none_reaching_a_handler()
    {
        await using var receiver = await Receiver.StartAsync();

        using var huge = await receiver.PostAsync("/adyen/management", "{\"type\":\"merchant.created\",\"pad\":\"" + new string('x', 10 * 1024 * 1024) + "\"}");
        using var text = await receiver.PostAsync("/adyen/management", "{\"type\":\"merchant.created\"}", mediaType: "text/plain");
        using var broken = await receiver.PostAsync("/adyen/management", "{\"type\":\"merchant.created\",\"data\":");
        using var notObject = await receiver.PostAsync("/adyen/management", "[1,2]");
        using var wrongShape = await receiver.PostAsync("/adyen/management", "{\"type\":\"merchant.created\",\"createdAt\":42}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notObject.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, wrongShape.StatusCode);
        Assert.Empty(receiver.Recorder.Events);
    }

    [Fact]
    public async Task A_receiver_of_a_document_that_declares_Basic_needs_a_Basic_verifier()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();
        var signedOnly = new WebhookOptions { Verifiers = { new AdyenHmacSignature("44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056") } };

        var startup = Assert.Throws<InvalidOperationException>(() => app.MapWebhooks<ManagementHandler>("/adyen", signedOnly));
        Assert.Contains("BasicAuthentication", startup.Message, StringComparison.Ordinal);

        // The framework-free receiver says the same to every delivery (401), never letting one through unchecked.
        var body = """{"type":"merchant.created"}"""u8.ToArray();
        var receiver = new WebhookReceiver(new ManagementHandler(new Recorder()), new AdyenHmacSignature("44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056"));
        var reply = await receiver.ReceiveAsync(new WebhookRequest("POST", "https://example.com/adyen", [new("Content-Type", "application/json"), new(AdyenHmacSignature.HeaderName, AdyenHmacSignature.Sign("44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056", body))], body));
        Assert.Equal(401, reply.StatusCode);
        Assert.Contains("HTTP Basic", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_the_document_does_not_describe_is_delivered_whole_to_OnUnknownAsync()
    {
        await using var receiver = await Receiver.StartAsync();

        using var response = await receiver.PostAsync("/adyen/management", """{"type":"merchant.renamed","data":{"merchantId":"M1"},"environment":"test"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var unknown = Assert.Single(receiver.Recorder.Unknown);
        Assert.Equal("merchant.renamed", unknown.EventType);

        // A repeated type: the last one decides, as the payload's reader keeps the last one.
        using var repeated = await receiver.PostAsync("/adyen/management", """{"type":"merchant.created","type":"merchant.renamed"}""");
        Assert.Equal(HttpStatusCode.OK, repeated.StatusCode);
        Assert.Equal(2, receiver.Recorder.Unknown.Count);
        Assert.Equal("M1", unknown.Json.GetProperty("data").GetProperty("merchantId").GetString());
        Assert.Empty(receiver.Recorder.Events);
    }
#else
    [Fact(Skip = "../shared/specs/public/adyen_*.yaml are not beside the repository (CI requires them).")]
    public void Adyen_webhooks()
    {
    }
#endif
}
