using System.Net;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ProxyGen.Benchmarks.Exports;
using ProxyGen.Runtime;

namespace ProxyGen.Benchmarks.Runtime;

/// <summary>
/// A 10,000-item stream read to the end, two ways side by side: the hand-written floor (<c>SseParser</c> or a line
/// splitter over a pooled buffer, <c>Utf8JsonReader</c>, the same generated <c>Row.ReadJson</c>) and ProxyGen's
/// generated streaming method through an <c>HttpClient</c> (a handler answers from memory, so only the reading
/// differs). Divide the allocated bytes by 10,000 for bytes per event; the ratio is the figure to watch.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StreamingBenchmarks
{
    public const int Items = 10_000;

    private byte[] _events = null!;
    private byte[] _lines = null!;
    private ExportsClient _eventsClient = null!;
    private ExportsClient _linesClient = null!;

    [GlobalSetup]
    public void Setup()
    {
        var events = new StringBuilder();
        var lines = new StringBuilder();
        for (var i = 0; i < Items; i++)
        {
            var row = $"{{\"id\":{i},\"name\":\"row {i % 100}\"}}";
            events.Append("data: ").Append(row).Append("\n\n");
            lines.Append(row).Append('\n');
        }

        _events = Encoding.UTF8.GetBytes(events.ToString());
        _lines = Encoding.UTF8.GetBytes(lines.ToString());
        var options = new ApiClientOptions { BaseAddress = new Uri("https://exports.example.com/v1/") };
        _eventsClient = new ExportsClient(new HttpClient(new MemoryHandler(_events, "text/event-stream")), options);
        _linesClient = new ExportsClient(new HttpClient(new MemoryHandler(_lines, "application/x-ndjson")), options);
    }

    [Benchmark(Baseline = true), BenchmarkCategory("ServerSentEvents")]
    public async Task<long> EventsFloor()
    {
        var sum = 0L;
        var parser = SseParser.Create(new MemoryStream(_events, writable: false), static (_, data) =>
        {
            var reader = new Utf8JsonReader(data);
            reader.Read();
            return Row.ReadJson(ref reader);
        });
        await foreach (var item in parser.EnumerateAsync())
        {
            sum += item.Data.Id ?? 0;
        }

        return sum;
    }

    [Benchmark, BenchmarkCategory("ServerSentEvents")]
    public async Task<long> EventsProxyGen()
    {
        var sum = 0L;
        await foreach (var item in _eventsClient.WatchRowsAsync())
        {
            sum += item.Data!.Id ?? 0;
        }

        return sum;
    }

    [Benchmark(Baseline = true), BenchmarkCategory("JsonLines")]
    public async Task<long> LinesFloor()
    {
        var sum = 0L;
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(16 * 1024);
        using var stream = new MemoryStream(_lines, writable: false);
        var end = 0;
        while (true)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(end));
            end += read;
            var start = 0;
            int at;
            while ((at = buffer.AsSpan(start, end - start).IndexOf((byte)'\n')) >= 0)
            {
                sum += ReadId(buffer.AsSpan(start, at));
                start += at + 1;
            }

            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            if (read == 0)
            {
                break;
            }
        }

        System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        return sum;
    }

    private static long ReadId(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line);
        reader.Read();
        return Row.ReadJson(ref reader).Id ?? 0;
    }

    [Benchmark, BenchmarkCategory("JsonLines")]
    public async Task<long> LinesProxyGen()
    {
        var sum = 0L;
        await foreach (var row in _linesClient.ExportRowsAsync())
        {
            sum += row.Id ?? 0;
        }

        return sum;
    }

    /// <summary>Answers every request with the same bytes, from memory.</summary>
    private sealed class MemoryHandler(byte[] body, string mediaType) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var content = new StreamContent(new MemoryStream(body, writable: false));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content, RequestMessage = request });
        }
    }
}
