using System.Web;
using Microsoft.AspNetCore.Http;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Box (box_platform JSON in ../shared/specs/public, used in place) with Box's client-credentials grant on 127.0.0.1:
/// a token endpoint that, like Box's, takes the client id and secret only in the form with <c>box_subject_type</c> and
/// <c>box_subject_id</c>; one token for concurrent callers, fetched again before it expires and once after a 401.
/// </summary>
public class BoxOAuthTests
{
#if REAL_JSON_BODY_SPECS
    private sealed class BoxServer : IAsyncDisposable
    {
        private int _tokens;

        public required LoopbackServer Server { get; init; }

        public int TokensIssued => _tokens;

        /// <summary>Which bearer tokens the API refuses with a 401 (Box's answer to a revoked token).</summary>
        public Func<string, bool> Refuses { get; set; } = _ => false;

        public IEnumerable<LoopbackServer.Received> TokenRequests => Server.Requests.Where(r => r.RawTarget == "/oauth2/token");

        public IEnumerable<LoopbackServer.Received> ApiRequests => Server.Requests.Where(r => r.RawTarget.StartsWith("/2.0/", StringComparison.Ordinal));

        public static async Task<BoxServer> StartAsync()
        {
            BoxServer? box = null;
            var server = await LoopbackServer.StartAsync(async context =>
            {
                if (context.Request.Path == "/oauth2/token")
                {
                    var form = await context.Request.ReadFormAsync();
                    if (context.Request.Headers.Authorization.Count > 0 || form["client_secret"] != "not-a-real-secret" || form["box_subject_type"] != "enterprise")
                    {
                        await LoopbackServer.WriteJson(context, """{"error":"invalid_client","error_description":"The client credentials are invalid"}""", 400);
                        return;
                    }

                    await Task.Delay(50);
                    var n = Interlocked.Increment(ref box!._tokens);
                    await LoopbackServer.WriteJson(context, $$"""{"access_token":"box-token-{{n}}","expires_in":3600,"restricted_to":[],"token_type":"bearer"}""");
                    return;
                }

                if (box!.Refuses(context.Request.Headers.Authorization.ToString()))
                {
                    context.Response.Headers.WWWAuthenticate = "Bearer realm=\"Service\", error=\"invalid_token\"";
                    await LoopbackServer.WriteJson(context, """{"type":"error","status":401,"code":"unauthorized"}""", 401);
                    return;
                }

                await LoopbackServer.WriteJson(context, """{"type":"user","id":"33333","name":"Service Account"}""");
            });
            box = new BoxServer { Server = server };
            return box;
        }

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }

    private static Box.BoxClient Client(BoxServer box, Box.BoxClientCredentials credentials) =>
        new(new HttpClient(), new ApiClientOptions { BaseAddress = new Uri(box.Server.BaseAddress, "/2.0"), Credentials = credentials });

    private static Box.BoxClientCredentials Credentials(BoxServer box, TimeProvider clock) => new()
    {
        OAuth2Security = new OAuth2ClientCredentials
        {
            ClientId = "box-client",
            ClientSecret = "not-a-real-secret",
            TokenUrl = new Uri(box.Server.BaseAddress, "/oauth2/token"),
            Parameters = new Dictionary<string, string> { ["box_subject_type"] = "enterprise", ["box_subject_id"] = "123" },
            TimeProvider = clock,
        },
    };

    [Fact]
    public async Task Concurrent_callers_share_one_token_fetched_with_the_form_after_Basic_is_refused_and_it_is_fetched_again_before_it_expires()
    {
        await using var box = await BoxServer.StartAsync();
        var clock = new ManualClock();
        var credentials = Credentials(box, clock);

        var users = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Client(box, credentials).GetUsersMeAsync()));

        Assert.All(users, u => Assert.Equal("33333", u.Id));
        Assert.Equal(1, box.TokensIssued);
        var tokenRequests = box.TokenRequests.ToList();
        Assert.Equal(2, tokenRequests.Count);
        Assert.NotNull(tokenRequests[0].Authorization);
        Assert.Null(tokenRequests[1].Authorization);
        var form = HttpUtility.ParseQueryString(tokenRequests[1].Body);
        Assert.Equal("client_credentials", form["grant_type"]);
        Assert.Equal("box-client", form["client_id"]);
        Assert.Equal("enterprise", form["box_subject_type"]);
        Assert.Equal("123", form["box_subject_id"]);
        Assert.All(box.ApiRequests, r => Assert.Equal("Bearer box-token-1", r.Authorization));
        Assert.All(box.ApiRequests, r => Assert.DoesNotContain("not-a-real-secret", r.RawTarget + r.Body + string.Join(" ", r.Headers.Values)));

        // An hour's token is kept for 59 minutes, then asked for again: with the form straight away, Basic was refused.
        clock.Now += TimeSpan.FromMinutes(58);
        await Client(box, credentials).GetUsersMeAsync();
        Assert.Equal(1, box.TokensIssued);
        clock.Now += TimeSpan.FromMinutes(2);
        await Client(box, credentials).GetUsersMeAsync();
        Assert.Equal(2, box.TokensIssued);
        Assert.Equal(3, box.TokenRequests.Count());
        Assert.Equal("Bearer box-token-2", box.ApiRequests.Last().Authorization);
    }

    [Fact]
    public async Task A_token_Box_revokes_is_fetched_again_once_and_the_call_retried_once()
    {
        await using var box = await BoxServer.StartAsync();
        var credentials = Credentials(box, TimeProvider.System);
        var client = Client(box, credentials);
        await client.GetUsersMeAsync();

        box.Refuses = authorization => authorization == "Bearer box-token-1";
        var user = await client.GetUsersMeAsync();

        Assert.Equal("33333", user.Id);
        Assert.Equal(2, box.TokensIssued);
        Assert.Equal(["Bearer box-token-1", "Bearer box-token-1", "Bearer box-token-2"], box.ApiRequests.Select(r => r.Authorization));

        // Every token refused: one refresh and one retry, then Box's answer as an ApiException, never a loop.
        box.Refuses = _ => true;
        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetUsersMeAsync());

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Contains("unauthorized", error.ResponseBody);
        Assert.Equal(3, box.TokensIssued);
        Assert.Equal(5, box.ApiRequests.Count());
    }
#else
    [Fact(Skip = "../shared/specs/public/box_platform.2026-06-29.json is not beside the repository (CI requires it).")]
    public void Box_client_credentials()
    {
    }
#endif
}
