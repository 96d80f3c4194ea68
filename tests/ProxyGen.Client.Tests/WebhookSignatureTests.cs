using System.Text;
using ProxyGen.Runtime.Webhooks;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// The inbound signature schemes. Known answers were computed with an independent implementation (Python's
/// <c>hmac</c>/<c>hashlib</c>, the commands in docs/security.md); the Twilio form vector is also the one Twilio's
/// security documentation works through, and the Standard Webhooks one the specification's own example.
/// </summary>
public class WebhookSignatureTests
{
    private const string TwilioUrl = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static readonly KeyValuePair<string, string>[] TwilioFields =
    [
        new("CallSid", "CA1234567890ABCDE"), new("Caller", "+12349013030"), new("Digits", "1234"), new("From", "+12349013030"), new("To", "+18005551212"),
    ];

    private static WebhookRequest Request(string url, string body, params (string Name, string Value)[] headers) =>
        new("POST", url, headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)), Encoding.UTF8.GetBytes(body));

    private static string Form(IEnumerable<KeyValuePair<string, string>> fields) =>
        string.Join("&", fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));

    private static WebhookRequest TwilioForm(string url, IEnumerable<KeyValuePair<string, string>> fields, string signature) =>
        Request(url, Form(fields), ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8"), (TwilioSignature.HeaderName, signature));

    [Fact]
    public void Twilio_form_signature_matches_the_known_answer_and_field_order_does_not_matter()
    {
        Assert.Equal("0/KCTR6DLpKmkAf8muzZqo1nDgQ=", TwilioSignature.Sign("12345", TwilioUrl, TwilioFields));
        var verifier = new TwilioSignature("12345");

        Assert.True(verifier.Verify(TwilioForm(TwilioUrl, TwilioFields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).Accepted);
        // Twilio sorts the fields before signing, so the order they arrive in is irrelevant.
        Assert.True(verifier.Verify(TwilioForm(TwilioUrl, TwilioFields.Reverse(), "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).Accepted);
    }

    [Fact]
    public void Twilio_refuses_a_tampered_field_another_port_or_scheme_a_wrong_token_and_no_signature()
    {
        var verifier = new TwilioSignature("12345");
        var tampered = TwilioFields.Select(f => f.Key == "Digits" ? new KeyValuePair<string, string>("Digits", "9999") : f);

        var refused = verifier.Verify(TwilioForm(TwilioUrl, tampered, "0/KCTR6DLpKmkAf8muzZqo1nDgQ="));
        Assert.False(refused.Accepted);
        Assert.Equal(401, refused.StatusCode);
        Assert.DoesNotContain("12345", refused.Reason!, StringComparison.Ordinal);
        Assert.DoesNotContain("foo=1", refused.Reason!, StringComparison.Ordinal);
        Assert.False(verifier.Verify(TwilioForm("https://mycompany.com:8443/myapp.php?foo=1&bar=2", TwilioFields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).Accepted);
        Assert.False(verifier.Verify(TwilioForm("http://mycompany.com/myapp.php?foo=1&bar=2", TwilioFields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).Accepted);
        Assert.False(verifier.Verify(TwilioForm(TwilioUrl + "&extra=1", TwilioFields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).Accepted);
        Assert.False(new TwilioSignature("54321").Verify(TwilioForm(TwilioUrl, TwilioFields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).Accepted);
        Assert.False(verifier.Verify(Request(TwilioUrl, Form(TwilioFields), ("Content-Type", "application/x-www-form-urlencoded"))).Accepted);
        Assert.False(verifier.Verify(TwilioForm(TwilioUrl, TwilioFields, "not base64!")).Accepted);
    }

    [Fact]
    public void Twilio_accepts_the_default_port_written_or_not_and_a_rotated_token()
    {
        var signedWithPort = TwilioSignature.Sign("12345", "https://mycompany.com:443/myapp.php?foo=1&bar=2", TwilioFields);

        Assert.True(new TwilioSignature("12345").Verify(TwilioForm(TwilioUrl, TwilioFields, signedWithPort)).Accepted);
        Assert.True(new TwilioSignature("12345").Verify(TwilioForm("https://mycompany.com:443/myapp.php?foo=1&bar=2", TwilioFields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).Accepted);
        Assert.True(new TwilioSignature("new-token", "12345").Verify(TwilioForm(TwilioUrl, TwilioFields, "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).Accepted);
        Assert.Throws<ArgumentException>(() => new TwilioSignature(""));
        Assert.Throws<ArgumentException>(() => new TwilioSignature());
    }

    [Fact]
    public void Twilio_json_body_is_signed_through_bodySHA256_and_a_changed_body_is_refused()
    {
        const string Body = """{"property": "value", "boolean": true}""";
        const string Url = "https://mycompany.com/myapp?bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        var verifier = new TwilioSignature("12345");

        Assert.True(verifier.Verify(Request(Url, Body, ("Content-Type", "application/json"), (TwilioSignature.HeaderName, "UEGkzoW/cP+5rgfjjBKC7Wch1b4="))).Accepted);
        Assert.False(verifier.Verify(Request(Url, Body.Replace("true", "false", StringComparison.Ordinal), ("Content-Type", "application/json"), (TwilioSignature.HeaderName, "UEGkzoW/cP+5rgfjjBKC7Wch1b4="))).Accepted);
        // A JSON body with no bodySHA256 cannot be tied to the signature.
        Assert.False(verifier.Verify(Request("https://mycompany.com/myapp", Body, ("Content-Type", "application/json"), (TwilioSignature.HeaderName, "UEGkzoW/cP+5rgfjjBKC7Wch1b4="))).Accepted);
    }

    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string StandardBody = """{"test": 2432232314}""";
    private static readonly DateTimeOffset StandardTime = DateTimeOffset.FromUnixTimeSeconds(1614265330);

    private static WebhookRequest Standard(string signature, long timestamp = 1614265330, string body = StandardBody) =>
        Request("https://example.com/hooks", body, ("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"), ("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("webhook-signature", signature));

    [Fact]
    public void Standard_Webhooks_matches_the_known_answer_and_one_valid_signature_of_several_passes()
    {
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", StandardWebhookSignature.Sign(Secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", StandardTime, Encoding.UTF8.GetBytes(StandardBody)));
        var verifier = new StandardWebhookSignature(Secret, new ManualClock(StandardTime.AddSeconds(30)));

        Assert.True(verifier.Verify(Standard("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).Accepted);
        Assert.True(verifier.Verify(Standard("v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v2,whatever v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).Accepted);
        // The prefix may be left out of the secret.
        Assert.True(new StandardWebhookSignature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", new ManualClock(StandardTime)).Verify(Standard("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).Accepted);
    }

    [Fact]
    public void Standard_Webhooks_refuses_a_replay_outside_the_tolerance_a_future_timestamp_a_tampered_body_and_a_moved_timestamp()
    {
        var late = new StandardWebhookSignature(Secret, new ManualClock(StandardTime.AddMinutes(5).AddSeconds(1)));
        var replay = late.Verify(Standard("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
        Assert.False(replay.Accepted);
        Assert.Contains("too old", replay.Reason!, StringComparison.Ordinal);
        Assert.True(new StandardWebhookSignature(Secret, new ManualClock(StandardTime.AddMinutes(5))).Verify(Standard("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).Accepted);
        Assert.False(new StandardWebhookSignature(Secret, new ManualClock(StandardTime.AddMinutes(-6))).Verify(Standard("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).Accepted);

        var now = new StandardWebhookSignature(Secret, new ManualClock(StandardTime));
        Assert.False(now.Verify(Standard("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", body: """{"test": 2432232315}""")).Accepted);
        // The timestamp is signed: moving it (to pass the tolerance with an old signature) breaks the signature.
        Assert.False(now.Verify(Standard("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", timestamp: 1614265331)).Accepted);
        Assert.False(now.Verify(Standard("v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")).Accepted);
        Assert.False(now.Verify(Request("https://example.com/hooks", StandardBody)).Accepted);
    }

    [Fact]
    public void Standard_Webhooks_refuses_an_empty_or_malformed_secret_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new StandardWebhookSignature(""));
        Assert.Throws<ArgumentException>(() => new StandardWebhookSignature("whsec_"));
        Assert.Throws<ArgumentException>(() => new StandardWebhookSignature("whsec_not base64!"));
    }

    private const string AdyenKey = "44782DEF547AAA06C910C43932B1EB0C71FC68D9D0C057550C48EC2ACF6BA056";

    [Fact]
    public void Adyen_hmac_matches_the_known_answer_and_refuses_a_tampered_body()
    {
        const string Body = """{"type":"merchant.created","environment":"test"}""";
        Assert.Equal("3XLgQ5GAjh3XKYQS8xCNK+e1FoXoiHo2IbC9UGgCe9Y=", AdyenHmacSignature.Sign(AdyenKey, Encoding.UTF8.GetBytes(Body)));
        var verifier = new AdyenHmacSignature(AdyenKey);

        Assert.True(verifier.Verify(Request("https://example.com/adyen", Body, (AdyenHmacSignature.HeaderName, "3XLgQ5GAjh3XKYQS8xCNK+e1FoXoiHo2IbC9UGgCe9Y="))).Accepted);
        Assert.False(verifier.Verify(Request("https://example.com/adyen", Body.Replace("test", "live", StringComparison.Ordinal), (AdyenHmacSignature.HeaderName, "3XLgQ5GAjh3XKYQS8xCNK+e1FoXoiHo2IbC9UGgCe9Y="))).Accepted);
        Assert.False(verifier.Verify(Request("https://example.com/adyen", Body)).Accepted);
        Assert.Throws<ArgumentException>(() => new AdyenHmacSignature("not hex"));
        Assert.Throws<ArgumentException>(() => new AdyenHmacSignature(""));
    }

    [Fact]
    public void Basic_credentials_pass_only_when_both_match()
    {
        var verifier = new BasicAuthentication("adyen-user", "s3cret");
        static string Basic(string text) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

        Assert.True(verifier.Verify(Request("https://example.com/adyen", "{}", ("Authorization", Basic("adyen-user:s3cret")))).Accepted);
        Assert.False(verifier.Verify(Request("https://example.com/adyen", "{}", ("Authorization", Basic("adyen-user:s3cret2")))).Accepted);
        Assert.False(verifier.Verify(Request("https://example.com/adyen", "{}", ("Authorization", Basic("adyen-use:s3cret")))).Accepted);
        Assert.False(verifier.Verify(Request("https://example.com/adyen", "{}", ("Authorization", "Bearer x"))).Accepted);
        Assert.False(verifier.Verify(Request("https://example.com/adyen", "{}")).Accepted);
        Assert.Throws<ArgumentException>(() => new BasicAuthentication("a:b", "c"));
    }
}
