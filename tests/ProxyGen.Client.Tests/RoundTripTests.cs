using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ProxyGen.Client.Tests.Proxy;
using ProxyGen.Runtime;
using static ProxyGen.Client.Tests.JsonText;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Every model generated from specs/proxy_v1.yaml reads what the emulator sends and writes it back: read → write →
/// read gives the same values, and the written JSON has every non-null member of the original, unknown ones included.
/// </summary>
public class RoundTripTests
{
    /// <summary>A member ProxyGen has never heard of, added to every object the server sends.</summary>
    private const string Unknown = """{"from_the_future":{"nested":[1,"two",null,{"three":3.5}],"empty":{}}}""";

    [Fact]
    public async Task Every_proxy_model_round_trips_what_the_server_sends_unknown_members_included()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var client = fixture.Client;
        var service = await client.CreateServiceAsync(new CreateServiceRequest { UniqueName = "round-trip" });
        await client.CreatePhoneNumberAsync(service.Sid!, new CreatePhoneNumberRequest { PhoneNumber = "+15005550006", IsReserved = true });
        var (_, shortCode) = (service, await client.CreateShortCodeAsync(service.Sid!, new CreateShortCodeRequest { Sid = EmulatorFixture.NewShortCodeSid() }));
        var session = await client.CreateSessionAsync(service.Sid!, new CreateSessionRequest { UniqueName = "chat" });
        var participant = await client.CreateParticipantAsync(service.Sid!, session.Sid!, new CreateParticipantRequest { Identifier = "+15005550009" });
        await client.CreateMessageInteractionAsync(service.Sid!, session.Sid!, participant.Sid!, new CreateMessageInteractionRequest { Body = "hello" });
        var root = $"/v1/Services/{service.Sid}";
        var sessionPath = $"{root}/Sessions/{session.Sid}";

        var checkedModels = new List<string>
        {
            await RoundTrip(fixture, root, Service.ReadJson, Service.WriteJson),
            await RoundTrip(fixture, "/v1/Services", ListServiceResponse.ReadJson, ListServiceResponse.WriteJson),
            await RoundTrip(fixture, $"{root}/PhoneNumbers", ListPhoneNumberResponse.ReadJson, ListPhoneNumberResponse.WriteJson),
            await RoundTrip(fixture, $"{root}/ShortCodes/{shortCode.Sid}", ShortCode.ReadJson, ShortCode.WriteJson),
            await RoundTrip(fixture, $"{root}/ShortCodes", ListShortCodeResponse.ReadJson, ListShortCodeResponse.WriteJson),
            await RoundTrip(fixture, sessionPath, Session.ReadJson, Session.WriteJson),
            await RoundTrip(fixture, $"{root}/Sessions", ListSessionResponse.ReadJson, ListSessionResponse.WriteJson),
            await RoundTrip(fixture, $"{sessionPath}/Participants/{participant.Sid}", Participant.ReadJson, Participant.WriteJson),
            await RoundTrip(fixture, $"{sessionPath}/Participants", ListParticipantResponse.ReadJson, ListParticipantResponse.WriteJson),
            await RoundTrip(fixture, $"{sessionPath}/Interactions", ListInteractionResponse.ReadJson, ListInteractionResponse.WriteJson),
            await RoundTrip(fixture, $"{sessionPath}/Participants/{participant.Sid}/MessageInteractions", ListMessageInteractionResponse.ReadJson, ListMessageInteractionResponse.WriteJson),
        };

        Assert.All(checkedModels, json => Assert.Contains("from_the_future", json));
    }

    [Fact]
    public void Unknown_enum_values_and_members_of_nested_models_survive_the_round_trip()
    {
        var json = """{"sid":"KC1","status":"hibernating","ttl":0,"mode":"voice-only","links":{"participants":"https://example.com/p"},"extra":true}""";

        var session = Read(json, Session.ReadJson);
        var written = Write(session, Session.WriteJson);

        Assert.False(session.Status!.Value.IsKnown);
        Assert.Equal("hibernating", session.Status.Value.Value);
        Assert.Equal(json, written);
    }

    [Fact]
    public void Members_left_null_are_not_written()
    {
        var written = Write(new ShortCode { Sid = "SC1", IsReserved = false }, ShortCode.WriteJson);

        Assert.Equal("""{"sid":"SC1","is_reserved":false}""", written);
    }

    /// <summary>Fetches <paramref name="path"/> as raw JSON, adds <see cref="Unknown"/> to every object in it, and round-trips it.</summary>
    private static async Task<string> RoundTrip<T>(EmulatorFixture fixture, string path, JsonValueReader<T> read, JsonValueWriter<T> write)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(fixture.Emulator.BaseAddress, path));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{fixture.Emulator.AccountSid}:{fixture.Emulator.AuthToken}")));
        using var response = await fixture.Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var original = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        AddUnknownMember(original);
        var json = original.ToJsonString();

        var first = Read(json, read);
        var written = Write(first, write);
        var second = Read(written, read);

        Assert.Equal(written, Write(second, write));
        Assert.Equal(NonNullMembers(original), NonNullMembers(JsonNode.Parse(written)!));
        return written;
    }

    private static void AddUnknownMember(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var child in obj.Select(p => p.Value).OfType<JsonNode>().ToList())
                {
                    AddUnknownMember(child);
                }

                // Free-form objects (links, capabilities kept whole) are data, not models: leave them as the server wrote them.
                if (obj.ContainsKey("sid") || obj.ContainsKey("meta") || obj.ContainsKey("next_page_url"))
                {
                    obj["from_the_future"] = JsonNode.Parse(Unknown)!["from_the_future"]!.DeepClone();
                }

                break;
            case JsonArray array:
                foreach (var item in array.OfType<JsonNode>())
                {
                    AddUnknownMember(item);
                }

                break;
        }
    }

    /// <summary>Every path to a non-null value, sorted: what the server said, whatever the order or the date format.</summary>
    private static List<string> NonNullMembers(JsonNode node, string path = "$")
    {
        var paths = new List<string>();
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (value is not null)
                    {
                        paths.Add(path + "." + name);
                        paths.AddRange(NonNullMembers(value, path + "." + name));
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        paths.AddRange(NonNullMembers(item, $"{path}[{i}]"));
                    }
                }

                break;
        }

        return paths.Order(StringComparer.Ordinal).ToList();
    }
}
