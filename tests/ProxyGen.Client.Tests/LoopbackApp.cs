using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ProxyGen.Client.Tests;

/// <summary>An ASP.NET Core app on 127.0.0.1 and a free port, quiet, started: what every test server here is built on.</summary>
internal static class LoopbackApp
{
    /// <param name="map">Adds the app's middleware and endpoints before it starts.</param>
    /// <param name="services">Registers what the endpoints need (a test's recorder, say).</param>
    public static async Task<(WebApplication App, Uri Address)> StartAsync(Action<WebApplication> map, Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        services?.Invoke(builder.Services);
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return (app, new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
    }
}
