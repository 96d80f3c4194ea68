using System.Text.Json;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// <c>format: http-method</c> members (Twilio's <c>SmsMethod</c>, <c>VoiceMethod</c> …) are the runtime's one open
/// <see cref="HttpMethodName"/>: sent as their name, read back whatever the server says.
/// </summary>
public class HttpMethodNameTests
{
    [Fact]
    public void A_known_method_reads_as_the_cached_member_and_an_unknown_one_is_kept()
    {
        Assert.Equal(HttpMethodName.Post, JsonText.Read("\"POST\"", HttpMethodName.ReadJson));
        Assert.True(JsonText.Read("\"POST\"", HttpMethodName.ReadJson).IsKnown);

        var unknown = JsonText.Read("\"PROPFIND\"", HttpMethodName.ReadJson);
        Assert.False(unknown.IsKnown);
        Assert.Equal("\"PROPFIND\"", JsonText.Write(unknown, HttpMethodName.WriteJson));
        // Methods are case-sensitive (RFC 9110): "post" is not POST, and is kept as sent.
        var lower = JsonText.Read("\"post\"", HttpMethodName.ReadJson);
        Assert.NotEqual(HttpMethodName.Post, lower);
        Assert.Equal("\"post\"", JsonText.Write(lower, HttpMethodName.WriteJson));
        // Not a string: refused as a generated enum refuses it (the connection reports it as InvalidBody).
        Assert.Throws<InvalidOperationException>(() => JsonText.Read("42", HttpMethodName.ReadJson));
    }

    [Fact]
    public void It_converts_from_and_to_HttpMethod_and_refuses_what_is_no_method()
    {
        HttpMethodName fromBcl = HttpMethod.Patch;
        HttpMethodName fromText = "DELETE";

        Assert.Equal(HttpMethodName.Patch, fromBcl);
        Assert.Same(HttpMethod.Delete, fromText.ToHttpMethod());
        Assert.Equal("PROPFIND", new HttpMethodName("PROPFIND").ToHttpMethod().Method);
        Assert.Throws<FormatException>(() => new HttpMethodName("GET /admin").ToHttpMethod());
        Assert.Throws<FormatException>(() => default(HttpMethodName).ToHttpMethod());
        Assert.Throws<ArgumentNullException>(() => new HttpMethodName(null!));
        Assert.Equal("GET", HttpMethodName.Get.ToString());
    }

    [Fact]
    public void System_Text_Json_uses_its_converter()
    {
        Assert.Equal("\"PUT\"", JsonSerializer.Serialize(HttpMethodName.Put));
        Assert.Equal(HttpMethodName.Head, JsonSerializer.Deserialize<HttpMethodName>("\"HEAD\""));
    }

#if REAL_TWILIO_API_SPEC
    [Fact]
    public async Task Twilio_Applications_send_and_read_their_methods_as_HttpMethodName()
    {
        const string Body = """{"sid":"AP00000000000000000000000000000001","sms_method":"POST","voice_method":"GET","voice_fallback_method":"PROPFIND","status_callback_method":null,"friendly_name":"Hello"}""";
        await using var server = await LoopbackServer.JsonAsync(Body, 201);
        var client = new TwilioSubset.TwilioSubsetClient(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress, Username = "ACtest", Password = "not-a-real-token" });

        var application = await client.CreateApplicationAsync("ACtest", new TwilioSubset.CreateApplicationRequest { FriendlyName = "Hello", SmsMethod = HttpMethodName.Post, VoiceMethod = HttpMethod.Get });

        var request = Assert.Single(server.Requests);
        Assert.Contains("VoiceMethod=GET", request.Body, StringComparison.Ordinal);
        Assert.Contains("SmsMethod=POST", request.Body, StringComparison.Ordinal);
        Assert.Equal(HttpMethodName.Post, application.SmsMethod);
        Assert.Equal(HttpMethodName.Get, application.VoiceMethod);
        Assert.Equal("PROPFIND", application.VoiceFallbackMethod?.Value);
        Assert.Null(application.StatusCallbackMethod);
        // Written back as it came: the unknown method and the null included.
        Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(Body), System.Text.Json.Nodes.JsonNode.Parse(JsonText.Write(application, TwilioSubset.Application.WriteJson))));
    }
#endif
}
