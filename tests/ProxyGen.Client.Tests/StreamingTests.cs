using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using ProxyGen.Client.Tests.Exports;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Streamed answers read one event or record at a time (tests/specs/streams.yaml, ours): how the bytes are cut, what the
/// standard allows in a stream, and a server that stalls, stops halfway or sends too much.
/// </summary>
public class StreamingTests
{
    private static readonly Uri Base = new("https://exports.example.com/v1/");

    /// <summary>A handler that answers with <paramref name="body"/>, handed to the reader in the pieces <paramref name="cuts"/> makes.</summary>
    private sealed class PiecesHandler(string mediaType, byte[] body, Func<int, int> pieceAt) : HttpMessageHandler
    {
        public List<HttpRequestMessage> Requests { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var content = new StreamContent(new PiecesStream(body, pieceAt));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }

    /// <summary>Returns at most <c>pieceAt(position)</c> bytes per read, so a test decides where every read ends.</summary>
    private sealed class PiecesStream(byte[] body, Func<int, int> pieceAt) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = Math.Min(Math.Min(count, Math.Max(1, pieceAt(_position))), body.Length - _position);
            Array.Copy(body, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static ExportsClient Client(HttpMessageHandler handler, ApiClientOptions? options = null) => new(new HttpClient(handler), options ?? new ApiClientOptions());

    private static async Task<List<T>> All<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    private const string Events =
        ": a comment, ignored\n" +
        "retry: 1500\n" +
        "id: 7\n" +
        "data: {\"id\":1,\"name\":\"first\"}\n" +
        "\n" +
        "event: ping\n" +
        "data: keep-alive\n" +
        "\n" +
        "data: {\"id\":2,\n" +
        "data: \"name\":\"two lines\"}\n" +
        "\n" +
        "id: 8\n" +
        "data:{\"id\":3}\n" +
        "\n";

    private static void AssertEvents(List<ServerSentEvent<Row>> events)
    {
        Assert.Equal(4, events.Count);
        Assert.Equal((1L, "first", "7", "message"), (events[0].Data!.Id, events[0].Data!.Name, events[0].Id, events[0].EventType));
        Assert.Equal(TimeSpan.FromMilliseconds(1500), events[0].Retry);

        // An event type the spec does not describe, whose data is not a Row: delivered, not lost, not an error.
        Assert.Equal(("ping", "keep-alive"), (events[1].EventType, events[1].RawData));
        Assert.Null(events[1].Data);

        Assert.Equal((2L, "two lines", "7"), (events[2].Data!.Id, events[2].Data!.Name, events[2].Id));
        Assert.Null(events[2].RawData);
        Assert.Equal((3L, "8"), (events[3].Data!.Id, events[3].Id));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public async Task Events_with_comments_retry_ids_multi_line_data_and_other_types_are_read_with_any_line_ending(string lineEnding)
    {
        var body = Encoding.UTF8.GetBytes(Events.Replace("\n", lineEnding));
        var handler = new PiecesHandler("text/event-stream", body, _ => 4096);

        var events = await All(Client(handler).WatchRowsAsync());

        AssertEvents(events);
        Assert.Equal("text/event-stream", Assert.Single(handler.Requests).Headers.Accept.ToString());
    }

    [Fact]
    public async Task Events_read_the_same_however_the_bytes_are_cut()
    {
        var body = Encoding.UTF8.GetBytes(Events.Replace("\n", "\r\n"));

        // Every read one byte; then every split of the stream into two reads.
        AssertEvents(await All(Client(new PiecesHandler("text/event-stream", body, _ => 1)).WatchRowsAsync()));
        for (var cut = 1; cut < body.Length; cut++)
        {
            var at = cut;
            AssertEvents(await All(Client(new PiecesHandler("text/event-stream", body, position => position < at ? at - position : body.Length)).WatchRowsAsync()));
        }
    }

    [Fact]
    public async Task Done_ends_the_stream_and_nothing_after_it_is_read()
    {
        var body = Encoding.UTF8.GetBytes("data: {\"id\":1}\n\ndata: [DONE]\n\ndata: not json at all\n\n");

        var events = await All(Client(new PiecesHandler("text/event-stream", body, _ => 4096)).WatchRowsAsync());

        Assert.Equal(1L, Assert.Single(events).Data!.Id);
    }

    [Fact]
    public async Task Data_that_is_not_the_specs_type_in_a_message_event_is_InvalidBody_naming_the_event()
    {
        var body = Encoding.UTF8.GetBytes("data: {\"id\":1}\n\nid: e-2\ndata: {\"id\":\"two\"}\n\n");
        var read = new List<long>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var item in Client(new PiecesHandler("text/event-stream", body, _ => 4096)).WatchRowsAsync())
            {
                read.Add(item.Data!.Id!.Value);
            }
        });

        Assert.Equal([1L], read);
        Assert.Equal(ApiErrorKind.InvalidBody, error.Kind);
        Assert.Contains("event 2 (id 'e-2')", error.Message);
        Assert.Contains("Row", error.Message);
        Assert.Equal("{\"id\":\"two\"}", error.ResponseBody);
    }

    [Fact]
    public async Task An_event_larger_than_MaxResponseBytes_is_ResponseTooLarge_and_the_stream_before_it_is_read()
    {
        var body = Encoding.UTF8.GetBytes("data: {\"id\":1}\n\n: a comment line of any length outside an event\n\ndata: {\"id\":2,\"name\":\"" + new string('x', 5000) + "\"}\n\n");
        var read = new List<long>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var item in Client(new PiecesHandler("text/event-stream", body, _ => 100), new ApiClientOptions { MaxResponseBytes = 1000 }).WatchRowsAsync())
            {
                read.Add(item.Data!.Id!.Value);
            }
        });

        Assert.Equal([1L], read);
        Assert.Equal(ApiErrorKind.ResponseTooLarge, error.Kind);
        Assert.Contains("event 2 is larger than 1000 bytes", error.Message);
    }

    [Fact]
    public async Task Keep_alive_comments_for_longer_than_MaxResponseBytes_do_not_count_as_one_event()
    {
        var pings = string.Concat(Enumerable.Repeat(": keep-alive\n", 500));
        var body = Encoding.UTF8.GetBytes(pings + "data: {\"id\":1}\n\n" + pings);

        var events = await All(Client(new PiecesHandler("text/event-stream", body, _ => 64), new ApiClientOptions { MaxResponseBytes = 200 }).WatchRowsAsync());

        Assert.Equal(1L, Assert.Single(events).Data!.Id);
    }

    [Fact]
    public async Task A_server_that_closes_in_the_middle_of_an_event_is_an_error_not_a_quiet_end()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"id\":1}\n\ndata: {\"id\":2,");
        });
        var read = new List<long>();

        var error = await Assert.ThrowsAsync<HttpRequestException>(async () =>
        {
            await foreach (var item in new ExportsClient(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress }).WatchRowsAsync())
            {
                read.Add(item.Data!.Id!.Value);
            }
        });

        Assert.Equal([1L], read);
        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.Contains("middle of an event, after 1 events", error.Message);
    }

    [Fact]
    public async Task A_stream_that_stalls_is_given_up_after_the_idle_timeout_as_StreamIdle()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"id\":1}\n\n");
            await context.Response.Body.FlushAsync();
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { });
        });
        var options = new ApiClientOptions { BaseAddress = server.BaseAddress, StreamIdleTimeout = TimeSpan.FromMilliseconds(300) };
        var read = new List<long>();

        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var item in new ExportsClient(new HttpClient(), options).WatchRowsAsync())
            {
                read.Add(item.Data!.Id!.Value);
            }
        });

        Assert.Equal([1L], read);
        Assert.Equal(ApiErrorKind.StreamIdle, error.Kind);
        Assert.IsType<TimeoutException>(error.InnerException);
        Assert.Contains("after 1 events", error.Message);
    }

    [Fact]
    public async Task A_healthy_stream_outlives_the_HttpClient_timeout_which_covers_only_the_headers()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            for (var i = 1; i <= 8; i++)
            {
                await context.Response.WriteAsync($"data: {{\"id\":{i}}}\n\n");
                await context.Response.Body.FlushAsync();
                await Task.Delay(150);
            }
        });
        var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };

        var events = await All(new ExportsClient(http, new ApiClientOptions { BaseAddress = server.BaseAddress }).WatchRowsAsync());

        Assert.Equal(8, events.Count);
    }

    [Fact]
    public async Task Leaving_the_loop_or_cancelling_frees_the_only_connection_for_the_next_call()
    {
        var release = new TaskCompletionSource();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/event-stream";
            for (var i = 1; !context.RequestAborted.IsCancellationRequested && i < 100_000; i++)
            {
                await context.Response.WriteAsync($"data: {{\"id\":{i}}}\n\n", context.RequestAborted).ContinueWith(_ => { });
                await context.Response.Body.FlushAsync(context.RequestAborted).ContinueWith(_ => { });
                await Task.Delay(10);
            }
        });
        var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1 });
        var client = new ExportsClient(http, new ApiClientOptions { BaseAddress = server.BaseAddress });

        await foreach (var item in client.WatchRowsAsync())
        {
            if (item.Data!.Id == 3)
            {
                break;
            }
        }

        using var cancel = new CancellationTokenSource();
        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in client.WatchRowsAsync(cancel.Token))
            {
                if (++read == 2)
                {
                    cancel.Cancel();
                }
            }
        });

        // One connection allowed: this call would wait for ever if either stream above still held it.
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await foreach (var item in client.WatchRowsAsync(deadline.Token))
        {
            Assert.Equal(1L, item.Data!.Id);
            break;
        }

        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task An_error_status_before_the_stream_is_an_ApiException_with_the_body_and_a_JSON_answer_where_events_were_asked_for_is_InvalidBody()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Query.ContainsKey("x"))
            {
                await LoopbackServer.WriteJson(context, """{"id":1}""");
                return;
            }

            context.Response.StatusCode = 429;
            context.Response.ContentType = "text/event-stream";
            await context.Response.WriteAsync("data: {\"error\":\"Model is overloaded\",\"error_type\":\"overloaded\"}\n\n");
        });
        var client = new ExportsClient(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress });

        var error = await Assert.ThrowsAsync<ApiException>(() => All(client.WatchRowsAsync()));
        Assert.Equal(HttpStatusCode.TooManyRequests, error.StatusCode);
        Assert.Contains("Model is overloaded", error.ResponseBody);

        var connection = new ApiConnection(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress }, null);
        var wrong = await Assert.ThrowsAsync<ApiException>(() => All(connection.StreamEventsAsync(new ApiRequest(HttpMethod.Get, "/events?x=1") { Accept = "text/event-stream" }, Row.ReadJson, CancellationToken.None)));
        Assert.Equal(ApiErrorKind.InvalidBody, wrong.Kind);
        Assert.Contains("application/json where text/event-stream was asked for", wrong.Message);
        Assert.Equal("""{"id":1}""", wrong.ResponseBody);
    }

    [Fact]
    public async Task Ten_thousand_events_arrive_in_order()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 10_000; i++)
        {
            text.Append("data: {\"id\":").Append(i).Append(",\"name\":\"row\"}\n\n");
        }

        var expected = 0L;
        await foreach (var item in Client(new PiecesHandler("text/event-stream", Encoding.UTF8.GetBytes(text.ToString()), _ => 8192), new ApiClientOptions { MaxResponseBytes = 64 }).WatchRowsAsync())
        {
            Assert.Equal(expected++, item.Data!.Id);
        }

        Assert.Equal(10_000, expected);
    }

    [Fact]
    public async Task JSON_Lines_skip_blank_lines_take_CRLF_and_a_last_line_without_its_newline()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1,\"name\":\"a\"}\r\n\r\n  \n{\"id\":2}\n{\"id\":3}");

        var rows = await All(Client(new PiecesHandler("application/x-ndjson", body, _ => 3)).ExportRowsAsync());

        Assert.Equal([1L, 2L, 3L], rows.Select(r => r.Id));
        Assert.Equal("a", rows[0].Name);
    }

    [Fact]
    public async Task A_JSON_Lines_stream_cut_off_in_its_last_line_is_ResponseEnded_and_a_line_that_is_not_JSON_is_InvalidBody()
    {
        var cut = await Assert.ThrowsAsync<HttpRequestException>(() => All(Client(new PiecesHandler("application/x-ndjson", "{\"id\":1}\n{\"id\":2,\"na"u8.ToArray(), _ => 4096)).ExportRowsAsync()));
        Assert.Equal(HttpRequestError.ResponseEnded, cut.HttpRequestError);
        Assert.Contains("middle of record 2", cut.Message);

        var wrong = await Assert.ThrowsAsync<ApiException>(() => All(Client(new PiecesHandler("application/x-ndjson", "{\"id\":1}\n<html>oops</html>\n{\"id\":3}\n"u8.ToArray(), _ => 4096)).ExportRowsAsync()));
        Assert.Equal(ApiErrorKind.InvalidBody, wrong.Kind);
        Assert.Contains("record 2", wrong.Message);
        Assert.Equal("<html>oops</html>", wrong.ResponseBody);
    }

    [Fact]
    public async Task A_JSON_Lines_record_larger_than_MaxResponseBytes_is_ResponseTooLarge()
    {
        var body = Encoding.UTF8.GetBytes("{\"id\":1}\n{\"id\":2,\"name\":\"" + new string('x', 100_000) + "\"}\n");

        var error = await Assert.ThrowsAsync<ApiException>(() => All(Client(new PiecesHandler("application/x-ndjson", body, _ => 1000), new ApiClientOptions { MaxResponseBytes = 4096 }).ExportRowsAsync()));

        Assert.Equal(ApiErrorKind.ResponseTooLarge, error.Kind);
        Assert.Contains("record 2 is larger than 4096 bytes", error.Message);
    }

    [Fact]
    public async Task A_JSON_text_sequence_is_cut_at_each_record_separator()
    {
        var body = "\u001e{\"id\":1,\n \"name\":\"pretty\"}\n\u001e{\"id\":2}\n"u8.ToArray();
        var handler = new PiecesHandler("application/json-seq", body, _ => 5);

        var rows = await All(Client(handler).ExportAuditAsync());

        Assert.Equal([1L, 2L], rows.Select(r => r.Id));
        Assert.Equal("pretty", rows[0].Name);
        Assert.Equal("application/json-seq", Assert.Single(handler.Requests).Headers.Accept.ToString());
    }

    [Fact]
    public void A_stream_idle_timeout_that_is_not_positive_is_refused_when_the_client_is_made()
    {
        Assert.Throws<ArgumentException>(() => new ExportsClient(new HttpClient(), new ApiClientOptions { StreamIdleTimeout = TimeSpan.Zero }));
        _ = new ExportsClient(new HttpClient(), new ApiClientOptions { StreamIdleTimeout = Timeout.InfiniteTimeSpan });
    }
}
