using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>What already held before the hardening, kept as regression tests: one client shared by many callers at once.</summary>
public class ConcurrencyTests
{
    [Fact]
    public async Task Two_thousand_calls_with_64_in_flight_through_one_client_all_succeed()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, shortCode) = await fixture.CreateServiceWithShortCodeAsync();
        using var gate = new SemaphoreSlim(64);
        var failures = 0;

        await Task.WhenAll(Enumerable.Range(0, 2000).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                var updated = await fixture.Client.UpdateShortCodeAsync(service.Sid!, shortCode.Sid!, new() { IsReserved = i % 2 == 0 });
                if (updated.Sid != shortCode.Sid)
                {
                    Interlocked.Increment(ref failures);
                }
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failures);
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.Equal(0, failures);
        Assert.Equal(2000, fixture.Emulator.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith(shortCode.Sid!, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Two_hundred_concurrent_three_page_streams_each_see_every_item_once()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, sids) = await fixture.CreateServiceWithShortCodesAsync(6);

        var walks = await Task.WhenAll(Enumerable.Range(0, 200).Select(async _ =>
        {
            var seen = new List<string>();
            await foreach (var item in fixture.Client.ListShortCodeAllAsync(service.Sid!, new() { PageSize = 2 }))
            {
                seen.Add(item.Sid!);
            }

            return seen;
        }));

        Assert.All(walks, walk => Assert.Equal(sids, walk));
    }

    [Fact]
    public async Task No_error_the_client_raises_carries_the_password()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, _) = await fixture.CreateServiceWithShortCodeAsync();
        var errors = new List<Exception>();
        async Task Collect(Func<Task> call)
        {
            try
            {
                await call();
            }
            catch (Exception exception)
            {
                errors.Add(exception);
            }
        }

        var wrong = new Proxy.ProxyV1Client(fixture.Http, EmulatorFixture.Options(fixture.Emulator, "wrong-" + fixture.Emulator.AuthToken));
        await Collect(() => wrong.ListServiceAsync());
        await Collect(() => fixture.Client.FetchShortCodeAsync(service.Sid!, EmulatorFixture.NewShortCodeSid()));
        await Collect(() => fixture.Client.DeleteShortCodeAsync(service.Sid!, ".."));
        fixture.Emulator.FailNext(1, 500, plainText: "boom");
        await Collect(() => fixture.Client.ListServiceAsync());
        await Collect(() => Task.FromResult(new Proxy.ProxyV1Client(new HttpClient(), new ApiClientOptions
        {
            BaseAddress = new Uri($"http://{fixture.Emulator.AccountSid}:{fixture.Emulator.AuthToken}@127.0.0.1/"),
        })));

        Assert.Equal(5, errors.Count);
        Assert.All(errors, error =>
        {
            Assert.DoesNotContain(fixture.Emulator.AuthToken, error.ToString());
            Assert.DoesNotContain(fixture.Emulator.AuthToken, (error as ApiException)?.ResponseBody ?? string.Empty);
            Assert.DoesNotContain(fixture.Emulator.AuthToken, (error as ApiException)?.RequestUri?.ToString() ?? string.Empty);
        });
    }
}
