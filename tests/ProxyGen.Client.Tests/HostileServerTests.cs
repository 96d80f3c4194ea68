using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using ProxyGen.Client.Tests.Proxy;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// The generated client pointed at a server that lies, stalls, redirects or sends more than asked, on 127.0.0.1.
/// Credentials go only to the origin the caller configured; nothing the server sends makes the client hang,
/// hold unbounded memory, loop, or report success for what it did not do. See docs/security.md.
/// </summary>
public class HostileServerTests
{
    private const string Password = "secret-token-7c1d9e";
    private const string ServiceSid = "KS00000000000000000000000000000001";
    private const string ShortCodeSid = "SC00000000000000000000000000000001";

    private static ProxyV1Client ClientFor(LoopbackServer server, HttpClient? http = null, Action<ApiClientOptions>? configure = null)
    {
        var options = new ApiClientOptions { BaseAddress = server.BaseAddress, Username = "AC00000000000000000000000000000001", Password = Password };
        configure?.Invoke(options);
        return new ProxyV1Client(http ?? new HttpClient(), options);
    }

    private static string Page(string? next) =>
        "{\"short_codes\":[{\"sid\":\"" + ShortCodeSid + "\"}],\"meta\":{\"key\":\"short_codes\",\"next_page_url\":"
        + (next is null ? "null" : "\"" + next + "\"") + "}}";

    private static async Task<List<string>> WalkAsync(ProxyV1Client client)
    {
        var sids = new List<string>();
        await foreach (var item in client.ListShortCodeAllAsync(ServiceSid).WithCancellation(new CancellationTokenSource(TimeSpan.FromMinutes(1)).Token))
        {
            sids.Add(item.Sid!);
        }

        return sids;
    }

    // 5. Credentials leak through a relative next_page_url.
    [Theory]
    [InlineData("@127.0.0.1:{other}/v1/Services/KS/ShortCodes")]
    [InlineData(".evil.example/x")]
    [InlineData("..%2F..%2F@127.0.0.1:{other}/x")]
    public async Task A_relative_next_page_link_stays_on_the_base_address_origin(string link)
    {
        await using var other = await LoopbackServer.JsonAsync(Page(null));
        var served = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.WriteJson(context, Interlocked.Increment(ref served) == 1 ? Page(link.Replace("{other}", other.BaseAddress.Port.ToString())) : Page(null)));

        var sids = await WalkAsync(ClientFor(server));

        Assert.Equal(2, sids.Count);
        Assert.Empty(other.Requests);
        Assert.Equal(2, server.Requests.Count);
        Assert.StartsWith("/", server.Requests[1].RawTarget);
    }

    [Theory]
    [InlineData("//127.0.0.1:{other}/v1/Services/KS/ShortCodes")]
    [InlineData("http://127.0.0.1:{other}/v1/Services/KS/ShortCodes")]
    [InlineData("http://user:pw@127.0.0.1:{other}/x")]
    [InlineData("https://127.0.0.1:{port}/x")]
    public async Task A_next_page_link_to_another_origin_is_refused_and_gets_no_credentials(string link)
    {
        await using var other = await LoopbackServer.JsonAsync(Page(null));
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.WriteJson(context, Page(link.Replace("{other}", other.BaseAddress.Port.ToString()).Replace("{port}", context.Request.Host.Port.ToString()))));

        var error = await Assert.ThrowsAsync<ApiException>(() => WalkAsync(ClientFor(server)));

        Assert.Equal(ApiErrorKind.NextPageRefused, error.Kind);
        Assert.Empty(other.Requests);
        Assert.Single(server.Requests);
        Assert.DoesNotContain("pw", error.ToString());
    }

    // 9. Paging loops forever when next_page_url repeats.
    [Fact]
    public async Task A_next_page_link_that_repeats_stops_the_walk_with_an_ApiException()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
            LoopbackServer.WriteJson(context, Page(context.Request.Query["Page"] == "1" ? "/v1/Services/KS/ShortCodes?Page=2" : "/v1/Services/KS/ShortCodes?Page=1")));

        var error = await Assert.ThrowsAsync<ApiException>(() => WalkAsync(ClientFor(server)));

        Assert.Equal(ApiErrorKind.NextPageRefused, error.Kind);
        Assert.Contains("second time", error.Message);
        Assert.Equal(3, server.Requests.Count);
    }

    [Theory]
    [InlineData("http://[bad")]
    [InlineData("http://exa mple.com:99999/")]
    public async Task A_next_page_link_that_is_not_a_URI_is_an_ApiException_not_a_UriFormatException(string link)
    {
        await using var server = await LoopbackServer.JsonAsync(Page(link));

        var error = await Assert.ThrowsAsync<ApiException>(() => WalkAsync(ClientFor(server)));

        Assert.Equal(ApiErrorKind.InvalidBody, error.Kind);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task PageLinks_refuses_a_link_string_that_is_not_a_URI()
    {
        var links = new PageLinks();

        var error = Assert.Throws<ApiException>(() => links.Next("http://[bad"));

        Assert.Equal(ApiErrorKind.NextPageRefused, error.Kind);
        Assert.Null(error.StatusCode);
    }

    // 6. Header injection / request splitting.
    [Theory]
    [InlineData("my-app/1.0\r\nX-Injected: yes")]
    [InlineData("my-app/1.0\nGET /v1/Services HTTP/1.1")]
    [InlineData("my-app\0")]
    public async Task A_User_Agent_with_a_line_break_is_refused_before_anything_is_sent(string userAgent)
    {
        await using var server = await LoopbackServer.JsonAsync(Page(null));

        var error = Assert.Throws<ArgumentException>(() => ClientFor(server, configure: o => o.UserAgent = userAgent));

        Assert.Contains("UserAgent", error.Message);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("X-Trace", "a\r\nAuthorization: Basic eA==")]
    [InlineData("X-Trace", "a\nb")]
    [InlineData("X-Trace", "a\u0000b")]
    [InlineData("X-Trace\r\nX-Injected", "a")]
    [InlineData("X Trace", "a")]
    [InlineData("", "a")]
    public async Task Header_names_and_values_with_control_characters_are_refused_naming_the_header(string name, string value)
    {
        await using var server = await LoopbackServer.JsonAsync("{}");
        var connection = new ApiConnection(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress, Username = "AC1", Password = Password }, null);
        var headers = new ParameterList();
        headers.Add(name, value);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            connection.SendAsync(new ApiRequest(HttpMethod.Get, "/x") { Headers = headers }, CancellationToken.None));

        Assert.Equal(name, error.ParamName);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task A_header_value_with_a_tab_is_sent()
    {
        await using var server = await LoopbackServer.JsonAsync("{}");
        var connection = new ApiConnection(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress }, null);
        var headers = new ParameterList();
        headers.Add("X-Trace", "a\tb");

        await connection.SendAsync(new ApiRequest(HttpMethod.Get, "/x") { Headers = headers }, CancellationToken.None);

        Assert.Equal("a\tb", Assert.Single(server.Requests).Headers["X-Trace"]);
    }

    [Fact]
    public async Task Line_breaks_the_server_sends_never_reach_the_exception_message_raw()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"code":20001,"message":"bad\r\nINFO forged log line\u001b[31m","more_info":"https://x/\r\ny"}""", 400);

        var error = await Assert.ThrowsAsync<ApiException>(() => ClientFor(server).FetchServiceAsync(ServiceSid));

        Assert.DoesNotContain('\r', error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.DoesNotContain('\u001b', error.Message);
        Assert.Contains("forged log line", error.Message);
        Assert.Equal("bad\r\nINFO forged log line\u001b[31m", error.ServerMessage);
    }

    // 7. '.' and '..' path arguments escape their segment.
    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("")]
    public async Task Dot_segments_and_empty_path_arguments_are_refused_for_every_operation(string value)
    {
        await using var server = await LoopbackServer.JsonAsync("{}");
        var client = ClientFor(server);

        foreach (var (method, arguments) in OperationCalls(value))
        {
            var error = await Assert.ThrowsAnyAsync<ArgumentException>(async () => await Invoke(client, method, arguments));
            Assert.False(string.IsNullOrEmpty(error.ParamName), method.Name);
        }

        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("a?b=c")]
    [InlineData("a#b")]
    [InlineData("100%")]
    [InlineData("%2E%2E")]
    [InlineData("a\r\nX-Injected: yes")]
    [InlineData("a b")]
    [InlineData("ü€😀")]
    [InlineData("...")]
    [InlineData("./")]
    public async Task Every_path_argument_of_every_operation_stays_one_segment(string value)
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Response.WriteAsync(""));
        var client = ClientFor(server);
        var calls = OperationCalls(value).ToList();

        foreach (var (method, arguments) in calls)
        {
            try
            {
                await Invoke(client, method, arguments);
            }
            catch (ApiException)
            {
                // The empty body is not the model; only what was sent matters here.
            }
        }

        Assert.Equal(calls.Count, server.Requests.Count);
        foreach (var (received, (method, _)) in server.Requests.Zip(calls))
        {
            var template = PathOf(method);
            var path = received.RawTarget.Split('?')[0];
            var segments = path.Split('/');
            Assert.Equal(template.Split('/').Length, segments.Length);
            for (var i = 0; i < segments.Length; i++)
            {
                if (template.Split('/')[i].StartsWith('{'))
                {
                    Assert.Equal(value, Uri.UnescapeDataString(segments[i]));
                }
            }
        }
    }

    /// <summary>Each method of the client interface that has string path arguments, called with <paramref name="value"/> in all of them.</summary>
    private static IEnumerable<(System.Reflection.MethodInfo Method, object?[] Arguments)> OperationCalls(string value)
    {
        foreach (var method in typeof(IProxyV1Client).GetMethods().Where(m => m.ReturnType.IsGenericType ? m.ReturnType.GetGenericTypeDefinition() == typeof(Task<>) : m.ReturnType == typeof(Task)))
        {
            var parameters = method.GetParameters();
            if (!parameters.Any(p => p.ParameterType == typeof(string)))
            {
                continue;
            }

            yield return (method, parameters.Select(p => p.ParameterType == typeof(string)
                ? value
                : p.ParameterType == typeof(CancellationToken) ? (object?)CancellationToken.None
                : p.HasDefaultValue ? null : Activator.CreateInstance(p.ParameterType)).ToArray());
        }
    }

    private static async Task Invoke(ProxyV1Client client, System.Reflection.MethodInfo method, object?[] arguments)
    {
        try
        {
            await (Task)method.Invoke(client, arguments)!;
        }
        catch (System.Reflection.TargetInvocationException exception) when (exception.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(exception.InnerException).Throw();
        }
    }

    /// <summary>The path template from the generated XML doc remarks is not available at run time; the spec's paths are.</summary>
    private static string PathOf(System.Reflection.MethodInfo method) => SpecPaths.Value[method.Name[..^"Async".Length]];

    private static readonly Lazy<Dictionary<string, string>> SpecPaths = new(() =>
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        string? path = null;
        foreach (var line in File.ReadLines(Path.Combine(TestPaths.RepoRoot(), "specs", "proxy_v1.yaml")))
        {
            if (line.StartsWith("  /", StringComparison.Ordinal))
            {
                path = line.Trim().TrimEnd(':');
            }
            else if (line.TrimStart().StartsWith("operationId:", StringComparison.Ordinal) && path is not null)
            {
                paths[line.Split(':')[1].Trim()] = path;
            }
        }

        return paths;
    });

    // 8. No bounds after the headers arrive.
    [Fact]
    public async Task A_body_that_stalls_after_the_headers_is_cut_off_by_the_HttpClient_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"sid\":");
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var http = new HttpClient { Timeout = TimeSpan.FromMilliseconds(500) };

        var call = ClientFor(server, http).FetchServiceAsync(ServiceSid);
        var finished = await Task.WhenAny(call, Task.Delay(TimeSpan.FromMinutes(1)));

        Assert.Same(call, finished);
        var error = await Assert.ThrowsAsync<TaskCanceledException>(() => call);
        Assert.IsType<TimeoutException>(error.InnerException);
    }

    [Fact]
    public async Task The_callers_cancellation_still_reads_as_cancellation_not_timeout()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await context.Response.Body.FlushAsync();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ClientFor(server).FetchServiceAsync(ServiceSid, cancel.Token));

        Assert.Null(error.InnerException as TimeoutException);
    }

    [Fact]
    public async Task A_body_larger_than_MaxResponseBytes_is_refused_without_reading_it_all()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            var chunk = Encoding.UTF8.GetBytes("[" + new string(' ', 64 * 1024 - 1));
            try
            {
                for (var i = 0; i < 4096 && !context.RequestAborted.IsCancellationRequested; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
            }
        });
        var counter = new ReadCountingHandler(new SocketsHttpHandler());

        var error = await Assert.ThrowsAsync<ApiException>(() =>
            ClientFor(server, new HttpClient(counter), o => o.MaxResponseBytes = 1024 * 1024).FetchServiceAsync(ServiceSid));

        Assert.Equal(ApiErrorKind.ResponseTooLarge, error.Kind);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.InRange(counter.BytesRead, 1024 * 1024, 2 * 1024 * 1024);
    }

    /// <summary>Counts the response body bytes the client itself reads (the handler's own draining is below it).</summary>
    private sealed class ReadCountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private long _bytesRead;

        public long BytesRead => Interlocked.Read(ref _bytesRead);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            var counted = new StreamContent(new CountingStream(await response.Content.ReadAsStreamAsync(cancellationToken), this));
            foreach (var header in response.Content.Headers)
            {
                counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }

            response.Content = counted;
            return response;
        }

        private sealed class CountingStream(Stream inner, ReadCountingHandler owner) : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
            public override void Flush() { }
            public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
            public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Count(await inner.ReadAsync(buffer, cancellationToken));
            public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
            protected override void Dispose(bool disposing)
            {
                if (disposing)
                {
                    inner.Dispose();
                }

                base.Dispose(disposing);
            }

            private int Count(int read)
            {
                Interlocked.Add(ref owner._bytesRead, read);
                return read;
            }
        }
    }

    [Fact]
    public async Task A_declared_Content_Length_over_the_limit_is_refused_at_once_and_HttpClient_MaxResponseContentBufferSize_counts()
    {
        await using var server = await LoopbackServer.JsonAsync("{\"sid\":\"" + new string('K', 5000) + "\"}");
        using var http = new HttpClient { MaxResponseContentBufferSize = 1000 };

        var error = await Assert.ThrowsAsync<ApiException>(() => ClientFor(server, http).FetchServiceAsync(ServiceSid));

        Assert.Equal(ApiErrorKind.ResponseTooLarge, error.Kind);
        Assert.Contains("1000 bytes", error.Message);
    }

    [Fact]
    public async Task A_huge_error_body_keeps_only_a_bounded_prefix()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.StatusCode = 500;
            var chunk = Encoding.UTF8.GetBytes(new string('e', 64 * 1024));
            try
            {
                for (var i = 0; i < 1024; i++)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException)
            {
            }
        });

        var error = await Assert.ThrowsAsync<ApiException>(() => ClientFor(server).FetchServiceAsync(ServiceSid));

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(ApiException.MaxErrorBodyBytes, error.ResponseBody!.Length);
        Assert.True(error.IsResponseBodyTruncated);
        Assert.True(error.Message.Length < 1000, error.Message.Length.ToString());
    }

    // 10. A 302 on a POST silently becomes a GET.
    [Fact]
    public async Task A_redirected_POST_is_an_ApiException_naming_the_location_not_a_silent_GET()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            if (context.Request.Method == "POST")
            {
                context.Response.StatusCode = 302;
                context.Response.Headers.Location = "/elsewhere";
                return Task.CompletedTask;
            }

            return LoopbackServer.WriteJson(context, $$"""{"sid":"{{ShortCodeSid}}","is_reserved":false}""");
        });

        var error = await Assert.ThrowsAsync<ApiException>(() => ClientFor(server).UpdateShortCodeAsync(ServiceSid, ShortCodeSid, new() { IsReserved = true }));

        Assert.Equal(ApiErrorKind.RedirectRefused, error.Kind);
        Assert.Contains("/elsewhere", error.Message);
        Assert.Equal(HttpMethod.Post, error.Method);
    }

    [Fact]
    public async Task A_redirect_the_HttpClient_does_not_follow_is_an_ApiException_naming_the_location()
    {
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 307;
            context.Response.Headers.Location = "https://user:pw@elsewhere.example/x";
            return Task.CompletedTask;
        });
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });

        var error = await Assert.ThrowsAsync<ApiException>(() => ClientFor(server, http).UpdateShortCodeAsync(ServiceSid, ShortCodeSid, new() { IsReserved = true }));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, error.StatusCode);
        Assert.Contains("elsewhere.example/x", error.Message);
        Assert.DoesNotContain("pw", error.Message);
    }

    [Fact]
    public async Task Credentials_never_follow_a_redirect_to_another_origin()
    {
        await using var other = await LoopbackServer.JsonAsync($$"""{"sid":"{{ServiceSid}}"}""");
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = new Uri(other.BaseAddress, "/v1/Services/" + ServiceSid).ToString();
            return Task.CompletedTask;
        });

        await ClientFor(server).FetchServiceAsync(ServiceSid);

        Assert.StartsWith("Basic ", Assert.Single(server.Requests).Authorization);
        Assert.Null(Assert.Single(other.Requests).Authorization);
    }

    // 11. http:// with credentials; passwords in the base address.
    [Fact]
    public void Basic_auth_over_plain_http_to_another_host_is_refused_unless_allowed()
    {
        var options = new ApiClientOptions { BaseAddress = new Uri("http://proxy.example.com"), Username = "AC1", Password = Password };

        var error = Assert.Throws<ArgumentException>(() => new ProxyV1Client(new HttpClient(), options));
        Assert.Contains("AllowInsecureHttp", error.Message);
        Assert.DoesNotContain(Password, error.Message);

        options.AllowInsecureHttp = true;
        _ = new ProxyV1Client(new HttpClient(), options);
        _ = new ProxyV1Client(new HttpClient(), new ApiClientOptions { BaseAddress = new Uri("http://proxy.example.com") });
        _ = new ProxyV1Client(new HttpClient(), new ApiClientOptions { BaseAddress = new Uri("http://localhost:8080"), Username = "AC1", Password = Password });
    }

    [Fact]
    public void A_password_in_the_base_address_is_refused_and_never_printed()
    {
        var options = new ApiClientOptions { BaseAddress = new Uri($"https://AC1:{Password}@proxy.example.com/") };

        var error = Assert.Throws<ArgumentException>(() => new ProxyV1Client(new HttpClient(), options));
        var fromHttpClient = Assert.Throws<ArgumentException>(() => new ProxyV1Client(new HttpClient { BaseAddress = options.BaseAddress }, new ApiClientOptions()));

        Assert.DoesNotContain(Password, error.ToString());
        Assert.DoesNotContain(Password, fromHttpClient.ToString());
        Assert.DoesNotContain(Password, options.ToString());
    }

    // 12. Trailing data after the JSON value; a UTF-8 BOM.
    [Theory]
    [InlineData("{\"sid\":\"KS1\"} garbage")]
    [InlineData("{\"sid\":\"KS1\"}{\"sid\":\"KS2\"}")]
    [InlineData("{\"sid\":\"KS1\"")]
    [InlineData("")]
    public async Task A_body_that_is_not_exactly_one_JSON_value_is_an_ApiException(string body)
    {
        await using var server = await LoopbackServer.JsonAsync(body);

        var error = await Assert.ThrowsAsync<ApiException>(() => ClientFor(server).FetchServiceAsync(ServiceSid));

        Assert.Equal(ApiErrorKind.InvalidBody, error.Kind);
        Assert.Equal(body, error.ResponseBody);
    }

    [Fact]
    public async Task A_UTF8_byte_order_mark_and_trailing_whitespace_are_accepted()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync("\uFEFF{\"sid\":\"KS1\"} \r\n\t"u8.ToArray());
        });

        var service = await ClientFor(server).FetchServiceAsync(ServiceSid);

        Assert.Equal("KS1", service.Sid);
    }
}
