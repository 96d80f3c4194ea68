using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProxyGen.Emulator;

/// <summary>
/// A local Twilio Proxy v1 server: real HTTP on 127.0.0.1 and a free port, in-memory data, HTTP Basic auth,
/// Twilio's SIDs, paging and error bodies. Start one per test or demo run; dispose it to stop.
/// </summary>
public sealed class ProxyEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<RecordedRequest> _requests = new();
    private readonly Lock _requestsGate = new();
    private int _failuresToServe;
    private int _failureStatus;
    private string? _failureText;

    private readonly InterceptCallbacks _callbacks;

    private ProxyEmulator(WebApplication app, string accountSid, string authToken)
    {
        _app = app;
        AccountSid = accountSid;
        AuthToken = authToken;
        _callbacks = new InterceptCallbacks(authToken);
    }

    /// <summary>
    /// Every intercept callback sent so far: when a Service has an InterceptCallbackUrl (on 127.0.0.1), each new
    /// MessageInteraction is first POSTed there, signed as Twilio signs it; a 403 answer leaves it undelivered.
    /// </summary>
    public IReadOnlyList<SentCallback> InterceptCallbacks => _callbacks.Sent;

    /// <summary>The address to point a client at, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The Account SID the emulator accepts (made up for this run).</summary>
    public string AccountSid { get; }

    /// <summary>The Auth Token the emulator accepts (made up for this run).</summary>
    public string AuthToken { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requestsGate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>The most recent request.</summary>
    public RecordedRequest LastRequest => Requests[^1];

    /// <summary>Starts an emulator on 127.0.0.1 with made-up credentials.</summary>
    public static async Task<ProxyEmulator> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new ProxyEmulator(app, ResourceStore.NewSid("AC"), Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
        emulator.Configure(app);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        emulator.BaseAddress = new Uri(address);
        return emulator;
    }

    /// <summary>
    /// Answers the next <paramref name="count"/> requests with <paramref name="status"/> (e.g. 503) before serving normally:
    /// with a Twilio JSON error, or with <paramref name="plainText"/> as a text/plain body, as a proxy in front of Twilio might.
    /// </summary>
    public void FailNext(int count, int status = 503, string? plainText = null)
    {
        _failureStatus = status;
        _failureText = plainText;
        Interlocked.Exchange(ref _failuresToServe, count);
    }

    /// <summary>Forgets the recorded requests.</summary>
    public void ClearRequests()
    {
        lock (_requestsGate)
        {
            _requests.Clear();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _callbacks.Dispose();
    }

    private void Configure(WebApplication app)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(AccountSid + ":" + AuthToken));
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Twilio-Request-Id"] = ResourceStore.NewSid("RQ");
            await Record(context.Request).ConfigureAwait(false);
            if (Interlocked.Decrement(ref _failuresToServe) >= 0)
            {
                var failure = _failureText is null
                    ? TwilioError.Create(_failureStatus, 20500, "The emulator was told to fail this request")
                    : Results.Text(_failureText, "text/plain", statusCode: _failureStatus);
                await failure.ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            Interlocked.Exchange(ref _failuresToServe, 0);
            if (context.Request.Headers.Authorization.ToString() != expected)
            {
                await TwilioError.Unauthorized().ExecuteAsync(context).ConfigureAwait(false);
                return;
            }

            await next(context).ConfigureAwait(false);
        });
        ProxyRoutes.Map(app, new ResourceStore(), AccountSid, _callbacks);
        app.MapFallback((HttpContext context) => TwilioError.NotFound(context.Request));
    }

    private async Task Record(HttpRequest request)
    {
        request.EnableBuffering();
        using var reader = new StreamReader(request.Body, Encoding.UTF8, leaveOpen: true);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        request.Body.Position = 0;
        var headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.Method, request.Path.ToUriComponent(), request.QueryString.ToUriComponent(), headers, body);
        lock (_requestsGate)
        {
            _requests.Add(recorded);
        }
    }
}
