using System.Net;
using ProxyGen.Client.Tests.Formats;
using Record = ProxyGen.Client.Tests.Formats.Record;
using ProxyGen.Runtime;
using static ProxyGen.Client.Tests.JsonText;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// Every format of tests/specs/formats_and_nulls.yaml, typed at build time: read from a server's JSON into its .NET
/// type, written back in the same wire form byte for byte, sent from C# values in that form, and refused with the
/// member's JSON path when the server sends a value the format does not allow.
/// </summary>
public class FormatTests
{
    private static readonly Guid RecordId = Guid.Parse("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b");

    /// <summary>One member of every format, each in the form a server writes it (and a number sent as a string).</summary>
    private const string EveryFormat =
        """{"id":"6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b","name":"Ada","note":null,"tags":[],"labels":{},"payload":"AQID/w==","opens_at":"09:30:15.25","ttl":"P1DT1H30M","created_at":"2026-12-06T10:15:30.1234567+01:00","birthday":"1815-12-10","date_sent":"Mon, 16 Aug 2010 03:45:01 +0000","expires":1765000000,"homepage":"https://example.com/ada","big_count":"9007199254740993","small_count":"-42","ratio_text":"0.25","amount":"19.990","price":0.10,"weight":1.5,"latitude":"19.720000","count":9007199254740993,"priority":3,"code":"X1"}""";

    private static ApiClientOptions Options(LoopbackServer server) => new() { BaseAddress = new Uri(server.BaseAddress, "/v1") };

    [Fact]
    public void Every_format_is_read_into_its_type_and_written_back_byte_for_byte()
    {
        var record = Read(EveryFormat, Record.ReadJson);

        Assert.Equal(RecordId, record.Id);
        Assert.Equal([1, 2, 3, 255], record.Payload);
        Assert.Equal(new TimeOnly(9, 30, 15, 250), record.OpensAt);
        Assert.Equal(new TimeSpan(1, 1, 30, 0), record.Ttl);
        Assert.Equal(new DateTimeOffset(2026, 12, 6, 10, 15, 30, TimeSpan.FromHours(1)).AddTicks(1234567), record.CreatedAt);
        Assert.Equal(TimeSpan.FromHours(1), record.CreatedAt!.Value.Offset);
        Assert.Equal(new DateOnly(1815, 12, 10), record.Birthday);
        Assert.Equal(new DateTimeOffset(2010, 8, 16, 3, 45, 1, TimeSpan.Zero), record.DateSent);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1765000000), record.Expires);
        Assert.Equal(new Uri("https://example.com/ada"), record.Homepage);
        // Beyond double's 2^53: an int64 string keeps every digit.
        Assert.Equal(9007199254740993L, record.BigCount);
        Assert.Equal(-42, record.SmallCount);
        Assert.Equal(0.25, record.RatioText);
        Assert.Equal(19.990m, record.Amount);
        Assert.Equal(0.10m, record.Price);
        Assert.Equal(1.5f, record.Weight);
        Assert.Equal(19.72, record.Latitude);
        Assert.Equal(9007199254740993L, record.Count);
        Assert.True(record.Priority!.TryGetInt32(out var priority));
        Assert.Equal(3, priority);
        Assert.False(record.Priority.TryGetString(out _));
        Assert.True(record.Code!.TryGetString(out var code));
        Assert.Equal("X1", code);

        // Money keeps its scale ("19.990", 0.10) and a number the server sent as a string is written as it came.
        Assert.Equal(EveryFormat, Write(record, Record.WriteJson));
    }

    [Theory]
    [InlineData("date_sent", "\"Thu, 30 Jul 2015 20:00:00 -0700\"")]
    [InlineData("date_sent", "\"Sat, 01 Jan 2000 00:00:00 +0530\"")]
    [InlineData("expires", "1765000000.25")]
    [InlineData("expires", "-1")]
    [InlineData("ttl", "\"PT0.5S\"")]
    [InlineData("ttl", "\"-P1D\"")]
    [InlineData("ttl", "\"PT0S\"")]
    [InlineData("opens_at", "\"00:00:00\"")]
    [InlineData("opens_at", "\"23:59:59.9999999\"")]
    [InlineData("payload", "\"\"")]
    [InlineData("created_at", "\"2026-12-06T10:15:30Z\"")]
    [InlineData("created_at", "\"2026-12-06T10:15:30.5-08:00\"")]
    [InlineData("amount", "\"-0.05000\"")]
    [InlineData("latitude", "\"-0.05000\"")]
    [InlineData("latitude", "-0.05")]
    [InlineData("big_count", "\"-9223372036854775808\"")]
    [InlineData("count", "-9223372036854775808")]
    [InlineData("priority", "\"high\"")]
    [InlineData("code", "7")]
    [InlineData("name", "12345678901234567890")]
    public void Each_wire_form_is_written_back_as_it_came(string member, string value)
    {
        var json = "{\"" + member + "\":" + value + "}";

        Assert.Equal(json, Write(Read(json, Record.ReadJson), Record.WriteJson));
    }

    [Fact]
    public void An_RFC_2822_date_in_GMT_reads_as_UTC_and_is_written_with_a_numeric_zone()
    {
        var record = Read("""{"date_sent":"Thu, 30 Jul 2015 20:00:00 GMT"}""", Record.ReadJson);

        Assert.Equal(new DateTimeOffset(2015, 7, 30, 20, 0, 0, TimeSpan.Zero), record.DateSent);
        Assert.Equal("""{"date_sent":"Thu, 30 Jul 2015 20:00:00 +0000"}""", Write(record, Record.WriteJson));
    }

    [Fact]
    public async Task A_record_fetched_over_the_wire_has_its_uuid_in_the_path_and_every_format_typed()
    {
        await using var server = await LoopbackServer.JsonAsync(EveryFormat);
        var client = new FormatsClient(new HttpClient(), Options(server));

        var record = await client.FetchRecordAsync(RecordId);

        Assert.Equal("/v1/records/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b", Assert.Single(server.Requests).RawTarget);
        Assert.Equal(new DateTimeOffset(2010, 8, 16, 3, 45, 1, TimeSpan.Zero), record.DateSent);
        Assert.Equal(EveryFormat, Write(record, Record.WriteJson));
    }

    [Fact]
    public async Task Values_set_in_CSharp_are_sent_in_each_formats_wire_form()
    {
        await using var server = await LoopbackServer.JsonAsync(EveryFormat, 201);
        var client = new FormatsClient(new HttpClient(), Options(server));

        await client.CreateRecordAsync(new Record
        {
            Id = RecordId,
            Name = "Ada",
            Note = "first",
            Tags = ["math"],
            Labels = new Dictionary<string, string> { ["team"] = "engines" },
            Payload = [0xfb, 0xff],
            OpensAt = new TimeOnly(9, 30),
            Ttl = TimeSpan.FromMinutes(90) + TimeSpan.FromMilliseconds(500),
            CreatedAt = new DateTimeOffset(2026, 12, 6, 10, 15, 30, TimeSpan.Zero),
            Birthday = new DateOnly(1815, 12, 10),
            DateSent = new DateTimeOffset(2010, 8, 16, 5, 45, 1, TimeSpan.FromHours(2)),
            Expires = DateTimeOffset.FromUnixTimeSeconds(1765000000),
            BigCount = long.MaxValue,
            SmallCount = int.MinValue,
            RatioText = 0.1,
            Amount = 19.990m,
            Price = 0.10m,
            Weight = 0.1f,
            Latitude = 19.72,
            Count = 7,
            Priority = RecordPriority.FromString("high"),
            Code = RecordCode.FromInt32(12),
        });

        var request = Assert.Single(server.Requests);
        Assert.Equal("application/json", request.Headers["Content-Type"]);
        Assert.Equal(
            """{"id":"6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b","name":"Ada","note":"first","tags":["math"],"labels":{"team":"engines"},"payload":"+/8=","opens_at":"09:30:00","ttl":"PT1H30M0.5S","created_at":"2026-12-06T10:15:30Z","birthday":"1815-12-10","date_sent":"Mon, 16 Aug 2010 05:45:01 +0200","expires":1765000000,"big_count":"9223372036854775807","small_count":"-2147483648","ratio_text":"0.1","amount":"19.990","price":0.10,"weight":0.1,"latitude":19.72,"count":7,"priority":"high","code":12}""",
            request.Body);
    }

    [Fact]
    public async Task Query_parameters_of_every_format_are_sent_in_their_text_form_and_escaped()
    {
        await using var server = await LoopbackServer.JsonAsync("[]");
        var client = new FormatsClient(new HttpClient(), Options(server));

        var records = await client.ListRecordsAsync(new ListRecordsRequest
        {
            Id = RecordId,
            OpensAt = new TimeOnly(23, 59, 59),
            Within = TimeSpan.FromDays(2),
            After = DateTimeOffset.FromUnixTimeSeconds(1765000000),
            SentBefore = new DateTimeOffset(2010, 8, 16, 3, 45, 1, TimeSpan.Zero),
            Token = [0xfb, 0xff, 0xfe],
            MinWeight = 0.5f,
            MaxCount = 9007199254740993L,
        });

        Assert.Empty(records);
        Assert.Equal(
            "/v1/records?Id=6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b&OpensAt=23%3A59%3A59&Within=P2D&After=1765000000&SentBefore=Mon%2C%2016%20Aug%202010%2003%3A45%3A01%20%2B0000&Token=%2B%2F%2F%2B&MinWeight=0.5&MaxCount=9007199254740993",
            Assert.Single(server.Requests).RawTarget);
    }

    [Theory]
    [InlineData("id", "\"not-a-uuid\"")]
    [InlineData("payload", "\"not base64!\"")]
    [InlineData("opens_at", "\"half past nine\"")]
    [InlineData("ttl", "\"P1Y\"")]
    [InlineData("ttl", "\"90 minutes\"")]
    [InlineData("created_at", "\"yesterday\"")]
    [InlineData("date_sent", "\"Mon, 32 Aug 2010 03:45:01 +0000\"")]
    [InlineData("expires", "\"soon\"")]
    [InlineData("expires", "1e300")]
    [InlineData("expires", "253402300800")]
    [InlineData("ttl", "\"P99999999999D\"")]
    [InlineData("ttl", "\"PT\"")]
    [InlineData("date_sent", "\"Mon, 16 Aug 2010 03:45:01 +0000\\r\\nX-Injected: 1\"")]
    [InlineData("payload", "\"AQID/w=\"")]
    [InlineData("weight", "1e39")]
    [InlineData("latitude", "\"NaN\"")]
    [InlineData("latitude", "1e400")]
    [InlineData("ratio_text", "\"-Infinity\"")]
    [InlineData("id", "42")]
    [InlineData("big_count", "\"12x\"")]
    [InlineData("small_count", "\"3000000000\"")]
    [InlineData("amount", "\"lots\"")]
    [InlineData("price", "true")]
    [InlineData("count", "1.5")]
    public async Task A_value_its_format_does_not_allow_is_an_InvalidBody_ApiException_naming_the_members_path(string member, string value)
    {
        var body = "{\"name\":\"Ada\",\"tags\":[],\"" + member + "\":" + value + "}";
        await using var server = await LoopbackServer.JsonAsync(body);
        var client = new FormatsClient(new HttpClient(), Options(server));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.FetchRecordAsync(RecordId));

        Assert.Equal(ApiErrorKind.InvalidBody, error.Kind);
        Assert.Equal(HttpStatusCode.OK, error.StatusCode);
        Assert.Equal(body, error.ResponseBody);
        Assert.Contains("$." + member, error.Message);
    }

    [Fact]
    public async Task A_bad_value_deep_in_a_list_names_its_index_in_the_path()
    {
        await using var server = await LoopbackServer.JsonAsync("""[{"name":"a"},{"name":"b","labels":{"x":"y"},"ttl":"soon"}]""");
        var client = new FormatsClient(new HttpClient(), Options(server));

        var error = await Assert.ThrowsAsync<ApiException>(() => client.ListRecordsAsync());

        Assert.Equal(ApiErrorKind.InvalidBody, error.Kind);
        Assert.Contains("$[1].ttl", error.Message);
    }
}
