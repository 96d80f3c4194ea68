using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// JSON request bodies, sent by clients generated at build time from documents we did not write (one Twilio API and
/// both public ones in ../shared/specs, used in place): the exact bytes and Content-Type on the wire, on 127.0.0.1.
/// </summary>
public class JsonBodyWireTests
{
#if REAL_JSON_BODY_SPECS
    /// <summary>The loopback server in place of the spec's server, keeping the spec's base path (<c>/2.0</c>, <c>/v1</c>).</summary>
    private static ApiClientOptions Options(LoopbackServer server, string basePath = "/") => new()
    {
        BaseAddress = new Uri(server.BaseAddress, basePath),
        Username = "ACtest",
        Password = "not-a-real-token",
    };

    [Fact]
    public async Task Twilio_CreateOauthAppAccount_sends_its_body_as_compact_JSON_with_nulls_left_out()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"app_sid":"OA1","unknown_member":[1,2]}""", 201);
        var client = new TwilioIam.TwilioIamV1Client(new HttpClient(), Options(server));

        var created = await client.CreateOauthAppAccountAsync(new TwilioIam.AccountVendorOauthAppCreateRequest
        {
            Type = "custom",
            FriendlyName = "Reporting \"bot\" ✓",
            AccessTokenTtl = 3600,
            Policy = new TwilioIam.Policy { Allow = ["messaging:read"], Deny = [] },
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/Account/OAuthApps", request.RawTarget);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal(
            """{"type":"custom","friendly_name":"Reporting \u0022bot\u0022 \u2713","policy":{"allow":["messaging:read"],"deny":[]},"access_token_ttl":3600}""",
            request.Body);
        Assert.Equal("[1,2]", created.AdditionalProperties["unknown_member"].GetRawText());
    }

    [Fact]
    public async Task Box_PostFolders_sends_nested_objects_and_open_enum_values_and_keeps_query_parameters_apart()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"type":"folder","id":"12"}""", 201);
        var client = new Box.BoxClient(new HttpClient(), Options(server, "/2.0"));

        await client.PostFoldersAsync(
            new Box.PostFoldersBody { Name = "Contracts", Parent = new Box.PostParent { Id = "0" }, SyncState = Box.PostFoldersBodySyncState.NotSynced },
            new Box.PostFoldersRequest { Fields = ["id", "name"] });

        var request = Assert.Single(server.Requests);
        // Box declares `fields` with explode: false: one comma-separated value, as its documentation shows.
        Assert.Equal("/2.0/folders?fields=id,name", request.RawTarget);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("""{"name":"Contracts","parent":{"id":"0"},"sync_state":"not_synced"}""", request.Body);
    }

    [Fact]
    public async Task Spotify_ChangePlaylistDetails_sends_the_body_after_the_path_argument_and_an_omitted_body_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync(context => { context.Response.StatusCode = 200; return Task.CompletedTask; });
        var client = new Spotify.SpotifyClient(new HttpClient(), Options(server, "/v1"));

        await client.ChangePlaylistDetailsAsync("3cEYpjA9oz9GiPac4AsH4n", new Spotify.ChangePlaylistDetailsBody { Name = "Road trip", Public = false });
        await client.ChangePlaylistDetailsAsync("3cEYpjA9oz9GiPac4AsH4n");

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("PUT", server.Requests[0].Method);
        Assert.Equal("/v1/playlists/3cEYpjA9oz9GiPac4AsH4n", server.Requests[0].RawTarget);
        Assert.Equal("""{"name":"Road trip","public":false}""", server.Requests[0].Body);
        Assert.Equal(string.Empty, server.Requests[1].Body);
        Assert.False(server.Requests[1].Headers.ContainsKey("Content-Type"));
    }
#else
    [Fact(Skip = "The real specs are not in ../shared/specs beside the repository (CI requires them).")]
    public void Real_specs_are_missing()
    {
    }
#endif
}
