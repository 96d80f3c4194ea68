using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ProxyGen.Client.Tests;

/// <summary>
/// A Kestrel server on 127.0.0.1 whose every answer a test writes: a server that lies, stalls, redirects or sends
/// more than asked. Records what reached it, with the request target exactly as it arrived on the wire.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received;

    private LoopbackServer(WebApplication app, ConcurrentQueue<Received> received, Uri baseAddress)
    {
        _app = app;
        _received = received;
        BaseAddress = baseAddress;
    }

    /// <summary>One request as it arrived.</summary>
    /// <param name="RawTarget">The request target as sent (path and query, still percent-encoded).</param>
    /// <param name="Body">The request body as UTF-8 text, empty when there was none.</param>
    /// <param name="BodyBytes">The request body as it arrived, byte for byte.</param>
    public sealed record Received(string Method, string RawTarget, string? Authorization, IReadOnlyDictionary<string, string> Headers, string Body, byte[] BodyBytes);

    public Uri BaseAddress { get; }

    public IReadOnlyList<Received> Requests => _received.ToArray();

    public static async Task<LoopbackServer> StartAsync(Func<HttpContext, Task> respond)
    {
        var received = new ConcurrentQueue<Received>();
        var (app, address) = await LoopbackApp.StartAsync(app => app.Run(async context =>
        {
            var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
            var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer);
            var bytes = buffer.ToArray();
            received.Enqueue(new Received(context.Request.Method, target, context.Request.Headers.Authorization.FirstOrDefault(),
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), System.Text.Encoding.UTF8.GetString(bytes), bytes));

            // The handler may read the body again (a form reader, say).
            context.Request.Body = new MemoryStream(bytes);
            await respond(context);
        }));
        return new LoopbackServer(app, received, address);
    }

    /// <summary>Answers every request with <paramref name="json"/>.</summary>
    public static Task<LoopbackServer> JsonAsync(string json, int status = 200) => StartAsync(context => WriteJson(context, json, status));

    public static async Task WriteJson(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    public async ValueTask DisposeAsync()
    {
        // Handlers that stall on purpose end when their connection is aborted; give them a second, not forever.
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
