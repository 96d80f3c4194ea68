using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using ProxyGen.Client.Tests.Proxy;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>Twilio's form conventions: repeated keys for lists, compact JSON for objects, UTC dates, invariant numbers.</summary>
public class FormEncodingTests
{
    [Fact]
    public async Task CreateSession_sends_each_participant_as_compact_JSON_under_a_repeated_key()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var service = await fixture.Client.CreateServiceAsync(new() { UniqueName = "forms" });

        var session = await fixture.Client.CreateSessionAsync(service.Sid!, new()
        {
            UniqueName = "ride 42",
            Participants =
            [
                new JsonObject { ["Identifier"] = "+15551230001", ["FriendlyName"] = "Alice" },
                new JsonObject { ["Identifier"] = "+15551230002", ["FriendlyName"] = "Bob & Co" },
            ],
        });

        var fields = Decode(fixture.Emulator.LastRequest.Body);
        Assert.Equal(
            [
                ("UniqueName", "ride 42"),
                ("Participants", """{"Identifier":"+15551230001","FriendlyName":"Alice"}"""),
                ("Participants", """{"Identifier":"+15551230002","FriendlyName":"Bob & Co"}"""),
            ],
            fields);
        var participants = await fixture.Client.ListParticipantAsync(service.Sid!, session.Sid!);
        Assert.Equal(["Alice", "Bob & Co"], participants.Participants!.Select(p => p.FriendlyName));
    }

    [Fact]
    public async Task List_values_are_sent_as_repeated_keys_in_order()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var service = await fixture.Client.CreateServiceAsync(new() { UniqueName = "forms" });
        var session = await fixture.Client.CreateSessionAsync(service.Sid!);
        var participant = await fixture.Client.CreateParticipantAsync(service.Sid!, session.Sid!, new() { Identifier = "+15551230001" });

        await fixture.Client.CreateMessageInteractionAsync(service.Sid!, session.Sid!, participant.Sid!, new()
        {
            Body = "photos",
            MediaUrl = [new Uri("https://example.com/a.jpg"), new Uri("https://example.com/b.jpg?size=2")],
        });

        Assert.Equal(
            "Body=photos&MediaUrl=https%3A%2F%2Fexample.com%2Fa.jpg&MediaUrl=https%3A%2F%2Fexample.com%2Fb.jpg%3Fsize%3D2",
            fixture.Emulator.LastRequest.Body);
    }

    [Fact]
    public async Task Dates_are_UTC_seconds_and_numbers_ignore_the_current_culture()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var service = await fixture.Client.CreateServiceAsync(new() { UniqueName = "forms" });
        var session = await fixture.Client.CreateSessionAsync(service.Sid!);
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
        try
        {
            var updated = await fixture.Client.UpdateSessionAsync(service.Sid!, session.Sid!, new()
            {
                DateExpiry = new DateTimeOffset(2026, 12, 1, 12, 30, 15, 500, TimeSpan.FromHours(2)),
                Ttl = 1234567,
                Status = SessionStatus.Closed,
            });

            Assert.Equal("DateExpiry=2026-12-01T10%3A30%3A15Z&Ttl=1234567&Status=closed", fixture.Emulator.LastRequest.Body);
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 10, 30, 15, TimeSpan.Zero), updated.DateExpiry);
            Assert.Equal(SessionStatus.Closed, updated.Status);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static List<(string, string)> Decode(string body) => body.Split('&')
        .Select(pair => pair.Split('='))
        .Select(parts => (WebUtility.UrlDecode(parts[0]), WebUtility.UrlDecode(parts[1])))
        .ToList();
}
