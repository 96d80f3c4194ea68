// The ProxyGen demo: a Twilio Proxy v1 client generated at build time from specs/proxy_v1.yaml, used for real.
// With no arguments it starts the local emulator in-process and talks to it on 127.0.0.1.
// With --base-url URL it talks to that server instead, signing with TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN.
using ProxyGen.Demo;
using ProxyGen.Demo.Proxy;
using ProxyGen.Emulator;
using ProxyGen.Runtime;

var baseUrl = Option(args, "--base-url");
var shortCodeSid = Option(args, "--short-code") ?? "SC" + Guid.NewGuid().ToString("N");
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine("usage: dotnet run --project samples/ProxyGen.Demo [-- --base-url URL [--short-code SC…]]");
    Console.WriteLine("  --base-url    talk to this server (TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN sign the requests)");
    Console.WriteLine("  --short-code  the SID of a short code the account owns (default: a made-up one, fine for the emulator)");
    return 0;
}

await using var emulator = baseUrl is null ? await ProxyEmulator.StartAsync() : null;
var options = emulator is not null
    ? new ApiClientOptions { BaseAddress = emulator.BaseAddress, Username = emulator.AccountSid, Password = emulator.AuthToken, UserAgent = "proxygen-demo" }
    : new ApiClientOptions
    {
        BaseAddress = new Uri(baseUrl!),
        Username = Environment.GetEnvironmentVariable("TWILIO_ACCOUNT_SID") ?? throw new InvalidOperationException("Set TWILIO_ACCOUNT_SID to use --base-url."),
        Password = Environment.GetEnvironmentVariable("TWILIO_AUTH_TOKEN") ?? throw new InvalidOperationException("Set TWILIO_AUTH_TOKEN to use --base-url."),
        UserAgent = "proxygen-demo",
    };

Console.WriteLine("ProxyGen demo: a Twilio Proxy v1 client generated at build time from specs/proxy_v1.yaml");
Console.WriteLine(emulator is not null
    ? $"Server: the local Proxy emulator at {emulator.BaseAddress} (made-up credentials)"
    : $"Server: {options.BaseAddress} as {options.Username}");

using var http = new HttpClient(new WireLog());
IProxyV1Client client = new ProxyV1Client(http, options);
var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token;

Step(1, "Create a service");
var service = await client.CreateServiceAsync(new CreateServiceRequest { UniqueName = "proxygen-demo-" + DateTime.UtcNow.ToString("HHmmss"), DefaultTtl = 3600 }, cancellation);
Show($"Service {service.Sid} \"{service.UniqueName}\", default TTL {service.DefaultTtl}s, geo match {service.GeoMatchLevel}");

try
{
    Step(2, "Add a short code to the service's pool");
    var shortCode = await client.CreateShortCodeAsync(service.Sid!, new CreateShortCodeRequest { Sid = shortCodeSid }, cancellation);
    Show($"ShortCode {shortCode.Sid} ({shortCode.ShortCodeValue}, {shortCode.IsoCountry}), reserved: {shortCode.IsReserved}");

    Step(3, "UpdateShortCodeAsync(serviceSid, sid, new() { IsReserved = true })");
    var updated = await client.UpdateShortCodeAsync(service.Sid!, shortCode.Sid!, new() { IsReserved = true }, cancellation);
    Show($"ShortCode {updated.Sid}, reserved: {updated.IsReserved}, updated {updated.DateUpdated:u}");

    Step(4, "Fetch it back");
    var fetched = await client.FetchShortCodeAsync(service.Sid!, shortCode.Sid!, cancellation);
    var capabilities = fetched.Capabilities?.AdditionalProperties.Select(p => $"{p.Key}={p.Value}") ?? [];
    Show($"ShortCode {fetched.Sid}, reserved: {fetched.IsReserved}, capabilities the server sent beyond the spec: {string.Join(", ", capabilities)}");

    if (emulator is not null)
    {
        Step(5, "Add four more short codes, then list every page (PageSize = 2)");
        for (var i = 0; i < 4; i++)
        {
            await client.CreateShortCodeAsync(service.Sid!, new() { Sid = "SC" + Guid.NewGuid().ToString("N") }, cancellation);
        }
    }
    else
    {
        Step(5, "List every page (PageSize = 2)");
    }

    var count = 0;
    await foreach (var item in client.ListShortCodeAllAsync(service.Sid!, new() { PageSize = 2 }, cancellation))
    {
        Show($"#{++count} {item.Sid} reserved: {item.IsReserved}");
    }
}
catch (ApiException error)
{
    Show($"ApiException {(int?)error.StatusCode}, code {error.Code}: {error.ServerMessage} ({error.MoreInfo})");
}

Step(6, "Fetch a short code that does not exist");
try
{
    await client.FetchShortCodeAsync(service.Sid!, "SC" + new string('0', 32), cancellation);
}
catch (ApiException error)
{
    Show($"ApiException: status {(int?)error.StatusCode}, Twilio code {error.Code}, more info {error.MoreInfo}");
    Show($"  message: {error.ServerMessage}");
    Show($"  request id: {error.RequestId}");
}

if (emulator is not null)
{
    Step(7, "Receive Twilio's intercept callback: verify its signature, block one message, let another through");
    await using var endpoint = await InterceptEndpoint.StartAsync(emulator.AuthToken);
    await client.UpdateServiceAsync(service.Sid!, new() { InterceptCallbackUrl = endpoint.InterceptUrl }, cancellation);
    Show($"Service InterceptCallbackUrl = {endpoint.InterceptUrl}");
    var session = await client.CreateSessionAsync(service.Sid!, new() { UniqueName = "demo-session" }, cancellation);
    var participant = await client.CreateParticipantAsync(service.Sid!, session.Sid!, new() { Identifier = "+15558675310" }, cancellation);
    var statuses = new List<string?>();
    foreach (var text in new[] { "See you at six?", "The wifi password is hunter2" })
    {
        var message = await client.CreateMessageInteractionAsync(service.Sid!, session.Sid!, participant.Sid!, new() { Body = text }, cancellation);
        statuses.Add(message.OutboundResourceStatus?.Value);
        Show($"Interaction {message.Sid}: outbound status {message.OutboundResourceStatus}");
    }

    using var forger = new HttpClient();
    using var forged = await forger.PostAsync(endpoint.InterceptUrl, new FormUrlEncodedContent([new("interactionSid", "KI-forged")]), cancellation);
    Show($"An unsigned callback posted by someone else: {(int)forged.StatusCode} {forged.StatusCode}, no handler ran");
    if (statuses is not ["sent", "undelivered"] || forged.StatusCode != System.Net.HttpStatusCode.Unauthorized)
    {
        Console.Error.WriteLine("The intercept callback did not decide as expected.");
        return 1;
    }
}

Step(emulator is not null ? 8 : 7, "Clean up: delete the service");
await client.DeleteServiceAsync(service.Sid!, cancellation);
Show("Deleted.");
return 0;

static string? Option(string[] args, string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static void Step(int number, string title)
{
    Console.WriteLine();
    Console.WriteLine($"{number}. {title}");
}

static void Show(string text) => Console.WriteLine("   " + text);
