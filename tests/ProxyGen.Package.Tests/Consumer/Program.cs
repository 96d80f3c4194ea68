// A consumer of the packaged generator: creates a service and a short code, then reserves it.
// Arguments: base URL, account SID, auth token (the emulator's made-up ones).
using Acme.Proxy;
using ProxyGen.Runtime;

var client = new ProxyV1Client(new HttpClient(), new ApiClientOptions
{
    BaseAddress = new Uri(args[0]),
    Username = args[1],
    Password = args[2],
});

var service = await client.CreateServiceAsync(new CreateServiceRequest { UniqueName = "packaged-consumer" });
var created = await client.CreateShortCodeAsync(service.Sid!, new CreateShortCodeRequest { Sid = "SC" + Guid.NewGuid().ToString("N") });
ShortCode updated = await client.UpdateShortCodeAsync(service.Sid!, created.Sid!, new UpdateShortCodeRequest { IsReserved = true });
Console.WriteLine($"UpdateShortCode: {updated.Sid} IsReserved={updated.IsReserved}");
