using System.Reflection;
using System.Text.Json.Nodes;
using ProxyGen.Client.Tests.Proxy;
using ProxyGen.Emulator;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>Every one of the 30 Proxy operations, called once against the emulator, with method, path and a parameter checked.</summary>
public class AllOperationsWireTests
{
    private static readonly string[] OperationMethods = typeof(IProxyV1Client).GetMethods()
        .Select(m => m.Name)
        .Where(n => n.EndsWith("Async", StringComparison.Ordinal) && !n.EndsWith("AllAsync", StringComparison.Ordinal))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private readonly HashSet<string> _called = new(StringComparer.Ordinal);

    [Fact]
    public void The_client_has_the_30_Proxy_operations()
    {
        Assert.Equal(30, OperationMethods.Length);
    }

    [Fact]
    public async Task Every_operation_sends_its_method_path_and_parameters()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var client = fixture.Client;
        var emulator = fixture.Emulator;

        // Services
        var service = await Call(nameof(client.CreateServiceAsync), () => client.CreateServiceAsync(new CreateServiceRequest
        {
            UniqueName = "all-ops",
            DefaultTtl = 3600,
            GeoMatchLevel = ServiceGeoMatchLevel.AreaCode,
            NumberSelectionBehavior = ServiceNumberSelectionBehavior.AvoidSticky,
            CallbackUrl = new Uri("https://example.com/callback?a=1&b=2"),
        }));
        Expect(emulator, "POST", "/v1/Services", "UniqueName=all-ops&DefaultTtl=3600&CallbackUrl=https%3A%2F%2Fexample.com%2Fcallback%3Fa%3D1%26b%3D2&GeoMatchLevel=area-code&NumberSelectionBehavior=avoid-sticky");
        Assert.Equal(ServiceGeoMatchLevel.AreaCode, service.GeoMatchLevel);
        Assert.Equal(3600, service.DefaultTtl);
        var ks = service.Sid!;
        Assert.Matches("^KS[0-9a-f]{32}$", ks);

        var fetchedService = await Call(nameof(client.FetchServiceAsync), () => client.FetchServiceAsync(ks));
        Expect(emulator, "GET", $"/v1/Services/{ks}");
        Assert.Equal("all-ops", fetchedService.UniqueName);

        var updatedService = await Call(nameof(client.UpdateServiceAsync), () => client.UpdateServiceAsync(ks, new() { UniqueName = "renamed" }));
        Expect(emulator, "POST", $"/v1/Services/{ks}", "UniqueName=renamed");
        Assert.Equal("renamed", updatedService.UniqueName);

        var services = await Call(nameof(client.ListServiceAsync), () => client.ListServiceAsync(new() { PageSize = 20 }));
        Expect(emulator, "GET", "/v1/Services", query: "?PageSize=20");
        Assert.Equal(ks, Assert.Single(services.Services!).Sid);

        // Phone numbers
        var phone = await Call(nameof(client.CreatePhoneNumberAsync), () => client.CreatePhoneNumberAsync(ks, new() { PhoneNumber = "+15558675310", IsReserved = true }));
        Expect(emulator, "POST", $"/v1/Services/{ks}/PhoneNumbers", "PhoneNumber=%2B15558675310&IsReserved=true");
        Assert.Equal("+15558675310", phone.PhoneNumberValue);
        var pn = phone.Sid!;

        await Call(nameof(client.FetchPhoneNumberAsync), () => client.FetchPhoneNumberAsync(ks, pn));
        Expect(emulator, "GET", $"/v1/Services/{ks}/PhoneNumbers/{pn}");

        var unreserved = await Call(nameof(client.UpdatePhoneNumberAsync), () => client.UpdatePhoneNumberAsync(ks, pn, new() { IsReserved = false }));
        Expect(emulator, "POST", $"/v1/Services/{ks}/PhoneNumbers/{pn}", "IsReserved=false");
        Assert.Equal(false, unreserved.IsReserved);

        var phones = await Call(nameof(client.ListPhoneNumberAsync), () => client.ListPhoneNumberAsync(ks, new() { Page = 0, PageToken = "PT1" }));
        Expect(emulator, "GET", $"/v1/Services/{ks}/PhoneNumbers", query: "?Page=0&PageToken=PT1");
        Assert.Single(phones.PhoneNumbers!);

        // Short codes
        var sc = EmulatorFixture.NewShortCodeSid();
        await Call(nameof(client.CreateShortCodeAsync), () => client.CreateShortCodeAsync(ks, new() { Sid = sc }));
        Expect(emulator, "POST", $"/v1/Services/{ks}/ShortCodes", $"Sid={sc}");

        await Call(nameof(client.FetchShortCodeAsync), () => client.FetchShortCodeAsync(ks, sc));
        Expect(emulator, "GET", $"/v1/Services/{ks}/ShortCodes/{sc}");

        await Call(nameof(client.UpdateShortCodeAsync), () => client.UpdateShortCodeAsync(ks, sc, new() { IsReserved = true }));
        Expect(emulator, "POST", $"/v1/Services/{ks}/ShortCodes/{sc}", "IsReserved=true");

        var shortCodes = await Call(nameof(client.ListShortCodeAsync), () => client.ListShortCodeAsync(ks));
        Expect(emulator, "GET", $"/v1/Services/{ks}/ShortCodes");
        Assert.Equal(sc, Assert.Single(shortCodes.ShortCodes!).Sid);

        // Sessions
        var session = await Call(nameof(client.CreateSessionAsync), () => client.CreateSessionAsync(ks, new() { UniqueName = "order-42", Mode = SessionMode.MessageOnly, Ttl = 600 }));
        Expect(emulator, "POST", $"/v1/Services/{ks}/Sessions", "UniqueName=order-42&Ttl=600&Mode=message-only");
        var kc = session.Sid!;
        Assert.Equal(SessionMode.MessageOnly, session.Mode);

        await Call(nameof(client.FetchSessionAsync), () => client.FetchSessionAsync(ks, kc));
        Expect(emulator, "GET", $"/v1/Services/{ks}/Sessions/{kc}");

        var inProgress = await Call(nameof(client.UpdateSessionAsync), () => client.UpdateSessionAsync(ks, kc, new() { Status = SessionStatus.InProgress }));
        Expect(emulator, "POST", $"/v1/Services/{ks}/Sessions/{kc}", "Status=in-progress");
        Assert.Equal(SessionStatus.InProgress, inProgress.Status);

        var sessions = await Call(nameof(client.ListSessionAsync), () => client.ListSessionAsync(ks, new() { PageSize = 5 }));
        Expect(emulator, "GET", $"/v1/Services/{ks}/Sessions", query: "?PageSize=5");
        Assert.Single(sessions.Sessions!);

        // Participants
        var participant = await Call(nameof(client.CreateParticipantAsync), () => client.CreateParticipantAsync(ks, kc, new() { Identifier = "+15551230001", FriendlyName = "Alice" }));
        Expect(emulator, "POST", $"/v1/Services/{ks}/Sessions/{kc}/Participants", "Identifier=%2B15551230001&FriendlyName=Alice");
        var kp = participant.Sid!;
        Assert.Equal("Alice", participant.FriendlyName);

        await Call(nameof(client.FetchParticipantAsync), () => client.FetchParticipantAsync(ks, kc, kp));
        Expect(emulator, "GET", $"/v1/Services/{ks}/Sessions/{kc}/Participants/{kp}");

        var participants = await Call(nameof(client.ListParticipantAsync), () => client.ListParticipantAsync(ks, kc));
        Expect(emulator, "GET", $"/v1/Services/{ks}/Sessions/{kc}/Participants");
        Assert.Single(participants.Participants!);

        // Message interactions
        var message = await Call(nameof(client.CreateMessageInteractionAsync), () => client.CreateMessageInteractionAsync(ks, kc, kp, new() { Body = "Your driver is here" }));
        Expect(emulator, "POST", $"/v1/Services/{ks}/Sessions/{kc}/Participants/{kp}/MessageInteractions", "Body=Your+driver+is+here");
        var ki = message.Sid!;
        Assert.Equal(InteractionType.Message, message.Type);
        Assert.Equal(InteractionResourceStatus.Sent, message.OutboundResourceStatus);

        await Call(nameof(client.FetchMessageInteractionAsync), () => client.FetchMessageInteractionAsync(ks, kc, kp, ki));
        Expect(emulator, "GET", $"/v1/Services/{ks}/Sessions/{kc}/Participants/{kp}/MessageInteractions/{ki}");

        var messages = await Call(nameof(client.ListMessageInteractionAsync), () => client.ListMessageInteractionAsync(ks, kc, kp, new() { PageSize = 1 }));
        Expect(emulator, "GET", $"/v1/Services/{ks}/Sessions/{kc}/Participants/{kp}/MessageInteractions", query: "?PageSize=1");
        Assert.Single(messages.Interactions!);

        // Interactions
        var interactions = await Call(nameof(client.ListInteractionAsync), () => client.ListInteractionAsync(ks, kc));
        Expect(emulator, "GET", $"/v1/Services/{ks}/Sessions/{kc}/Interactions");
        Assert.Equal(ki, Assert.Single(interactions.Interactions!).Sid);

        var interaction = await Call(nameof(client.FetchInteractionAsync), () => client.FetchInteractionAsync(ks, kc, ki));
        Expect(emulator, "GET", $"/v1/Services/{ks}/Sessions/{kc}/Interactions/{ki}");
        Assert.Contains("Your driver is here", interaction.Data);

        await Call(nameof(client.DeleteInteractionAsync), () => client.DeleteInteractionAsync(ks, kc, ki));
        Expect(emulator, "DELETE", $"/v1/Services/{ks}/Sessions/{kc}/Interactions/{ki}");

        // Deletes, innermost first
        await Call(nameof(client.DeleteParticipantAsync), () => client.DeleteParticipantAsync(ks, kc, kp));
        Expect(emulator, "DELETE", $"/v1/Services/{ks}/Sessions/{kc}/Participants/{kp}");

        await Call(nameof(client.DeleteSessionAsync), () => client.DeleteSessionAsync(ks, kc));
        Expect(emulator, "DELETE", $"/v1/Services/{ks}/Sessions/{kc}");

        await Call(nameof(client.DeleteShortCodeAsync), () => client.DeleteShortCodeAsync(ks, sc));
        Expect(emulator, "DELETE", $"/v1/Services/{ks}/ShortCodes/{sc}");

        await Call(nameof(client.DeletePhoneNumberAsync), () => client.DeletePhoneNumberAsync(ks, pn));
        Expect(emulator, "DELETE", $"/v1/Services/{ks}/PhoneNumbers/{pn}");

        await Call(nameof(client.DeleteServiceAsync), () => client.DeleteServiceAsync(ks));
        Expect(emulator, "DELETE", $"/v1/Services/{ks}");
        var gone = await Assert.ThrowsAsync<ApiException>(() => client.FetchServiceAsync(ks));
        Assert.Equal(20404, gone.Code);

        Assert.Equal(OperationMethods, _called.Order(StringComparer.Ordinal));
    }

    private async Task<T> Call<T>(string method, Func<Task<T>> call)
    {
        _called.Add(method);
        return await call();
    }

    private async Task Call(string method, Func<Task> call)
    {
        _called.Add(method);
        await call();
    }

    private static void Expect(ProxyEmulator emulator, string method, string path, string body = "", string query = "")
    {
        var request = emulator.LastRequest;
        Assert.Equal(method, request.Method);
        Assert.Equal(path, request.Path);
        Assert.Equal(query, request.Query);
        Assert.Equal(body, request.Body);
    }
}
