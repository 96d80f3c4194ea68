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

    /// <summary>Box declares one OAuth2 scheme: a token of the caller's own (its flows are not client credentials).</summary>
    private static ApiClientOptions BoxOptions(LoopbackServer server) => new()
    {
        BaseAddress = new Uri(server.BaseAddress, "/2.0"),
        Credentials = new Box.BoxClientCredentials { OAuth2Security = "box-test-token" },
    };

    private static ApiClientOptions SpotifyOptions(LoopbackServer server) => new()
    {
        BaseAddress = new Uri(server.BaseAddress, "/v1"),
        Credentials = new Spotify.SpotifyClientCredentials { Oauth20 = new BearerToken(_ => ValueTask.FromResult("spotify-test-token")) },
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
        var client = new Box.BoxClient(new HttpClient(), BoxOptions(server));

        await client.PostFoldersAsync(
            new Box.PostFoldersBody { Name = "Contracts", Parent = new Box.PostParent { Id = "0" }, SyncState = Box.PostFoldersBodySyncState.NotSynced },
            new Box.PostFoldersRequest { Fields = ["id", "name"] });

        var request = Assert.Single(server.Requests);
        // Box declares `fields` with explode: false: one comma-separated value, as its documentation shows.
        Assert.Equal("/2.0/folders?fields=id,name", request.RawTarget);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal("""{"name":"Contracts","parent":{"id":"0"},"sync_state":"not_synced"}""", request.Body);
        Assert.Equal("Bearer box-test-token", request.Authorization);
    }

    [Fact]
    public async Task Spotify_ChangePlaylistDetails_sends_the_body_after_the_path_argument_and_an_omitted_body_sends_nothing()
    {
        await using var server = await LoopbackServer.StartAsync(context => { context.Response.StatusCode = 200; return Task.CompletedTask; });
        var client = new Spotify.SpotifyClient(new HttpClient(), SpotifyOptions(server));

        await client.ChangePlaylistDetailsAsync("3cEYpjA9oz9GiPac4AsH4n", new Spotify.ChangePlaylistDetailsBody { Name = "Road trip", Public = false });
        await client.ChangePlaylistDetailsAsync("3cEYpjA9oz9GiPac4AsH4n");

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal("PUT", server.Requests[0].Method);
        Assert.Equal("/v1/playlists/3cEYpjA9oz9GiPac4AsH4n", server.Requests[0].RawTarget);
        Assert.Equal("""{"name":"Road trip","public":false}""", server.Requests[0].Body);
        Assert.Equal("Bearer spotify-test-token", server.Requests[0].Authorization);
        Assert.Equal(string.Empty, server.Requests[1].Body);
        Assert.False(server.Requests[1].Headers.ContainsKey("Content-Type"));
    }
    [Fact]
    public async Task Twilio_Lookups_sends_its_prefixed_collapsible_map_as_AddOns_dot_key_pairs_like_Twilios_SDKs()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"phone_number":"+15108675310"}""");
        var client = new TwilioLookups.TwilioLookupsV1Client(new HttpClient(), Options(server));

        await client.FetchPhoneNumberAsync("+15108675310", new TwilioLookups.FetchPhoneNumberRequest
        {
            AddOns = ["payfone_tcpa_compliance"],
            AddOnsData = new System.Text.Json.Nodes.JsonObject
            {
                ["payfone_tcpa_compliance"] = new System.Text.Json.Nodes.JsonObject { ["RightPartyContactedDate"] = "20160101" },
                ["retries"] = 2,
            },
        });

        Assert.Equal(
            "/v1/PhoneNumbers/%2B15108675310?AddOns=payfone_tcpa_compliance&AddOns.payfone_tcpa_compliance.RightPartyContactedDate=20160101&AddOns.retries=2",
            Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task Box_PostFilesContent_uploads_the_attributes_part_before_the_file_part_as_Box_requires()
    {
        Microsoft.AspNetCore.Http.IFormCollection? form = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            form = await context.Request.ReadFormAsync();
            await LoopbackServer.WriteJson(context, """{"total_count":1,"entries":[{"type":"file","id":"7"}]}""", 201);
        });
        var client = new Box.BoxClient(new HttpClient(), BoxOptions(server));
        using var contents = new MemoryStream(System.Text.Encoding.UTF8.GetBytes("quarterly numbers"));

        var files = await client.PostFilesContentAsync(new Box.PostFilesContentRequest
        {
            Attributes = new Box.PostFilesContentRequestAttributes { Name = "Q3.txt", Parent = new Box.PostParent { Id = "0" } },
            File = new ProxyGen.Runtime.FileContent(contents, "Q3.txt", "text/plain"),
            Fields = ["id", "name"],
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal("/2.0/files/content?fields=id,name", request.RawTarget);
        Assert.StartsWith("multipart/form-data; boundary=", request.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.True(request.Body.IndexOf("name=attributes", StringComparison.Ordinal) < request.Body.IndexOf("name=file", StringComparison.Ordinal), "attributes must come first");
        Assert.Equal("""{"name":"Q3.txt","parent":{"id":"0"}}""", form!["attributes"]);
        var file = Assert.Single(form.Files);
        Assert.Equal(("file", "Q3.txt", "text/plain"), (file.Name, file.FileName, file.ContentType));
        Assert.Equal("7", files.Entries![0].Id);
    }

    [Fact]
    public async Task Box_GetFilesIdContent_returns_the_file_as_a_stream_and_PutFilesUploadSessionsId_sends_bytes()
    {
        var bytes = new byte[70_000];
        new Random(7).NextBytes(bytes);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method == "GET")
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(bytes);
            }
            else
            {
                await LoopbackServer.WriteJson(context, """{"part":{"part_id":"6F2F","offset":0,"size":70000}}""");
            }
        });
        var client = new Box.BoxClient(new HttpClient(), BoxOptions(server));

        await using (var download = await client.GetFilesIdContentAsync("12345"))
        {
            using var copy = new MemoryStream();
            await download.CopyToAsync(copy);
            Assert.Equal(bytes, copy.ToArray());
        }

        var part = await client.PutFilesUploadSessionsIdAsync("F971", new MemoryStream(bytes), new Box.PutFilesUploadSessionsIdRequest { Digest = "sha=abc", ContentRange = "bytes 0-69999/70000" });

        Assert.Equal("/2.0/files/12345/content", server.Requests[0].RawTarget);
        Assert.Equal("application/octet-stream", server.Requests[0].Headers["Accept"]);
        Assert.Equal("application/octet-stream", server.Requests[1].Headers["Content-Type"]);
        Assert.Equal(bytes, server.Requests[1].BodyBytes);
        Assert.Equal("6F2F", part.Part!.PartId);
    }

    [Fact]
    public async Task Spotify_Search_sends_its_unexploded_type_list_as_one_comma_separated_value()
    {
        await using var server = await LoopbackServer.JsonAsync("{}");
        var client = new Spotify.SpotifyClient(new HttpClient(), SpotifyOptions(server));

        await client.SearchAsync(new Spotify.SearchRequest { Q = "remaster track:Doxy", Type = [Spotify.SearchRequestTypeItem.Album, Spotify.SearchRequestTypeItem.Artist], Limit = 5 });

        Assert.Equal("/v1/search?q=remaster%20track%3ADoxy&type=album,artist&limit=5", Assert.Single(server.Requests).RawTarget);
    }

    [Fact]
    public async Task Spotify_UploadCustomPlaylistCover_sends_the_image_body_with_the_media_type_the_spec_names()
    {
        await using var server = await LoopbackServer.StartAsync(context => { context.Response.StatusCode = 202; return Task.CompletedTask; });
        var client = new Spotify.SpotifyClient(new HttpClient(), SpotifyOptions(server));
        var base64 = System.Text.Encoding.ASCII.GetBytes("/9j/4AAQSkZJRg==");

        await client.UploadCustomPlaylistCoverAsync("3cEYpjA9oz9GiPac4AsH4n", new MemoryStream(base64));

        var request = Assert.Single(server.Requests);
        Assert.Equal(("PUT", "/v1/playlists/3cEYpjA9oz9GiPac4AsH4n/images"), (request.Method, request.RawTarget));
        Assert.Equal("image/jpeg", request.Headers["Content-Type"]);
        Assert.Equal(base64, request.BodyBytes);
    }
#else
    [Fact(Skip = "The real specs are not in ../shared/specs beside the repository (CI requires them).")]
    public void Real_specs_are_missing()
    {
    }
#endif
}
