using System.Net;
using System.Net.Sockets;
using System.Text;
using ProxyGen.Client.Tests.Proxy;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// A server on 127.0.0.1 that sends its status and headers, part of the body, and then resets the connection (TCP RST):
/// the caller gets an <see cref="HttpRequestException"/> or an <see cref="ApiException"/>, never a bare IOException.
/// </summary>
public class BrokenConnectionTests
{
    private const string ServiceSid = "KS00000000000000000000000000000001";
    private const string ShortCodeSid = "SC00000000000000000000000000000001";

    /// <summary>Answers one request with <paramref name="head"/> and <paramref name="partialBody"/>, then resets the connection.</summary>
    private static async Task<(Uri BaseAddress, Task Served)> StartAsync(string head, string partialBody)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = Task.Run(async () =>
        {
            try
            {
                using var socket = await listener.AcceptSocketAsync();
                var request = new byte[64 * 1024];
                var received = new StringBuilder();
                while (!received.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    var read = await socket.ReceiveAsync(request, SocketFlags.None);
                    if (read == 0)
                    {
                        return;
                    }

                    received.Append(Encoding.ASCII.GetString(request, 0, read));
                }

                // The form body of the request, if any, is left unread: the reset comes regardless.
                await socket.SendAsync(Encoding.ASCII.GetBytes(head + "\r\n\r\n" + partialBody), SocketFlags.None);
                await Task.Delay(100);
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }
            finally
            {
                listener.Stop();
            }
        });
        await Task.Yield();
        return (new Uri($"http://127.0.0.1:{port}"), served);
    }

    private static ProxyV1Client ClientFor(Uri baseAddress) =>
        new(new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, new ApiClientOptions { BaseAddress = baseAddress, Username = "AC00000000000000000000000000000001", Password = "not-a-real-token" });

    private const string PartialShortCode = "{\"sid\":\"" + ShortCodeSid + "\",\"is_reserved\":tr";

    [Fact]
    public async Task A_reset_in_a_200_body_with_Content_Length_is_an_HttpRequestException()
    {
        var (address, served) = await StartAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 500", PartialShortCode);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => ClientFor(address).UpdateShortCodeAsync(ServiceSid, ShortCodeSid, new() { IsReserved = true }));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        await served;
    }

    [Fact]
    public async Task A_reset_in_a_chunked_200_body_is_an_HttpRequestException()
    {
        var chunk = PartialShortCode.Length.ToString("x") + "\r\n" + PartialShortCode + "\r\n";
        var (address, served) = await StartAsync("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", chunk);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => ClientFor(address).FetchShortCodeAsync(ServiceSid, ShortCodeSid));

        Assert.Equal(HttpRequestError.ResponseEnded, error.HttpRequestError);
        await served;
    }

    [Fact]
    public async Task A_reset_in_a_500_body_is_an_ApiException_with_the_status_and_what_arrived()
    {
        var body = "{\"code\": 20500, \"message\": \"Internal";
        var (address, served) = await StartAsync("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\nContent-Length: 400", body);

        var error = await Assert.ThrowsAsync<ApiException>(() => ClientFor(address).FetchShortCodeAsync(ServiceSid, ShortCodeSid));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(ApiErrorKind.HttpError, error.Kind);
        Assert.True(error.IsResponseBodyTruncated);
        Assert.Equal(body, error.ResponseBody);
        await served;
    }
}
