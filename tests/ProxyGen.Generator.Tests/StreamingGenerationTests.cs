using ProxyGen.Generator.Drift;
using ProxyGen.Generator.Parsing;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// Streamed answers in the generated client: <c>IAsyncEnumerable</c> methods for Server-Sent Events and JSON Lines, a
/// second method beside a JSON answer, the body's <c>stream</c> flag, and the names they take.
/// </summary>
public class StreamingGenerationTests
{
    private static string StreamsSpec => Path.Combine(RepoPaths.Root, "tests", "specs", "streams.yaml");

    [Fact]
    public void The_streaming_methods_match_their_reviewed_snapshots_and_compile_warning_free()
    {
        var run = new GeneratorHarness().AddSpec(StreamsSpec, clientName: "ExportsClient").Execute();

        run.AssertNoProblems();
        Snapshot.Verify("Streams", run.Sources.Where(s => !s.HintName.Contains(".Models.", StringComparison.Ordinal)).ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
    }

    [SkippableFact]
    public void Text_Generation_Inference_gets_a_buffered_and_a_streaming_method_where_it_answers_both_and_the_flag_is_set_and_checked()
    {
        var path = RepoPaths.Shared("public/text_generation_inference.2026-01-08.json");
        Skip.If(path is null, "../shared/specs/public/text_generation_inference.2026-01-08.json is not beside the repository (CI requires it).");

        var run = new GeneratorHarness().AddSpec(path!, clientName: "TgiClient").Execute();

        run.AssertCompiles();
        var chat = run.Source("TgiClient.ChatCompletions.g.cs");
        Assert.Contains("Task<ChatCompletion> ChatCompletionsAsync(ChatRequest body,", chat);
        Assert.Contains("IAsyncEnumerable<global::ProxyGen.Runtime.ServerSentEvent<ChatCompletionChunk>> ChatCompletionsStreamAsync(ChatRequest body,", chat);
        Assert.Contains("if (body.Stream == true) throw new global::System.ArgumentException(", chat);
        Assert.Contains("if (body.Stream == false) throw new global::System.ArgumentException(", chat);
        Assert.Contains(".With(\"stream\", true),", chat);
        Assert.Contains("Accept = \"text/event-stream\",", chat);

        // Answers only events: one method, the operation's own name.
        var generate = run.Source("TgiClient.GenerateStream.g.cs");
        Assert.Contains("IAsyncEnumerable<global::ProxyGen.Runtime.ServerSentEvent<StreamResponse>> GenerateStreamAsync(GenerateRequest body,", generate);
        Assert.DoesNotContain("Task<", generate);
        Assert.DoesNotContain(".With(", generate);

        // The streaming methods are part of the API surface a baseline records.
        var text = File.ReadAllText(path!);
        var parsed = SpecParser.Parse(new SpecInput(path!, text, SpecSniffer.OpenApiVersionOf(text)!, "Acme", "TgiClient", Visibility: null), CancellationToken.None);
        var methods = ApiSurface.Build(parsed.Spec!, parsed.Origins).Where(e => e.Kind == SurfaceKind.Method).Select(e => e.Name + " " + e.Type).ToList();
        Assert.Contains("ChatCompletionsStreamAsync System.Collections.Generic.IAsyncEnumerable<ProxyGen.Runtime.ServerSentEvent<ChatCompletionChunk>>", methods);
        Assert.Contains("GenerateStreamAsync System.Collections.Generic.IAsyncEnumerable<ProxyGen.Runtime.ServerSentEvent<StreamResponse>>", methods);
        Assert.Equal(12 + 4, methods.Count);
    }

    [Fact]
    public void A_streaming_method_that_would_take_another_operations_name_is_PXG0005_and_left_out()
    {
        var run = new GeneratorHarness().AddSpec("/specs/clash.yaml", """
            openapi: 3.0.3
            info: { title: Clash, version: '1' }
            paths:
              /complete:
                post:
                  operationId: Complete
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json: { schema: { type: object, properties: { text: { type: string } } } }
                        text/event-stream: { schema: { type: object, properties: { delta: { type: string } } } }
              /complete/stream:
                get:
                  operationId: CompleteStream
                  responses: { '204': { description: ok } }
            """).Execute();

        var clash = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0005");
        Assert.Contains("'Complete' gets no streaming method", clash.GetMessage());
        Assert.Equal(14, clash.Location.GetLineSpan().StartLinePosition.Line);
        Assert.DoesNotContain("IAsyncEnumerable", run.Source("ClashClient.Complete.g.cs"));
        Assert.Contains("Task CompleteStreamAsync(", run.Source("ClashClient.CompleteStream.g.cs"));
        run.AssertCompiles();
    }

    [Fact]
    public void A_JSON_Lines_schema_that_is_an_array_streams_its_items_and_an_event_stream_without_a_schema_streams_JsonElement()
    {
        var run = new GeneratorHarness().AddSpec("/specs/lines.yaml", """
            openapi: 3.0.3
            info: { title: Lines, version: '1' }
            paths:
              /log:
                get:
                  operationId: ReadLog
                  responses:
                    '200':
                      description: ok
                      content:
                        application/jsonl: { schema: { type: array, items: { type: object, properties: { at: { type: string, format: date-time } } } } }
              /feed:
                get:
                  operationId: Feed
                  responses:
                    '200': { description: ok, content: { text/event-stream: {} } }
            """).Execute();

        run.AssertNoProblems();
        Assert.Contains("IAsyncEnumerable<ReadLogRecord> ReadLogAsync(", run.Source("LinesClient.ReadLog.g.cs"));
        Assert.Contains("StreamRecordsAsync(apiRequest, global::Acme.Proxy.ReadLogRecord.ReadJson, cancellationToken)", run.Source("LinesClient.ReadLog.g.cs"));
        Assert.Contains("IAsyncEnumerable<global::ProxyGen.Runtime.ServerSentEvent<global::System.Text.Json.JsonElement>> FeedAsync(", run.Source("LinesClient.Feed.g.cs"));
    }
}
