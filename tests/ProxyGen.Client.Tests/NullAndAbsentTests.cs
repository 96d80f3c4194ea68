using ProxyGen.Client.Tests.Formats;
using Record = ProxyGen.Client.Tests.Formats.Record;
using ProxyGen.Runtime;
using static ProxyGen.Client.Tests.JsonText;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// A member sent as <c>null</c> and a member left out are two different things, both ways: what a server sends is
/// written back as it came, and a caller can send an explicit <c>null</c> (a merge-patch that clears a field)
/// without changing what "not set" means. Missing required members never cost the caller the response.
/// </summary>
public class NullAndAbsentTests
{
    private static readonly Guid RecordId = Guid.Parse("6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b");

    private static ApiClientOptions Options(LoopbackServer server) => new() { BaseAddress = new Uri(server.BaseAddress, "/v1") };

    [Fact]
    public void A_member_sent_as_null_is_written_back_as_null_and_a_member_left_out_stays_out()
    {
        const string json = """{"name":"Ada","motto":null,"tags":["x"],"labels":{},"price":null}""";

        var record = Read(json, Record.ReadJson);

        Assert.Null(record.Motto);
        Assert.Null(record.Nickname);
        Assert.Null(record.Price);
        Assert.Equal(json, Write(record, Record.WriteJson));
    }

    [Fact]
    public void Required_members_the_server_left_out_are_read_as_null_or_empty_and_stay_out_when_written_back()
    {
        const string json = """{"nickname":"A"}""";

        var record = Read(json, Record.ReadJson);

        Assert.Null(record.Id);
        Assert.Null(record.Name);
        Assert.Null(record.Note);
        // A required list or map is never null: an absent one is empty, so a loop over it just works.
        Assert.Empty(record.Tags);
        Assert.Empty(record.Labels);
        Assert.Equal(json, Write(record, Record.WriteJson));
    }

    [Fact]
    public void A_null_where_the_spec_requires_a_list_reads_as_empty()
    {
        var record = Read("""{"tags":null,"labels":null}""", Record.ReadJson);

        Assert.Empty(record.Tags);
        Assert.Empty(record.Labels);
    }

    [Fact]
    public void Required_members_must_be_set_by_an_object_initializer()
    {
        static bool IsRequired(string property) => typeof(Record).GetProperty(property)!.CustomAttributes
            .Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute");

        Assert.All(["Id", "Name", "Note", "Tags", "Labels"], property => Assert.True(IsRequired(property), property));
        Assert.All(["Nickname", "Motto", "Ttl"], property => Assert.False(IsRequired(property), property));
    }

    [Fact]
    public async Task A_caller_sends_an_explicit_null_for_a_member_set_to_null_and_nothing_for_a_member_not_set()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"name":"Ada"}""", 201);
        var client = new FormatsClient(new HttpClient(), Options(server));

        await client.CreateRecordAsync(new Record { Id = RecordId, Name = "Ada", Note = null, Tags = [], Labels = new Dictionary<string, string>(), Motto = null });

        Assert.Equal(
            """{"id":"6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b","name":"Ada","note":null,"motto":null,"tags":[],"labels":{}}""",
            Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task A_merge_patch_update_clears_a_field_with_null_and_leaves_the_fields_it_does_not_name_alone()
    {
        await using var server = await LoopbackServer.JsonAsync("""{"name":"Ada","note":null,"ttl":"PT5M"}""");
        var client = new FormatsClient(new HttpClient(), Options(server));

        var updated = await client.UpdateRecordAsync(RecordId, new RecordPatch { Note = null, Ttl = TimeSpan.FromMinutes(5) });
        await client.UpdateRecordAsync(RecordId, new RecordPatch());

        var requests = server.Requests;
        Assert.Equal("PATCH", requests[0].Method);
        Assert.Equal("/v1/records/6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b", requests[0].RawTarget);
        Assert.Equal("application/merge-patch+json", requests[0].Headers["Content-Type"]);
        Assert.Equal("""{"note":null,"ttl":"PT5M"}"""u8.ToArray(), requests[0].BodyBytes);
        Assert.Equal("{}", requests[1].Body);
        Assert.Null(updated.Note);
        Assert.Equal(TimeSpan.FromMinutes(5), updated.Ttl);
    }

    [Fact]
    public void A_model_read_from_a_server_and_sent_again_keeps_each_members_null_or_absence()
    {
        const string json = """{"name":"Ada","note":null,"tags":[],"labels":{}}""";
        var record = Read(json, Record.ReadJson);

        // The System.Text.Json converter is the same reader and writer: a context or JsonSerializer call agrees.
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(record));
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonSerializer.Deserialize<Record>(json)));
    }
}
