using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using ProxyGen.Benchmarks.Proxy;
using ProxyGen.Runtime.Webhooks;

namespace ProxyGen.Benchmarks.Runtime;

/// <summary>
/// One signed Twilio Proxy intercept callback (a form of nine fields), verified and read, two ways side by side: the
/// floor a careful person would write by hand (split the form, sort, HMAC-SHA1, constant-time compare, read the nine
/// fields into a class) and ProxyGen's <c>WebhookReceiver</c> with <c>TwilioSignature</c> handing it to the generated
/// <c>ProxyV1WebhookHandler</c>, which reads it into <c>InterceptCallback</c>.
/// </summary>
[MemoryDiagnoser]
public class WebhookBenchmarks
{
    private const string AuthToken = "0123456789abcdef0123456789abcdef";
    private const string Url = "https://hooks.example.com/proxy/Intercept";

    private byte[] _body = null!;
    private string _signature = null!;
    private WebhookReceiver _receiver = null!;
    private KeyValuePair<string, string>[] _headers = null!;

    private sealed class Allow : ProxyV1WebhookHandler
    {
        public string? Last { get; private set; }

        protected override ValueTask<WebhookReply> OnInterceptAsync(InterceptCallback payload, WebhookRequest request, CancellationToken cancellationToken)
        {
            Last = payload.InteractionSid;
            return new(WebhookReply.Accepted);
        }
    }

    /// <summary>What the floor reads the form into.</summary>
    private sealed class Intercept
    {
        public string? InteractionSid, ServiceSid, SessionSid, AccountSid, Type, Data, OutboundParticipantSid, OutboundIdentifier, OutboundProxyIdentifier;
    }

    [GlobalSetup]
    public void Setup()
    {
        KeyValuePair<string, string>[] fields =
        [
            new("interactionSid", "KI" + new string('1', 32)), new("interactionServiceSid", "KS" + new string('2', 32)),
            new("interactionSessionSid", "KC" + new string('3', 32)), new("interactionAccountSid", "AC" + new string('4', 32)),
            new("interactionType", "message"), new("interactionData", "{\"body\":\"See you at six?\"}"),
            new("outboundParticipantSid", "KP" + new string('5', 32)), new("outboundParticipantIdentifier", "+15558675310"),
            new("outboundParticipantProxyIdentifier", "+15005550006"),
        ];
        _body = Encoding.UTF8.GetBytes(string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))));
        _signature = TwilioSignature.Sign(AuthToken, Url, fields);
        _headers = [new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), new(TwilioSignature.HeaderName, _signature)];
        _receiver = new WebhookReceiver(new Allow().ForWebhook("Intercept"), new TwilioSignature(AuthToken));
        if (Floor() != "KI" + new string('1', 32) || ProxyGen().Result != 200)
        {
            throw new InvalidOperationException("The two sides do not agree on the callback.");
        }
    }

    [Benchmark(Baseline = true)]
    public string? Floor()
    {
        var pairs = Encoding.UTF8.GetString(_body).Split('&')
            .Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0].Replace('+', ' ')), Uri.UnescapeDataString(p[1].Replace('+', ' '))))
            .ToList();
        var data = new StringBuilder(Url);
        foreach (var pair in pairs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            data.Append(pair.Key).Append(pair.Value);
        }

#pragma warning disable CA5350 // Twilio's signature is HMAC-SHA1 by definition.
        var expected = HMACSHA1.HashData(Encoding.UTF8.GetBytes(AuthToken), Encoding.UTF8.GetBytes(data.ToString()));
#pragma warning restore CA5350
        if (!CryptographicOperations.FixedTimeEquals(expected, Convert.FromBase64String(_signature)))
        {
            return null;
        }

        var intercept = new Intercept();
        foreach (var (name, value) in pairs)
        {
            switch (name)
            {
                case "interactionSid": intercept.InteractionSid = value; break;
                case "interactionServiceSid": intercept.ServiceSid = value; break;
                case "interactionSessionSid": intercept.SessionSid = value; break;
                case "interactionAccountSid": intercept.AccountSid = value; break;
                case "interactionType": intercept.Type = value; break;
                case "interactionData": intercept.Data = value; break;
                case "outboundParticipantSid": intercept.OutboundParticipantSid = value; break;
                case "outboundParticipantIdentifier": intercept.OutboundIdentifier = value; break;
                case "outboundParticipantProxyIdentifier": intercept.OutboundProxyIdentifier = value; break;
            }
        }

        return intercept.InteractionSid;
    }

    [Benchmark]
    public async Task<int> ProxyGen()
    {
        var reply = await _receiver.ReceiveAsync(new WebhookRequest("POST", Url, _headers, _body));
        return reply.StatusCode;
    }
}
