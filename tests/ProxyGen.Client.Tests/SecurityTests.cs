using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Polly;
using ProxyGen.Client.Tests.Vault;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Authentication as tests/specs/security_schemes.yaml declares it, on 127.0.0.1: each operation sends exactly the
/// credentials its requirement names, OAuth2 client credentials are fetched once, shared and refreshed, and a token
/// endpoint that lies gets a typed error, never a hang or a loop.
/// </summary>
public class SecurityTests
{
    private const string Page = """{"items":["a"]}""";

    /// <summary>A loopback server with a token endpoint at /oauth/token and the API under /v1.</summary>
    private sealed class Vault : IAsyncDisposable
    {
        private int _tokens;

        public required LoopbackServer Server { get; init; }

        public int TokenRequests => _tokens;

        /// <summary>What the token endpoint answers; the default gives token-1, token-2… for an hour.</summary>
        public Func<int, (int Status, string ContentType, string Body)> TokenAnswer { get; set; } =
            n => (200, "application/json", $$"""{"access_token":"token-{{n}}","token_type":"Bearer","expires_in":3600}""");

        /// <summary>What the API answers to a request carrying <c>Authorization</c>; the default is 200 with a page.</summary>
        public Func<string?, int> ApiStatus { get; set; } = _ => 200;

        public IEnumerable<LoopbackServer.Received> ApiRequests => Server.Requests.Where(r => r.RawTarget.StartsWith("/v1/", StringComparison.Ordinal));

        public static async Task<Vault> StartAsync()
        {
            Vault? vault = null;
            var server = await LoopbackServer.StartAsync(async context =>
            {
                if (context.Request.Path == "/oauth/token")
                {
                    var (status, type, body) = vault!.TokenAnswer(Interlocked.Increment(ref vault._tokens));
                    await Task.Delay(50);
                    context.Response.StatusCode = status;
                    context.Response.ContentType = type;
                    await context.Response.WriteAsync(body);
                    return;
                }

                var code = vault!.ApiStatus(context.Request.Headers.Authorization.FirstOrDefault());
                if (code == 401)
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                }

                await LoopbackServer.WriteJson(context, code == 200 ? Page : """{"message":"no"}""", code);
            });
            vault = new Vault { Server = server };
            return vault;
        }

        public Uri TokenUrl => new(Server.BaseAddress, "/oauth/token");

        public VaultClient Client(VaultClientCredentials credentials, HttpClient? http = null) =>
            new(http ?? new HttpClient(), new ApiClientOptions { BaseAddress = new Uri(Server.BaseAddress, "/v1"), Credentials = credentials });

        public OAuth2ClientCredentials OAuth(TimeProvider? clock = null) => new()
        {
            ClientId = "service-1",
            ClientSecret = "s3cret/+=",
            Scopes = ["secrets.read"],
            TokenUrl = TokenUrl,
            TimeProvider = clock ?? TimeProvider.System,
        };

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    [Fact]
    public async Task Two_header_keys_of_one_requirement_are_both_sent_and_nothing_else()
    {
        await using var vault = await Vault.StartAsync();
        var client = vault.Client(new VaultClientCredentials { KeyId = "id-1", KeySecret = "secret-1", Token = "unused", QueryKey = "unused" });

        await client.FetchWithKeyPairAsync();

        var request = Assert.Single(vault.Server.Requests);
        Assert.Equal("id-1", request.Headers["X-Key-Id"]);
        Assert.Equal("secret-1", request.Headers["X-Key-Secret"]);
        Assert.Null(request.Authorization);
        Assert.Equal("/v1/pair", request.RawTarget);
    }

    [Fact]
    public async Task A_query_key_is_sent_and_kept_out_of_the_errors_message_and_address()
    {
        await using var vault = await Vault.StartAsync();
        vault.ApiStatus = _ => 500;
        var client = vault.Client(new VaultClientCredentials { QueryKey = "k&y=1" });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.FetchWithQueryKeyAsync(new FetchWithQueryKeyRequest { Filter = "x" }));

        Assert.Equal("/v1/query?Filter=x&api_key=k%26y%3D1", Assert.Single(vault.Server.Requests).RawTarget);
        Assert.DoesNotContain("k&y", error.ToString());
        Assert.DoesNotContain("k%26y", error.ToString());
        Assert.DoesNotContain("api_key", error.RequestUri!.ToString());
    }

    [Fact]
    public async Task A_cookie_key_goes_in_the_Cookie_header()
    {
        await using var vault = await Vault.StartAsync();
        var client = vault.Client(new VaultClientCredentials { CookieKey = "c00kie" });

        await client.FetchWithCookieKeyAsync();

        Assert.Equal("session=c00kie", Assert.Single(vault.Server.Requests).Headers["Cookie"]);
    }

    [Fact]
    public async Task Bearer_and_basic_schemes_send_their_Authorization_and_a_token_provider_is_asked_each_time()
    {
        await using var vault = await Vault.StartAsync();
        var asked = 0;
        var client = vault.Client(new VaultClientCredentials
        {
            Token = new BearerToken(_ => ValueTask.FromResult("jwt-" + Interlocked.Increment(ref asked))),
            Basic = new BasicCredential { Username = "ann", Password = "pw" },
        });

        await client.FetchWithBearerAsync();
        await client.FetchWithBearerAsync();
        await client.FetchWithBasicAsync();

        var requests = vault.Server.Requests;
        Assert.Equal("Bearer jwt-1", requests[0].Authorization);
        Assert.Equal("Bearer jwt-2", requests[1].Authorization);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:pw")), requests[2].Authorization);
    }

    [Fact]
    public async Task An_operation_with_security_none_sends_no_credentials_at_all()
    {
        await using var vault = await Vault.StartAsync();
        var client = vault.Client(new VaultClientCredentials { KeyId = "id", KeySecret = "s", QueryKey = "q", CookieKey = "c", Token = "t", Basic = new BasicCredential { Username = "u", Password = "p" } });

        await client.FetchHealthAsync();

        var request = Assert.Single(vault.Server.Requests);
        Assert.Equal("/v1/health", request.RawTarget);
        Assert.Null(request.Authorization);
        Assert.False(request.Headers.ContainsKey("X-Key-Id"));
        Assert.False(request.Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task Alternatives_are_tried_in_the_specs_order_and_the_first_the_caller_has_is_sent()
    {
        await using var vault = await Vault.StartAsync();

        await vault.Client(new VaultClientCredentials { KeyId = "id", KeySecret = "s" }).CreateWithEitherAsync(new Page());
        await vault.Client(new VaultClientCredentials { KeyId = "id", KeySecret = "s", Oauth = vault.OAuth() }).CreateWithEitherAsync(new Page());

        var api = vault.ApiRequests.ToList();
        Assert.Equal("id", api[0].Headers["X-Key-Id"]);
        Assert.Null(api[0].Authorization);
        Assert.Equal("Bearer token-1", api[1].Authorization);
        Assert.False(api[1].Headers.ContainsKey("X-Key-Id"));
    }

    [Fact]
    public async Task Optional_authentication_sends_the_token_when_the_caller_has_one_and_nothing_otherwise()
    {
        await using var vault = await Vault.StartAsync();

        await vault.Client(new VaultClientCredentials { Token = "tok" }).FetchOptionalAsync();
        await vault.Client(new VaultClientCredentials { KeyId = "id" }).FetchOptionalAsync();

        var api = vault.ApiRequests.ToList();
        Assert.Equal("Bearer tok", api[0].Authorization);
        Assert.Null(api[1].Authorization);
        Assert.False(api[1].Headers.ContainsKey("X-Key-Id"));
    }

    [Fact]
    public async Task A_requirement_ProxyGen_cannot_apply_is_left_to_the_callers_handler_and_the_rest_of_it_is_sent()
    {
        // What the generated client passes for a document with `digest` (PXG0030: not in the list) and a header key.
        await using var server = await LoopbackServer.StartAsync(context => LoopbackServer.WriteJson(context, Page));
        SecurityScheme[] schemes = [SecurityScheme.ApiKey("key", SecuritySchemeKind.ApiKeyHeader, "X-Key")];
        var options = new ApiClientOptions { BaseAddress = server.BaseAddress, Credentials = new KeyOnly("k-1") };
        var connection = new ApiConnection(new HttpClient(), options, null, schemes);

        await connection.SendAsync(new ApiRequest(HttpMethod.Get, "/digest-only") { Security = new OperationSecurity(["digest"]) }, CancellationToken.None);
        await connection.SendAsync(new ApiRequest(HttpMethod.Get, "/digest-and-key") { Security = new OperationSecurity(["digest", "key"]) }, CancellationToken.None);
        var unset = new ApiConnection(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress }, null, schemes);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => unset.SendAsync(
            new ApiRequest(HttpMethod.Get, "/key-or-nothing-known") { Security = new OperationSecurity(["key"]) }, CancellationToken.None));

        Assert.Contains("key", error.Message);
        var requests = server.Requests.ToList();
        Assert.Equal(2, requests.Count);
        Assert.False(requests[0].Headers.ContainsKey("X-Key"));
        Assert.Equal("k-1", requests[1].Headers["X-Key"]);
    }

    private sealed class KeyOnly(string key) : ApiCredentials
    {
        public override ApiCredential? For(string schemeName) => schemeName == "key" ? (ApiKey)key : null;
    }

    [Fact]
    public async Task An_operation_whose_requirement_is_not_set_fails_before_sending_and_names_the_schemes()
    {
        await using var vault = await Vault.StartAsync();
        var client = vault.Client(new VaultClientCredentials { KeyId = "only-half" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.FetchWithKeyPairAsync());

        Assert.Contains("keyId + keySecret", error.Message);
        Assert.Empty(vault.Server.Requests);
    }

    [Fact]
    public async Task Client_credentials_are_sent_only_to_the_token_endpoint_with_Basic_and_the_scope()
    {
        await using var vault = await Vault.StartAsync();
        var oauth = new OAuth2ClientCredentials
        {
            ClientId = "service-1",
            ClientSecret = "s3cret/+=",
            Scopes = ["secrets.read"],
            TokenUrl = vault.TokenUrl,
            Parameters = new Dictionary<string, string> { ["audience"] = "vault", ["client_secret"] = "ignored" },
        };
        var client = vault.Client(new VaultClientCredentials { Oauth = oauth });

        var page = await client.ListSecretsAsync();

        Assert.Equal(["a"], page.Items);
        var token = Assert.Single(vault.Server.Requests, r => r.RawTarget == "/oauth/token");
        Assert.Equal("POST", token.Method);
        Assert.Equal("grant_type=client_credentials&scope=secrets.read&audience=vault", token.Body);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("service-1:s3cret%2F%2B%3D")), token.Authorization);
        var api = Assert.Single(vault.ApiRequests);
        Assert.Equal("Bearer token-1", api.Authorization);
        Assert.DoesNotContain("s3cret", string.Join(" ", api.Headers.Values) + api.RawTarget + api.Body);
    }

    [Fact]
    public async Task Concurrent_callers_share_one_token_request_and_the_token_is_fetched_again_shortly_before_it_expires()
    {
        await using var vault = await Vault.StartAsync();
        var clock = new ManualClock();
        var credentials = new VaultClientCredentials { Oauth = vault.OAuth(clock) };

        await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => vault.Client(credentials).ListSecretsAsync()));
        Assert.Equal(1, vault.TokenRequests);

        clock.Now += TimeSpan.FromMinutes(58);
        await vault.Client(credentials).ListSecretsAsync();
        Assert.Equal(1, vault.TokenRequests);

        // An hour's token is asked for again a minute before it ends.
        clock.Now += TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1);
        await vault.Client(credentials).ListSecretsAsync();
        Assert.Equal(2, vault.TokenRequests);
        Assert.Equal("Bearer token-2", vault.ApiRequests.Last().Authorization);
    }

    [Fact]
    public async Task A_401_with_WWW_Authenticate_Bearer_fetches_a_new_token_and_retries_once()
    {
        await using var vault = await Vault.StartAsync();
        vault.ApiStatus = authorization => authorization == "Bearer token-1" ? 401 : 200;
        var client = vault.Client(new VaultClientCredentials { Oauth = vault.OAuth() });

        await client.CreateWithEitherAsync(new Page { Items = ["x"] });

        Assert.Equal(2, vault.TokenRequests);
        var api = vault.ApiRequests.ToList();
        Assert.Equal(["Bearer token-1", "Bearer token-2"], api.Select(r => r.Authorization));
        Assert.All(api, r => Assert.Equal("""{"items":["x"]}""", r.Body));
    }

    [Fact]
    public async Task A_server_that_answers_401_forever_is_retried_once_not_forever()
    {
        await using var vault = await Vault.StartAsync();
        vault.ApiStatus = _ => 401;
        var client = vault.Client(new VaultClientCredentials { Oauth = vault.OAuth() });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListSecretsAsync());

        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(2, vault.ApiRequests.Count());
        Assert.Equal(2, vault.TokenRequests);
    }

    [Theory]
    [InlineData(200, "text/html", "<html>Sign in</html>", "not a JSON token")]
    [InlineData(400, "application/json", """{"error":"invalid_client","error_description":"unknown client"}""", "invalid_client: unknown client")]
    [InlineData(200, "application/json", """{"access_token":"t","token_type":"Bearer"}""", "expires_in")]
    [InlineData(200, "application/json", """{"access_token":"t\r\nX-Evil: 1","token_type":"Bearer","expires_in":60}""", "control characters")]
    [InlineData(200, "application/json", """{"token_type":"Bearer","expires_in":60}""", "no access_token")]
    [InlineData(200, "application/json", """{"access_token":"t","token_type":"mac","expires_in":60}""", "bearer tokens only")]
    [InlineData(200, "application/json", "{\"access_token\":", "not JSON")]
    public async Task A_token_endpoint_that_answers_something_else_is_a_TokenRequestFailed_ApiException(int status, string type, string body, string says)
    {
        await using var vault = await Vault.StartAsync();
        vault.TokenAnswer = _ => (status, type, body);
        var client = vault.Client(new VaultClientCredentials { Oauth = vault.OAuth() });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListSecretsAsync());

        Assert.Equal(ApiErrorKind.TokenRequestFailed, error.Kind);
        Assert.Contains(says, error.Message);
        Assert.Empty(vault.ApiRequests);
    }

    [Fact]
    public async Task A_huge_token_answer_is_cut_off_at_64_KiB()
    {
        await using var vault = await Vault.StartAsync();
        vault.TokenAnswer = _ => (200, "application/json", "{\"access_token\":\"" + new string('a', 200_000) + "\",\"expires_in\":60}");
        var client = vault.Client(new VaultClientCredentials { Oauth = vault.OAuth() });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListSecretsAsync());

        Assert.Equal(ApiErrorKind.TokenRequestFailed, error.Kind);
        Assert.Empty(vault.ApiRequests);
    }

    [Fact]
    public async Task Client_secrets_are_never_sent_over_plain_http_to_another_host()
    {
        await using var vault = await Vault.StartAsync();
        var oauth = new OAuth2ClientCredentials { ClientId = "id", ClientSecret = "secret", TokenUrl = new Uri("http://auth.example.invalid/token") };
        var client = vault.Client(new VaultClientCredentials { Oauth = oauth });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.ListSecretsAsync());

        Assert.Contains("clear text", error.Message);
        Assert.Empty(vault.Server.Requests);
    }

    /// <summary>Typed clients from IHttpClientFactory, each resolution a new client: the credentials are one singleton.</summary>
    private static ServiceProvider TypedClients(Vault vault, OAuth2ClientCredentials oauth)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new ApiClientOptions { BaseAddress = new Uri(vault.Server.BaseAddress, "/v1"), Credentials = new VaultClientCredentials { Oauth = oauth } });
        services.AddHttpClient<VaultClient>()
            .AddStandardResilienceHandler(options =>
            {
                options.Retry.Delay = TimeSpan.FromMilliseconds(10);
                options.Retry.BackoffType = DelayBackoffType.Constant;
                options.Retry.UseJitter = false;
            });
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task Typed_clients_from_IHttpClientFactory_share_one_token_and_a_token_endpoint_503_is_retried_a_bounded_number_of_times()
    {
        await using var vault = await Vault.StartAsync();
        vault.TokenAnswer = n => n == 1 ? (503, "application/json", "{}") : (200, "application/json", """{"access_token":"token-ok","token_type":"Bearer","expires_in":3600}""");
        await using var provider = TypedClients(vault, vault.OAuth());

        for (var i = 0; i < 5; i++)
        {
            await provider.GetRequiredService<VaultClient>().ListSecretsAsync();
        }

        Assert.Equal(2, vault.TokenRequests);
        Assert.All(vault.ApiRequests, r => Assert.Equal("Bearer token-ok", r.Authorization));
        Assert.Equal(5, vault.ApiRequests.Count());
    }

    [Fact]
    public async Task A_token_endpoint_that_is_always_down_costs_the_retries_the_handler_allows_and_no_more()
    {
        await using var vault = await Vault.StartAsync();
        vault.TokenAnswer = _ => (503, "application/json", "{}");
        await using var provider = TypedClients(vault, vault.OAuth());

        var error = await Assert.ThrowsAsync<ApiException>(() => provider.GetRequiredService<VaultClient>().ListSecretsAsync());

        Assert.Equal(ApiErrorKind.TokenRequestFailed, error.Kind);
        Assert.Equal(4, vault.TokenRequests);
        Assert.Empty(vault.ApiRequests);
    }

    [Fact]
    public void Credentials_of_the_wrong_kind_or_with_line_breaks_are_refused_when_the_client_is_made()
    {
        Assert.Throws<ArgumentException>(() => new ApiKey("key\r\nX-Evil: 1"));
        Assert.Throws<ArgumentException>(() => new BearerToken("token\n"));
        var options = new ApiClientOptions
        {
            BaseAddress = new Uri("https://vault.example.com/v1"),
            Credentials = new VaultClientCredentials { Basic = new BasicCredential { Username = "a:b", Password = "p" } },
        };
        Assert.Throws<ArgumentException>(() => new VaultClient(new HttpClient(), options));
        var insecure = new ApiClientOptions { BaseAddress = new Uri("http://vault.example.com/v1"), Credentials = new VaultClientCredentials { Token = "t" } };
        Assert.Throws<ArgumentException>(() => new VaultClient(new HttpClient(), insecure));
        Assert.DoesNotContain("s3cret", new OAuth2ClientCredentials { ClientId = "id", ClientSecret = "s3cret" }.ToString());
    }
}
