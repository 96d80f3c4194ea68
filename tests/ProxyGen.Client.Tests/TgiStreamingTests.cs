using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Hugging Face Text Generation Inference (../shared/specs/public, used in place), generated at build time: a 3.0
/// document with 3.1 keywords, whose <c>/generate_stream</c> answers only events and whose <c>/v1/chat/completions</c>
/// answers JSON or events by the body's <c>stream</c> flag. The server writes events shaped as the schemas say.
/// </summary>
public class TgiStreamingTests
{
#if REAL_JSON_BODY_SPECS
    private static string Token(int index, string text, bool last) =>
        $$"""{"index":{{index}},"token":{"id":{{100 + index}},"text":{{JsonSerializer.Serialize(text)}},"logprob":-0.25,"special":false},"top_tokens":[],"generated_text":{{(last ? "\"Hello world\"" : "null")}},"details":{{(last ? """{"finish_reason":"eos_token","generated_tokens":2,"input_length":5,"seed":null}""" : "null")}}}""";

    private static string Chunk(string content, string? finish) =>
        $$"""{"id":"","created":1706270978,"model":"tgi","system_fingerprint":"3.0.0-native","choices":[{"index":0,"delta":{"role":"assistant","content":{{JsonSerializer.Serialize(content)}}},"logprobs":null,"finish_reason":{{(finish is null ? "null" : JsonSerializer.Serialize(finish))}}}],"usage":null}""";

    private static async Task WriteEvents(HttpContext context, IEnumerable<string> data)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var item in data)
        {
            await context.Response.WriteAsync("data:" + item + "\n\n");
            await context.Response.Body.FlushAsync();
        }
    }

    private static Tgi.TgiClient Client(LoopbackServer server) => new(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress });

    private static JsonElement Message(string role, string content) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["role"] = role, ["content"] = content });

    [Fact]
    public async Task GenerateStream_reads_each_token_as_the_StreamResponse_the_schema_describes()
    {
        await using var server = await LoopbackServer.StartAsync(context => WriteEvents(context, [Token(0, "Hello", last: false), Token(1, " world", last: true)]));

        var text = new StringBuilder();
        Tgi.StreamResponse? last = null;
        await foreach (var item in Client(server).GenerateStreamAsync(new Tgi.GenerateRequest { Inputs = "Say hello", Parameters = new Tgi.GenerateParameters { MaxNewTokens = 2 } }))
        {
            text.Append(item.Data!.Token!.Text);
            last = item.Data;
        }

        Assert.Equal("Hello world", text.ToString());
        Assert.Equal("Hello world", last!.GeneratedText);
        Assert.Equal(2, last.Details!.GeneratedTokens);
        Assert.Equal("eos_token", last.Details.FinishReason.ToString());
        var request = Assert.Single(server.Requests);
        Assert.Equal("/generate_stream", request.RawTarget);
        Assert.Equal("text/event-stream", request.Headers["Accept"]);
        Assert.Equal("""{"inputs":"Say hello","parameters":{"max_new_tokens":2}}""", request.Body);
    }

    [Fact]
    public async Task Chat_completions_stream_sends_stream_true_reads_chunks_and_stops_at_DONE()
    {
        await using var server = await LoopbackServer.StartAsync(context => WriteEvents(context, [Chunk("Hel", null), Chunk("lo", "stop"), "[DONE]"]));

        var content = new StringBuilder();
        string? finish = null;
        await foreach (var item in Client(server).ChatCompletionsStreamAsync(new Tgi.ChatRequest { Messages = [Message("user", "Hi")], MaxTokens = 8 }))
        {
            var choice = Assert.Single(item.Data!.Choices!);
            Assert.True(choice.Delta!.TryGetTextMessage(out var delta));
            content.Append(delta.Content);
            finish = choice.FinishReason ?? finish;
        }

        Assert.Equal(("Hello", "stop"), (content.ToString(), finish));
        var request = Assert.Single(server.Requests);
        Assert.Equal("text/event-stream", request.Headers["Accept"]);
        Assert.Equal("""{"max_tokens":8,"messages":[{"role":"user","content":"Hi"}],"stream":true}""", request.Body);
    }

    [Fact]
    public async Task Chat_completions_reads_one_JSON_answer_and_a_body_flag_that_contradicts_the_method_is_refused_before_sending()
    {
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteJson(context,
            """{"id":"","created":1706270978,"model":"tgi","system_fingerprint":"3.0.0-native","choices":[{"index":0,"message":{"role":"assistant","content":"Hello"},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":1,"total_tokens":6}}"""));
        var client = Client(server);

        var completion = await client.ChatCompletionsAsync(new Tgi.ChatRequest { Messages = [Message("user", "Hi")], Stream = false });

        Assert.Equal(6, completion.Usage!.TotalTokens);
        Assert.Equal("""{"messages":[{"role":"user","content":"Hi"}],"stream":false}""", Assert.Single(server.Requests).Body);
        Assert.Equal("application/json", server.Requests[0].Headers["Accept"]);

        var buffered = await Assert.ThrowsAsync<ArgumentException>(() => client.ChatCompletionsAsync(new Tgi.ChatRequest { Messages = [], Stream = true }));
        Assert.Contains("call ChatCompletionsStreamAsync", buffered.Message);
        var streamed = Assert.Throws<ArgumentException>(() => client.ChatCompletionsStreamAsync(new Tgi.ChatRequest { Messages = [], Stream = false }));
        Assert.Contains("or call ChatCompletionsAsync", streamed.Message);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task An_error_before_the_stream_is_an_ApiException_with_TGIs_error_body()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 422;
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data:{\"error\":\"Input validation error: `inputs` must not be empty\",\"error_type\":\"validation\"}\n\n");
        });

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var item in Client(server).GenerateStreamAsync(new Tgi.GenerateRequest { Inputs = string.Empty }))
            {
                Assert.Fail("No event is delivered for an error status.");
            }
        });

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, error.StatusCode);
        Assert.Equal(ApiErrorKind.HttpError, error.Kind);
        Assert.Contains("must not be empty", error.ResponseBody);
    }
#else
    [Fact(Skip = "../shared/specs/public/text_generation_inference.2026-01-08.json is not beside the repository (CI requires it).")]
    public void Text_Generation_Inference_streams()
    {
    }
#endif
}
