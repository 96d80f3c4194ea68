using System.Net;
using ProxyGen.Client.Tests.Proxy;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>Every non-2xx answer is an ApiException carrying what the server said; the password never shows.</summary>
public class ErrorTests
{
    [Fact]
    public async Task An_unknown_SID_is_an_ApiException_with_Twilio_code_20404()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var service = await fixture.Client.CreateServiceAsync(new() { UniqueName = "errors" });
        var missing = EmulatorFixture.NewShortCodeSid();

        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.Client.UpdateShortCodeAsync(service.Sid!, missing, new() { IsReserved = true }));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal(20404, error.Code);
        Assert.Equal("https://www.twilio.com/docs/errors/20404", error.MoreInfo);
        Assert.Equal($"The requested resource /v1/Services/{service.Sid}/ShortCodes/{missing} was not found", error.ServerMessage);
        Assert.Matches("^RQ[0-9a-f]{32}$", error.RequestId);
        Assert.Contains("\"code\":20404", error.ResponseBody);
        Assert.Equal(HttpMethod.Post, error.Method);
        Assert.Contains("404", error.Message);
        Assert.Contains("20404", error.Message);
    }

    [Fact]
    public async Task Wrong_credentials_are_an_ApiException_with_code_20003_that_never_shows_the_password()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        const string WrongPassword = "not-the-token-3f9a1c";
        var options = EmulatorFixture.Options(fixture.Emulator, WrongPassword);
        var client = new ProxyV1Client(fixture.Http, options);

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListServiceAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(20003, error.Code);
        Assert.Equal("https://www.twilio.com/docs/errors/20003", error.MoreInfo);
        Assert.DoesNotContain(WrongPassword, error.ToString());
        Assert.DoesNotContain(WrongPassword, options.ToString());
        Assert.Contains(fixture.Emulator.AccountSid, options.ToString());
    }

    [Fact]
    public async Task A_non_JSON_error_body_still_yields_an_ApiException_with_the_text()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.FailNext(1, 502, plainText: "<html>upstream timed out</html>");

        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.Client.ListServiceAsync());

        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.Null(error.Code);
        Assert.Equal("<html>upstream timed out</html>", error.ResponseBody);
        Assert.Contains("upstream timed out", error.Message);
    }

    [Fact]
    public async Task A_missing_required_field_is_the_server_400_with_its_message()
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.Client.CreateServiceAsync(new() { UniqueName = string.Empty }));

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal(20001, error.Code);
        Assert.Contains("UniqueName", error.ServerMessage);
    }

    [Fact]
    public async Task Empty_path_parameters_are_rejected_before_anything_is_sent()
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => fixture.Client.FetchShortCodeAsync("", "SC1"));
        await Assert.ThrowsAsync<ArgumentNullException>(() => fixture.Client.CreateServiceAsync(null!));
        Assert.Empty(fixture.Emulator.Requests);
    }

    [Fact]
    public async Task Path_parameters_are_percent_encoded_as_one_segment()
    {
        await using var fixture = await EmulatorFixture.StartAsync();

        await Assert.ThrowsAsync<ApiException>(() => fixture.Client.FetchServiceAsync("KS a/b?c#d"));

        Assert.Equal("/v1/Services/KS%20a%2Fb%3Fc%23d", fixture.Emulator.LastRequest.Path);
        Assert.Equal(string.Empty, fixture.Emulator.LastRequest.Query);
    }

    [Fact]
    public async Task A_body_that_is_not_the_expected_JSON_is_an_ApiException_with_the_body()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        const string body = """{"sid": 42, "date_created": "last Tuesday"}""";
        using var http = new HttpClient(new StaticResponseHandler(body));
        var client = new ProxyV1Client(http, new ApiClientOptions { BaseAddress = new Uri("http://127.0.0.1:1"), Username = "ACtest", Password = "not-a-real-token" });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.FetchServiceAsync("KS1"));

        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
        Assert.Contains("Service", error.Message);
        Assert.Contains("$.date_created", error.Message);
    }

    private sealed class StaticResponseHandler(string body) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body) });
    }
}
