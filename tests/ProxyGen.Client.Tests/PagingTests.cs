using ProxyGen.Client.Tests.Proxy;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>Twilio paging: the page method returns one page; the All method follows <c>meta.next_page_url</c> to the end.</summary>
public class PagingTests
{
    [Fact]
    public async Task ListShortCodeAllAsync_walks_every_page_by_next_page_url()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, created) = await fixture.CreateServiceWithShortCodesAsync(7);

        fixture.Emulator.ClearRequests();
        var streamed = new List<string>();
        await foreach (var shortCode in fixture.Client.ListShortCodeAllAsync(service.Sid!, new() { PageSize = 3 }))
        {
            streamed.Add(shortCode.Sid!);
        }

        Assert.Equal(created, streamed);
        var requests = fixture.Emulator.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal($"/v1/Services/{service.Sid}/ShortCodes", r.Path));
        Assert.Equal(["?PageSize=3", "?PageSize=3&Page=1", "?PageSize=3&Page=2"], requests.Select(r => r.Query));
        Assert.All(requests, r => Assert.StartsWith("Basic ", r.Header("Authorization")));
    }

    [Fact]
    public async Task ListShortCodeAsync_returns_one_page_with_its_meta()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, _) = await fixture.CreateServiceWithShortCodesAsync(4);

        var page = await fixture.Client.ListShortCodeAsync(service.Sid!, new() { PageSize = 3 });

        Assert.Equal(3, page.ShortCodes!.Count);
        Assert.Equal(3, page.Meta!.PageSize);
        Assert.Equal("short_codes", page.Meta.Key);
        Assert.Null(page.Meta.PreviousPageUrl);
        Assert.Equal(new Uri(fixture.Emulator.BaseAddress, $"/v1/Services/{service.Sid}/ShortCodes?PageSize=3&Page=1"), page.Meta.NextPageUrl);
    }

    [Fact]
    public async Task Stopping_the_enumeration_early_fetches_no_further_pages()
    {
        await using var fixture = await EmulatorFixture.StartAsync();
        var (service, _) = await fixture.CreateServiceWithShortCodesAsync(5);

        fixture.Emulator.ClearRequests();
        await foreach (var _ in fixture.Client.ListShortCodeAllAsync(service.Sid!, new() { PageSize = 2 }))
        {
            break;
        }

        Assert.Single(fixture.Emulator.Requests);
    }
}
