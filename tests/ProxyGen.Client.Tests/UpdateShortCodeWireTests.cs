using System.Text;
using System.Text.Json;
using ProxyGen.Client.Tests.Proxy;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>The operation everyone tries first, checked byte by byte on a real HTTP server on 127.0.0.1.</summary>
public class UpdateShortCodeWireTests
{
    /// <summary>The 200 response example of ../shared/seed/update-short-code.txt.</summary>
    private const string SeedResponse = """
        {
          "account_sid": "string",
          "capabilities": { "fax": true, "mms": true, "sms": true, "voice": true },
          "date_created": "2023-05-04T09:42:00+00:00",
          "date_updated": "2023-05-04T09:42:00+00:00",
          "is_reserved": true,
          "iso_country": "string",
          "service_sid": "string",
          "short_code": "string",
          "sid": "string",
          "url": "https://example.com"
        }
        """;

    [Fact]
    public async Task UpdateShortCode_sends_IsReserved_as_form_field()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, shortCode) = await fixture.CreateServiceWithShortCodeAsync();

        var updated = await fixture.Client.UpdateShortCodeAsync(service.Sid!, shortCode.Sid!, new() { IsReserved = true });

        var request = fixture.Emulator.LastRequest;
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v1/Services/{service.Sid}/ShortCodes/{shortCode.Sid}", request.Path);
        Assert.Matches("^/v1/Services/KS[0-9a-f]{32}/ShortCodes/SC[0-9a-f]{32}$", request.Path);
        var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{fixture.Emulator.AccountSid}:{fixture.Emulator.AuthToken}"));
        Assert.Equal("Basic " + credentials, request.Header("Authorization"));
        Assert.Equal("application/x-www-form-urlencoded", request.Header("Content-Type"));
        Assert.Equal("IsReserved=true", request.Body);
        Assert.Equal(true, updated.IsReserved);
        Assert.Equal(shortCode.Sid, updated.Sid);
    }

    [Fact]
    public async Task An_empty_request_sends_an_empty_form_body_not_IsReserved_false()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, shortCode) = await fixture.CreateServiceWithShortCodeAsync();

        await fixture.Client.UpdateShortCodeAsync(service.Sid!, shortCode.Sid!, new UpdateShortCodeRequest());
        var emptyObject = fixture.Emulator.LastRequest;
        await fixture.Client.UpdateShortCodeAsync(service.Sid!, shortCode.Sid!);
        var noObject = fixture.Emulator.LastRequest;

        Assert.Equal(string.Empty, emptyObject.Body);
        Assert.Equal(string.Empty, noObject.Body);
        Assert.Equal("application/x-www-form-urlencoded", noObject.Header("Content-Type"));
        Assert.Equal("IsReserved=false", await SendAndReadBodyAsync(fixture, false));
    }

    [Fact]
    public async Task Every_request_names_ProxyGen_in_User_Agent_and_accepts_JSON()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, shortCode) = await fixture.CreateServiceWithShortCodeAsync();

        await fixture.Client.FetchShortCodeAsync(service.Sid!, shortCode.Sid!);

        var request = fixture.Emulator.LastRequest;
        Assert.Equal("GET", request.Method);
        Assert.Equal("application/json", request.Header("Accept"));
        Assert.Matches(@"^ProxyGen/\d+\.\d+\.\d+$", request.Header("User-Agent"));
        Assert.Equal(string.Empty, request.Body);
    }

    [Fact]
    public void The_seed_response_example_reads_into_typed_properties()
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(SeedResponse));
        reader.Read();

        var shortCode = ShortCode.ReadJson(ref reader);

        Assert.Equal("string", shortCode.AccountSid);
        Assert.Equal(new DateTimeOffset(2023, 5, 4, 9, 42, 0, TimeSpan.Zero), shortCode.DateCreated);
        Assert.Equal(new DateTimeOffset(2023, 5, 4, 9, 42, 0, TimeSpan.Zero), shortCode.DateUpdated);
        Assert.Equal(true, shortCode.IsReserved);
        Assert.Equal("string", shortCode.ShortCodeValue);
        Assert.Equal(new Uri("https://example.com"), shortCode.Url);
        Assert.NotNull(shortCode.Capabilities);
        Assert.Equal(true, shortCode.Capabilities.Fax);
        Assert.Equal(true, shortCode.Capabilities.Mms);
        Assert.Equal(true, shortCode.Capabilities.Sms);
        Assert.Equal(true, shortCode.Capabilities.Voice);
        Assert.Empty(shortCode.AdditionalProperties);
    }

    [Fact]
    public async Task Capabilities_Twilio_really_sends_are_kept_in_AdditionalProperties()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, shortCode) = await fixture.CreateServiceWithShortCodeAsync();

        var fetched = await fixture.Client.FetchShortCodeAsync(service.Sid!, shortCode.Sid!);

        var capabilities = Assert.IsType<Capabilities>(fetched.Capabilities);
        Assert.Null(capabilities.Sms);
        Assert.True(capabilities.AdditionalProperties["sms_outbound"].GetBoolean());
        Assert.False(capabilities.AdditionalProperties["voice_inbound"].GetBoolean());
        Assert.Equal(2, capabilities.AdditionalProperties.Count);
    }

    [Fact]
    public void An_enum_value_the_spec_does_not_list_round_trips()
    {
        var reader = new Utf8JsonReader("""{"status": "paused", "mode": "voice-only"}"""u8);
        reader.Read();

        var session = Session.ReadJson(ref reader);

        Assert.Equal("paused", session.Status?.Value);
        Assert.False(session.Status?.IsKnown);
        Assert.Equal(SessionMode.VoiceOnly, session.Mode);
        Assert.True(session.Mode?.IsKnown);
        Assert.Equal(new SessionStatus("in-progress"), SessionStatus.InProgress);
    }

    [Fact]
    public async Task A_cancelled_token_stops_the_call()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.Client.UpdateShortCodeAsync("KS" + new string('0', 32), EmulatorFixture.NewShortCodeSid(), new() { IsReserved = true }, cancellation.Token));
    }

    private static async Task<string> SendAndReadBodyAsync(EmulatorFixture fixture, bool isReserved)
    {
        var (service, shortCode) = await fixture.CreateServiceWithShortCodeAsync();
        await fixture.Client.UpdateShortCodeAsync(service.Sid!, shortCode.Sid!, new() { IsReserved = isReserved });
        return fixture.Emulator.LastRequest.Body;
    }
}
