using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using ProxyGen.Benchmarks.Proxy;
using ProxyGen.Runtime;
using Twilio.Clients;

namespace ProxyGen.Benchmarks.Runtime;

/// <summary>
/// One call over loopback HTTP, four ways, side by side: the hand-written floor (the baseline), ProxyGen's generated
/// client, System.Text.Json source generation, and Twilio's own SDK 8.2.0 (which no longer has short codes: the
/// 2026-02 spec dropped them, so it is in the UpdateService group only). Bytes are the stable figure; times on a
/// shared 2-core machine move by ±30 % between runs.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RuntimeBenchmarks
{
    private CannedServer? _owned;
    private FloorClient _floor = null!;
    private StjClient _stj = null!;
    private ProxyV1Client _proxyGen = null!;
    private TwilioRestClient _twilio = null!;

    [GlobalSetup]
    public async Task StartAsync()
    {
        var (server, owned) = await CannedServer.FindOrStartAsync();
        _owned = owned;
        _floor = new FloorClient(FloorClient.CreateHttpClient(server));
        _stj = new StjClient(FloorClient.CreateHttpClient(server));
        _proxyGen = new ProxyV1Client(new HttpClient(), new ApiClientOptions { BaseAddress = server, Username = Credentials.User, Password = Credentials.Password });
        _twilio = RewritingHandler.CreateTwilioClient(server);
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true), BenchmarkCategory("UpdateService")]
    public Task<FloorService> UpdateService_Floor() => _floor.UpdateServiceAsync(CannedServer.ServiceSid, "Support line");

    [Benchmark, BenchmarkCategory("UpdateService")]
    public Task<Service> UpdateService_ProxyGen() => _proxyGen.UpdateServiceAsync(CannedServer.ServiceSid, new UpdateServiceRequest { UniqueName = "Support line" });

    [Benchmark, BenchmarkCategory("UpdateService")]
    public Task<StjService?> UpdateService_StjSourceGen() => _stj.UpdateServiceAsync(CannedServer.ServiceSid, "Support line");

    [Benchmark, BenchmarkCategory("UpdateService")]
    public Task<Twilio.Rest.Proxy.V1.ServiceResource> UpdateService_TwilioSdk() =>
        Twilio.Rest.Proxy.V1.ServiceResource.UpdateAsync(CannedServer.ServiceSid, uniqueName: "Support line", client: _twilio);

    [Benchmark(Baseline = true), BenchmarkCategory("UpdateShortCode")]
    public Task<FloorShortCode> UpdateShortCode_Floor() => _floor.UpdateShortCodeAsync(CannedServer.ServiceSid, CannedServer.ShortCodeSid, isReserved: true);

    [Benchmark, BenchmarkCategory("UpdateShortCode")]
    public Task<ShortCode> UpdateShortCode_ProxyGen() =>
        _proxyGen.UpdateShortCodeAsync(CannedServer.ServiceSid, CannedServer.ShortCodeSid, new UpdateShortCodeRequest { IsReserved = true });

    [Benchmark, BenchmarkCategory("UpdateShortCode")]
    public Task<StjShortCode?> UpdateShortCode_StjSourceGen() => _stj.UpdateShortCodeAsync(CannedServer.ServiceSid, CannedServer.ShortCodeSid, isReserved: true);

    [Benchmark(Baseline = true), BenchmarkCategory("ListShortCodeAll")]
    public async Task<int> ListShortCodeAll_StjSourceGen()
    {
        var count = 0;
        await foreach (var _ in _stj.ListShortCodeAllAsync(CannedServer.ServiceSid, CannedServer.PageSize))
        {
            count++;
        }

        return count;
    }

    [Benchmark, BenchmarkCategory("ListShortCodeAll")]
    public async Task<int> ListShortCodeAll_ProxyGen()
    {
        var count = 0;
        await foreach (var _ in _proxyGen.ListShortCodeAllAsync(CannedServer.ServiceSid, new ListShortCodeRequest { PageSize = CannedServer.PageSize }))
        {
            count++;
        }

        return count;
    }
}

/// <summary>Reading one page of 50 short codes from bytes already in memory: the model readers alone, no HTTP.</summary>
[MemoryDiagnoser]
public class PageReadBenchmarks
{
    private readonly byte[] _page = System.Text.Encoding.UTF8.GetBytes(Json.Page(new Uri("https://proxy.twilio.com"), 0, hasNext: true));

    [Benchmark(Baseline = true)]
    public StjShortCodePage? ReadPage_StjSourceGen() => System.Text.Json.JsonSerializer.Deserialize(_page, StjContext.Default.StjShortCodePage);

    [Benchmark]
    public ListShortCodeResponse ReadPage_ProxyGen()
    {
        var reader = new System.Text.Json.Utf8JsonReader(_page);
        reader.Read();
        return ListShortCodeResponse.ReadJson(ref reader);
    }
}
