using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Twilio's main API (twilio_api_v2010.yaml, used in place) generated for the Messages and Applications resources only,
/// through <c>ProxyGenIncludePaths</c> on the AdditionalFiles item: the subset sends an SMS as the whole client would.
/// </summary>
public class TwilioSubsetTests
{
#if REAL_TWILIO_API_SPEC
    [Fact]
    public async Task The_Messages_subset_sends_an_SMS_as_a_form_with_Basic_auth_and_reads_the_message()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"sid":"SM00000000000000000000000000000001","status":"queued","to":"+15558675310","body":"Hello","direction":"outbound-api","num_segments":"1","price":null}""", 201);
        var client = new TwilioSubset.TwilioSubsetClient(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress, Username = "ACtest", Password = "not-a-real-token" });

        var message = await client.CreateMessageAsync("ACtest", new TwilioSubset.CreateMessageRequest { To = "+15558675310", From = "+15017122661", Body = "Hello" });

        Assert.Equal("SM00000000000000000000000000000001", message.Sid);
        Assert.Equal(TwilioSubset.MessageStatus.Queued, message.Status);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2010-04-01/Accounts/ACtest/Messages.json", request.RawTarget);
        Assert.Equal("To=%2B15558675310&From=%2B15017122661&Body=Hello", request.Body);
        Assert.StartsWith("Basic ", request.Authorization);
    }

    [Fact]
    public void The_subset_holds_the_Messages_and_Applications_operations_and_not_the_rest_of_the_API()
    {
        var methods = typeof(TwilioSubset.ITwilioSubsetClient).GetMethods().Select(m => m.Name).ToHashSet();

        Assert.Contains("CreateMessageAsync", methods);
        Assert.Contains("ListMessageAsync", methods);
        Assert.Contains("CreateApplicationAsync", methods);
        Assert.DoesNotContain("CreateCallAsync", methods);
        Assert.Null(typeof(TwilioSubset.Message).Assembly.GetType("ProxyGen.Client.Tests.TwilioSubset.Call"));
    }
#else
    [Fact(Skip = "../shared/specs/twilio/twilio_api_v2010.yaml is not beside the repository (CI requires it).")]
    public void The_Messages_subset_sends_an_SMS()
    {
    }
#endif
}
