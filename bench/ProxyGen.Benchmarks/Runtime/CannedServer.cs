using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProxyGen.Benchmarks.Runtime;

/// <summary>
/// Kestrel on 127.0.0.1 answering the three calls the runtime group makes with fixed JSON shaped like the spec's
/// examples: the same bytes for every client, prepared once, so that only the clients differ.
/// </summary>
public sealed class CannedServer : IAsyncDisposable
{
    public const string AddressVariable = "PROXYGEN_BENCH_SERVER";
    public const string ServiceSid = "KS00000000000000000000000000000000";
    public const string ShortCodeSid = "SC00000000000000000000000000000000";
    public const int PageSize = 50;
    public const int Pages = 3;

    private readonly WebApplication _app;

    private CannedServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The server named by <see cref="AddressVariable"/>, or, when the benchmark runs on its own, a new one here.</summary>
    public static async Task<(Uri Address, CannedServer? Owned)> FindOrStartAsync()
    {
        if (Environment.GetEnvironmentVariable(AddressVariable) is { Length: > 0 } address)
        {
            return (new Uri(address), null);
        }

        var server = await StartAsync();
        return (server.BaseAddress, server);
    }

    public static async Task<CannedServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new CannedServer(app);
        var service = Encoding.UTF8.GetBytes(Json.Service);
        var shortCode = Encoding.UTF8.GetBytes(Json.ShortCode(ShortCodeSid));
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? string.Empty;
            byte[] body;
            if (context.Request.Method == "POST" && path == "/v1/Services/" + ServiceSid)
            {
                body = service;
            }
            else if (context.Request.Method == "POST" && path == $"/v1/Services/{ServiceSid}/ShortCodes/{ShortCodeSid}")
            {
                body = shortCode;
            }
            else if (context.Request.Method == "GET" && path == $"/v1/Services/{ServiceSid}/ShortCodes")
            {
                var page = int.TryParse(context.Request.Query["Page"], out var n) ? n : 0;
                body = Encoding.UTF8.GetBytes(Json.Page(server.BaseAddress, page, page + 1 < Pages));
            }
            else
            {
                context.Response.StatusCode = 404;
                return;
            }

            // Read the request body like a server would, so every client pays for sending it.
            await context.Request.Body.CopyToAsync(Stream.Null);
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body);
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The response bodies, as Twilio sends them (the spec's example values).</summary>
public static class Json
{
    public const string Service = """
        {"sid":"KS00000000000000000000000000000000","unique_name":"Support line","account_sid":"AC00000000000000000000000000000000","chat_instance_sid":"IS00000000000000000000000000000000","callback_url":"https://www.example.com/proxy/callback","default_ttl":3600,"number_selection_behavior":"prefer-sticky","geo_match_level":"country","intercept_callback_url":"https://www.example.com/proxy/intercept","out_of_session_callback_url":"https://www.example.com/proxy/out-of-session","date_created":"2015-07-30T20:00:00Z","date_updated":"2015-07-30T20:00:00Z","url":"https://proxy.twilio.com/v1/Services/KS00000000000000000000000000000000","links":{"sessions":"https://proxy.twilio.com/v1/Services/KS00000000000000000000000000000000/Sessions","phone_numbers":"https://proxy.twilio.com/v1/Services/KS00000000000000000000000000000000/PhoneNumbers","short_codes":"https://proxy.twilio.com/v1/Services/KS00000000000000000000000000000000/ShortCodes"}}
        """;

    public static string ShortCode(string sid) =>
        $$"""{"sid":"{{sid}}","account_sid":"AC00000000000000000000000000000000","service_sid":"KS00000000000000000000000000000000","date_created":"2015-07-30T20:00:00Z","date_updated":"2015-07-30T20:00:00Z","short_code":"12345","iso_country":"US","capabilities":{"fax":false,"mms":true,"sms":true,"voice":false},"url":"https://proxy.twilio.com/v1/Services/KS00000000000000000000000000000000/ShortCodes/{{sid}}","is_reserved":true}""";

    /// <summary>One page of <see cref="CannedServer.PageSize"/> short codes; <paramref name="hasNext"/> links the next one.</summary>
    public static string Page(Uri server, int page, bool hasNext)
    {
        var items = string.Join(",", Enumerable.Range(0, CannedServer.PageSize).Select(i => ShortCode("SC" + (page * CannedServer.PageSize + i).ToString("D32", System.Globalization.CultureInfo.InvariantCulture))));
        var listUrl = new Uri(server, $"/v1/Services/{CannedServer.ServiceSid}/ShortCodes");
        var next = hasNext ? $"\"{listUrl}?PageSize={CannedServer.PageSize}&Page={page + 1}\"" : "null";
        var size = CannedServer.PageSize;
        return "{\"short_codes\":[" + items + "],\"meta\":{\"page\":" + page + ",\"page_size\":" + size
            + ",\"first_page_url\":\"" + listUrl + "?PageSize=" + size + "&Page=0\",\"previous_page_url\":null,\"url\":\"" + listUrl + "?PageSize=" + size + "&Page=" + page
            + "\",\"next_page_url\":" + next + ",\"key\":\"short_codes\"}}";
    }
}
