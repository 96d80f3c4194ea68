using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using ProxyGen.Client.Tests.Styles;
using ProxyGen.Runtime;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Every style/explode combination of OpenAPI 3.0 §4.7.12.4, generated from tests/specs/parameter_styles.yaml and sent
/// to a recording server on 127.0.0.1: the exact request target or header each one produces. The values are the
/// specification's own (color = "blue", ["blue", "black", "brown"], {R: 100, G: 200, B: 150}).
/// </summary>
public class ParameterStyleWireTests
{
    private static readonly string[] Colors = ["blue", "black", "brown"];
    private static readonly Rgb Rgb = new() { R = 100, G = 200, B = 150 };

    public static TheoryData<string, Func<StylesClient, Task>, string> Targets() => new()
    {
        // path: simple, label, matrix (label and matrix lists follow RFC 6570, as OpenAPI 3.1.1's corrected table does)
        { "path simple", c => c.PathSimpleAsync("blue", Colors, Rgb), "/path/PathSimple/blue/blue,black,brown/R,100,G,200,B,150" },
        { "path simple explode", c => c.PathSimpleExplodedAsync("blue", Colors, Rgb), "/path/PathSimpleExploded/blue/blue,black,brown/R=100,G=200,B=150" },
        { "path label", c => c.PathLabelAsync("blue", Colors, Rgb), "/path/PathLabel/.blue/.blue,black,brown/.R,100,G,200,B,150" },
        { "path label explode", c => c.PathLabelExplodedAsync("blue", Colors, Rgb), "/path/PathLabelExploded/.blue/.blue.black.brown/.R=100.G=200.B=150" },
        { "path matrix", c => c.PathMatrixAsync("blue", Colors, Rgb), "/path/PathMatrix/;color=blue/;colors=blue,black,brown/;rgb=R,100,G,200,B,150" },
        { "path matrix explode", c => c.PathMatrixExplodedAsync("blue", Colors, Rgb), "/path/PathMatrixExploded/;color=blue/;colors=blue;colors=black;colors=brown/;R=100;G=200;B=150" },

        // query: form, spaceDelimited, pipeDelimited ('|' is not allowed in a URI: percent-encoded), deepObject
        { "query form string", c => c.QueryFormStringAsync(new() { Color = "blue" }), "/query/QueryFormString?color=blue" },
        { "query form array", c => c.QueryFormArrayAsync(new() { Color = Colors }), "/query/QueryFormArray?color=blue,black,brown" },
        { "query form object", c => c.QueryFormObjectAsync(new() { Color = Rgb }), "/query/QueryFormObject?color=R,100,G,200,B,150" },
        { "query form explode string", c => c.QueryFormExplodedStringAsync(new() { Color = "blue" }), "/query/QueryFormExplodedString?color=blue" },
        { "query form explode array", c => c.QueryFormExplodedArrayAsync(new() { Color = Colors }), "/query/QueryFormExplodedArray?color=blue&color=black&color=brown" },
        { "query form explode object", c => c.QueryFormExplodedObjectAsync(new() { Color = Rgb }), "/query/QueryFormExplodedObject?R=100&G=200&B=150" },
        { "query spaceDelimited array", c => c.QuerySpaceDelimitedArrayAsync(new() { Color = Colors }), "/query/QuerySpaceDelimitedArray?color=blue%20black%20brown" },
        { "query spaceDelimited object", c => c.QuerySpaceDelimitedObjectAsync(new() { Color = Rgb }), "/query/QuerySpaceDelimitedObject?color=R%20100%20G%20200%20B%20150" },
        { "query pipeDelimited array", c => c.QueryPipeDelimitedArrayAsync(new() { Color = Colors }), "/query/QueryPipeDelimitedArray?color=blue%7Cblack%7Cbrown" },
        { "query pipeDelimited object", c => c.QueryPipeDelimitedObjectAsync(new() { Color = Rgb }), "/query/QueryPipeDelimitedObject?color=R%7C100%7CG%7C200%7CB%7C150" },
        { "query deepObject", c => c.QueryDeepObjectExplodedObjectAsync(new() { Color = Rgb }), "/query/QueryDeepObjectExplodedObject?color[R]=100&color[G]=200&color[B]=150" },

        // the defaults (form, exploded), reserved characters, and a nested deepObject
        { "query defaults", c => c.QueryDefaultsAsync(new() { Color = "blue", Colors = Colors, Rgb = Rgb }), "/query/defaults?color=blue&colors=blue&colors=black&colors=brown&R=100&G=200&B=150" },
        { "query content: application/json", c => c.QueryJsonAsync(new() { Where = new Address { City = "Oslo" } }), "/query/json?where=%7B%22city%22%3A%22Oslo%22%7D" },
        { "query allowReserved", c => c.QueryReservedAsync(new() { Next = "/v1/items?page=2&size=10#top", Plain = "/v1?a&b" }), "/query/reserved?next=/v1/items?page=2&size=10%23top&plain=%2Fv1%3Fa%26b" },
        {
            "query deepObject nested",
            c => c.QueryDeepFilterAsync(new() { Filter = new Filter { Name = "Ann Lee", Address = new Address { City = "Oslo" }, Tags = ["a", "b"], Items = [new Rgb { R = 1 }, new Rgb { G = 2 }] } }),
            "/query/deep?filter[name]=Ann%20Lee&filter[address][city]=Oslo&filter[tags][]=a&filter[tags][]=b&filter[items][0][R]=1&filter[items][1][G]=2"
        },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Each_style_sends_exactly_the_request_target_the_table_gives(string row, Func<StylesClient, Task> call, string target)
    {
        await using var server = await NoContentServer();

        await call(Client(server));

        Assert.True(server.Requests.Single().RawTarget == target, $"{row}: sent {server.Requests.Single().RawTarget}, expected {target}");
    }

    [Fact]
    public async Task Headers_go_in_the_simple_style_and_an_empty_list_sends_no_header()
    {
        await using var server = await NoContentServer();

        await Client(server).SendHeadersAsync(new() { XColor = "blue", XColors = Colors, XRgb = Rgb, XRgbExploded = Rgb });
        await Client(server).SendHeadersAsync(new() { XColors = [] });

        var headers = server.Requests[0].Headers;
        Assert.Equal("blue", headers["X-Color"]);
        Assert.Equal("blue,black,brown", headers["X-Colors"]);
        Assert.Equal("R,100,G,200,B,150", headers["X-Rgb"]);
        Assert.Equal("R=100,G=200,B=150", headers["X-Rgb-Exploded"]);
        Assert.False(server.Requests[1].Headers.ContainsKey("X-Colors"));

        // A line break in any item cannot start a second header: refused before anything is sent.
        await Assert.ThrowsAsync<ArgumentException>(() => Client(server).SendHeadersAsync(new() { XColors = ["blue", "x\r\nX-Injected: yes"] }));
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Cookies_go_in_one_Cookie_header_with_values_percent_encoded_so_none_can_start_another()
    {
        await using var server = await NoContentServer();

        await Client(server).SendCookiesAsync(new() { SessionHint = "a; admin=1\r\nX: y", Prefs = ["dark", "compact"] });
        await Client(server).SendCookiesAsync();

        Assert.Equal("session_hint=a%3B%20admin%3D1%0D%0AX%3A%20y; prefs=dark,compact", server.Requests[0].Headers["Cookie"]);
        Assert.False(server.Requests[1].Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task A_form_body_writes_each_property_as_its_encoding_says_and_plain_properties_as_before()
    {
        await using var server = await NoContentServer();

        await Client(server).CreateCustomerAsync(new CreateCustomerRequest
        {
            Name = "Jenny Rosen",
            Address = new Address { Line1 = "1 Main St", City = "Oslo" },
            Metadata = new Dictionary<string, string> { ["order_id"] = "6735" },
            Expand = ["customer", "invoice"],
            Items = [new CreateCustomerRequestItemsItem { Price = "price_1", Quantity = 2 }],
            Tags = ["a", "b,c"],
            Preferences = new System.Text.Json.Nodes.JsonObject { ["R"] = 1 },
            Settings = new Rgb { G = 2 },
            Labels = ["x", "y"],
        });

        var request = server.Requests.Single();
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["Content-Type"]);
        Assert.Equal(
            "name=Jenny+Rosen"
            + "&address[line1]=1%20Main%20St&address[city]=Oslo"
            + "&metadata[order_id]=6735"
            + "&expand[]=customer&expand[]=invoice"
            + "&items[0][price]=price_1&items[0][quantity]=2"
            + "&tags=a,b%2Cc"
            + "&preferences=%7B%22R%22%3A1%7D"
            + "&settings=%7B%22G%22%3A2%7D"
            + "&labels=x&labels=y",
            request.Body);

        // What a server's form reader makes of it: the same names and values.
        var form = await new FormReader(request.Body).ReadFormAsync();
        Assert.Equal("1 Main St", form["address[line1]"]);
        Assert.Equal(["customer", "invoice"], form["expand[]"].Select(t => t!));
        Assert.Equal("a,b,c", form["tags"]);
    }

    [Fact]
    public async Task A_multipart_body_carries_json_text_and_file_parts_that_ASP_NET_Cores_form_reader_reads_back()
    {
        IFormCollection? received = null;
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            received = await context.Request.ReadFormAsync();
            await LoopbackServer.WriteJson(context, """{"id":"F1"}""", 201);
        });
        using var photo = new MemoryStream([0x89, 0x50, 0x4E, 0x47, 0, 255]);
        using var thumb1 = new MemoryStream([1, 2, 3]);
        using var thumb2 = new MemoryStream([4, 5]);

        var stored = await Client(server).UploadFileAsync(new UploadFileRequest
        {
            Attributes = new Address { City = "Oslo" },
            File = new FileContent(photo, "photo \"1\".png"),
            Thumbnails = [new FileContent(thumb1, "t1.jpg", "image/jpeg"), new FileContent(thumb2, "t2.bin")],
            Tags = ["a", "b"],
            Count = 3,
            Note = "Grüße",
        });

        Assert.Equal("F1", stored.Id);
        Assert.NotNull(received);
        Assert.Equal("""{"city":"Oslo"}""", received!["attributes"]);
        Assert.Equal(["a", "b"], received["tags"].Select(t => t!));
        Assert.Equal("3", received["count"]);
        Assert.Equal("Grüße", received["note"]);
        var file = received.Files.GetFile("file")!;
        Assert.Equal("photo \"1\".png", file.FileName);
        Assert.Equal("image/png", file.ContentType);
        Assert.Equal(photo.ToArray(), await ReadAll(file.OpenReadStream()));
        var thumbnails = received.Files.GetFiles("thumbnails");
        Assert.Equal(["t1.jpg", "t2.bin"], thumbnails.Select(f => f.FileName));
        Assert.Equal(["image/jpeg", "application/octet-stream"], thumbnails.Select(f => f.ContentType));
        Assert.Equal([4, 5], await ReadAll(thumbnails[1].OpenReadStream()));

        var body = server.Requests.Single().Body;
        Assert.StartsWith("multipart/form-data; boundary=", server.Requests.Single().Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Contains("Content-Type: text/markdown", body, StringComparison.Ordinal);
        Assert.Contains("Content-Type: application/json", body, StringComparison.Ordinal);
        Assert.True(photo.CanRead, "The caller's stream is the caller's: ProxyGen does not dispose it.");
    }

    [Fact]
    public async Task A_binary_body_goes_byte_for_byte_and_a_binary_response_comes_back_as_a_stream()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (context.Request.Method == "GET")
            {
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(bytes.Reverse().ToArray());
            }
            else
            {
                context.Response.StatusCode = 204;
            }
        });
        var client = Client(server);

        await client.PutBlobAsync("b 1", new MemoryStream(bytes));
        await using var download = await client.GetBlobAsync("b 1");

        Assert.Equal(bytes.Reverse(), await ReadAll(download));
        var upload = server.Requests[0];
        Assert.Equal("/blobs/b%201", upload.RawTarget);
        Assert.Equal("application/octet-stream", upload.Headers["Content-Type"]);
        Assert.Equal(bytes, upload.BodyBytes);
        Assert.Equal("application/octet-stream", server.Requests[1].Headers["Accept"]);
    }

    [Fact]
    public async Task A_text_response_comes_back_as_a_string_decoded_with_its_charset()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/csv; charset=iso-8859-1";
            await context.Response.Body.WriteAsync(Encoding.Latin1.GetBytes("city,name\nOslo,Jørgen\n"));
        });

        var report = await Client(server).GetReportAsync();

        Assert.Equal("city,name\nOslo,Jørgen\n", report);
        Assert.Equal("text/csv", server.Requests.Single().Headers["Accept"]);
    }

    [Fact]
    public async Task A_text_response_larger_than_the_limit_is_a_typed_error_and_a_hostile_file_name_or_media_type_is_refused()
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            context.Response.ContentType = "text/csv";
            await context.Response.WriteAsync(new string('x', 5000));
        });
        var client = new StylesClient(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress, MaxResponseBytes = 1000 });

        var error = await Assert.ThrowsAsync<ApiException>(() => client.GetReportAsync());

        Assert.Equal(ApiErrorKind.ResponseTooLarge, error.Kind);
        Assert.Throws<ArgumentException>(() => new FileContent(Stream.Null, "a.png\r\nX-Injected: yes"));
        Assert.Throws<ArgumentException>(() => new FileContent(Stream.Null, "a.png", "image/png\r\nX-Injected: yes"));
        Assert.Throws<ArgumentException>(() => new FileContent(Stream.Null, "a.png", "not a media type"));
    }

    [Fact]
    public async Task Path_values_that_would_not_name_one_resource_are_refused_before_anything_is_sent()
    {
        await using var server = await NoContentServer();
        var client = Client(server);

        await Assert.ThrowsAsync<ArgumentException>(() => client.PathSimpleAsync("blue", [], Rgb));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PathSimpleAsync("blue", Colors, new Rgb()));
        await Assert.ThrowsAsync<ArgumentException>(() => client.PathSimpleAsync("..", Colors, Rgb));
        await Assert.ThrowsAsync<ArgumentNullException>(() => client.PathLabelAsync("blue", null!, Rgb));
        await client.PathSimpleAsync("a/../b", ["..", "x/y"], Rgb);

        Assert.Equal("/path/PathSimple/a%2F..%2Fb/..,x%2Fy/R,100,G,200,B,150", server.Requests.Single().RawTarget);
    }

    private static StylesClient Client(LoopbackServer server) => new(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress });

    private static Task<LoopbackServer> NoContentServer() => LoopbackServer.StartAsync(context =>
    {
        context.Response.StatusCode = 204;
        return Task.CompletedTask;
    });

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
