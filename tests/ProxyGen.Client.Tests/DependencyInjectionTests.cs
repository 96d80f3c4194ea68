using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using ProxyGen.Client.Tests.Proxy;
using ProxyGen.Emulator;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>The generated client as an IHttpClientFactory typed client, with retries from Microsoft.Extensions.Http.Resilience.</summary>
public class DependencyInjectionTests
{
    [Fact]
    public async Task The_client_resolves_as_a_typed_client_and_calls_the_server()
    {
        await using var emulator = await ProxyEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorFixture.Options(emulator));
        services.AddHttpClient<IProxyV1Client, ProxyV1Client>();
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IProxyV1Client>();
        var service = await client.CreateServiceAsync(new() { UniqueName = "typed-client" });

        Assert.IsType<ProxyV1Client>(client);
        Assert.Equal("typed-client", service.UniqueName);
    }

    [Fact]
    public async Task A_503_is_retried_by_the_standard_resilience_handler()
    {
        await using var emulator = await ProxyEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton(EmulatorFixture.Options(emulator));
        services.AddHttpClient<IProxyV1Client, ProxyV1Client>()
            .AddStandardResilienceHandler(options =>
            {
                // Quick retries for the test; production keeps the defaults (exponential back-off from 2 s).
                options.Retry.Delay = TimeSpan.FromMilliseconds(10);
                options.Retry.BackoffType = DelayBackoffType.Constant;
                options.Retry.UseJitter = false;
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IProxyV1Client>();
        var service = await client.CreateServiceAsync(new() { UniqueName = "retry" });
        var shortCode = await client.CreateShortCodeAsync(service.Sid!, new() { Sid = EmulatorFixture.NewShortCodeSid() });
        emulator.ClearRequests();
        emulator.FailNext(2, 503);

        var updated = await client.UpdateShortCodeAsync(service.Sid!, shortCode.Sid!, new() { IsReserved = true });

        Assert.Equal(true, updated.IsReserved);
        var attempts = emulator.Requests;
        Assert.Equal(3, attempts.Count);
        Assert.All(attempts, a => Assert.Equal("IsReserved=true", a.Body));
    }

    [Fact]
    public async Task Without_a_resilience_handler_a_503_is_an_ApiException()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        fixture.Emulator.FailNext(1, 503);

        var error = await Assert.ThrowsAsync<ApiException>(() => fixture.Client.ListServiceAsync());

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Single(fixture.Emulator.Requests);
    }
}
