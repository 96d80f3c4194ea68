using ProxyGen.Client.Tests.Proxy;
using ProxyGen.Emulator;
using ProxyGen.Runtime;

namespace ProxyGen.Client.Tests;

/// <summary>A fresh emulator on 127.0.0.1 and a generated client pointed at it.</summary>
public sealed class EmulatorFixture : IAsyncDisposable
{
    private EmulatorFixture(ProxyEmulator emulator, HttpClient http)
    {
        Emulator = emulator;
        Http = http;
        Client = new ProxyV1Client(http, Options(emulator));
    }

    public ProxyEmulator Emulator { get; }

    public HttpClient Http { get; }

    public ProxyV1Client Client { get; }

    public static async Task<EmulatorFixture> StartAsync() => new(await ProxyEmulator.StartAsync(), new HttpClient());

    public static ApiClientOptions Options(ProxyEmulator emulator, string? password = null) => new()
    {
        BaseAddress = emulator.BaseAddress,
        Username = emulator.AccountSid,
        Password = password ?? emulator.AuthToken,
    };

    /// <summary>A made-up short code SID in Twilio's format.</summary>
    public static string NewShortCodeSid() => "SC" + Guid.NewGuid().ToString("N");

    public async Task<(Service Service, ShortCode ShortCode)> CreateServiceWithShortCodeAsync()
    {
        var service = await Client.CreateServiceAsync(new CreateServiceRequest { UniqueName = "wire-test-" + Guid.NewGuid().ToString("N")[..8] });
        var shortCode = await Client.CreateShortCodeAsync(service.Sid!, new CreateShortCodeRequest { Sid = NewShortCodeSid() });
        return (service, shortCode);
    }

    /// <summary>A service with <paramref name="count"/> short codes in its pool, in creation order.</summary>
    public async Task<(Service Service, List<string> ShortCodeSids)> CreateServiceWithShortCodesAsync(int count)
    {
        var service = await Client.CreateServiceAsync(new CreateServiceRequest { UniqueName = "pool-" + Guid.NewGuid().ToString("N")[..8] });
        var sids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            sids.Add((await Client.CreateShortCodeAsync(service.Sid!, new CreateShortCodeRequest { Sid = NewShortCodeSid() })).Sid!);
        }

        return (service, sids);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}
