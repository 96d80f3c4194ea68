using System.Text;
using System.Text.Json;
using ProxyGen.Client.Tests.Shapes;
using ProxyGen.Runtime;
using static ProxyGen.Client.Tests.JsonText;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// The shapes of tests/specs/schema_shapes.yaml, generated at build time: each is a typed member (no JsonElement),
/// reads what a server sends, and writes it back byte for byte.
/// </summary>
public class SchemaShapeTests
{
    [Fact]
    public void Lists_of_lists_maps_of_lists_lists_of_maps_and_three_levels_are_typed_and_round_trip()
    {
        const string json = """{"cells":[[1,2],[],[3]],"sparse":[["a",null],[null]],"labels_by_row":{"r1":["x","y"],"r2":[]},"rows_of_maps":[{"w":1.5},{}],"cube":[[[true],[false,true]]],"owners":{"ann":{"name":"root"}}}""";

        var grid = Read(json, Grid.ReadJson);

        IReadOnlyList<IReadOnlyList<int>> cells = grid.Cells;
        IReadOnlyList<IReadOnlyList<string?>>? sparse = grid.Sparse;
        IReadOnlyDictionary<string, IReadOnlyList<string>>? labels = grid.LabelsByRow;
        IReadOnlyList<IReadOnlyDictionary<string, double>>? rows = grid.RowsOfMaps;
        IReadOnlyList<IReadOnlyList<IReadOnlyList<bool>>>? cube = grid.Cube;
        IReadOnlyDictionary<string, TreeNode>? owners = grid.Owners;
        Assert.Equal([1, 2], cells[0]);
        Assert.Null(sparse![0][1]);
        Assert.Equal(["x", "y"], labels!["r1"]);
        Assert.Equal(1.5, rows![0]["w"]);
        Assert.True(cube![0][1][1]);
        Assert.Equal("root", owners!["ann"].Name);
        Assert.Equal(json, Write(grid, Grid.WriteJson));
    }

    [Fact]
    public void A_null_inner_list_where_the_spec_allows_none_is_an_error_that_says_so()
    {
        var error = Assert.Throws<JsonException>(() => Read("""{"cells":[[1],null]}""", Grid.ReadJson));

        Assert.Contains("null", error.Message);
    }

    [Fact]
    public void Recursive_types_nest_through_lists_maps_and_direct_references()
    {
        const string json = """{"name":"root","children":[{"name":"a","children":[{"name":"a1"}]}],"by_label":{"b":{"name":"b","parent":{"name":"root"}}}}""";

        var tree = Read(json, TreeNode.ReadJson);

        Assert.Equal("a1", tree.Children![0].Children![0].Name);
        Assert.Equal("root", tree.ByLabel!["b"].Parent!.Name);
        Assert.Equal(json, Write(tree, TreeNode.WriteJson));
    }

    [Fact]
    public async Task A_nested_body_goes_out_and_comes_back_typed()
    {
        // Echoes the body it received (the server has already recorded it when the handler runs).
        LoopbackServer? echo = null;
        await using var server = echo = await LoopbackServer.StartAsync(context => LoopbackServer.WriteJson(context, echo!.Requests[^1].Body));
        var client = new ShapesClient(new HttpClient(), new ApiClientOptions { BaseAddress = server.BaseAddress });

        var echoed = await client.CreateGridAsync(new Grid { Cells = [[1, 2], [3]], LabelsByRow = new Dictionary<string, IReadOnlyList<string>> { ["r"] = ["x"] } });

        Assert.Equal("""{"cells":[[1,2],[3]],"labels_by_row":{"r":["x"]}}""", Assert.Single(server.Requests).Body);
        Assert.Equal(3, echoed.Cells[1][0]);
        Assert.Equal("x", echoed.LabelsByRow!["r"][0]);
    }

    [Fact]
    public void AllOf_with_a_reference_is_a_subclass_and_further_parts_merge_into_it()
    {
        const string json = """{"name":"Rex","tag":"k9","bark":true,"created_by":"ops","handler":"Ann","collar":"red"}""";

        var dog = Read(json, ServiceDog.ReadJson);

        Dog asDog = dog;
        Pet asPet = dog;
        Assert.True(asDog.Bark);
        Assert.Equal("Rex", asPet.Name);
        Assert.Equal("ops", dog.CreatedBy);
        Assert.Equal("Ann", dog.Handler);
        Assert.Equal("red", dog.AdditionalProperties["collar"].GetString());
        Assert.Equal(json, Write(dog, ServiceDog.WriteJson));
        Assert.True(typeof(Pet).IsSealed is false && typeof(Dog).IsSealed is false && typeof(ServiceDog).IsSealed);
    }

    [Fact]
    public void A_derived_object_in_a_base_typed_member_is_written_whole()
    {
        var kennel = new Kennel { Residents = [new Pet { Name = "Tom" }, new Dog { Name = "Rex", Bark = false }], Favourite = new Pet { Name = "Tom" } };

        Assert.Equal("""{"residents":[{"name":"Tom"},{"name":"Rex","bark":false}],"favourite":{"name":"Tom"}}""", Write(kennel, Kennel.WriteJson));
    }

    [Fact]
    public void Required_members_from_every_allOf_part_must_be_set_by_initializers_and_are_read_tolerantly_when_left_out()
    {
        static bool IsRequired(string property) => typeof(ServiceDog).GetProperty(property)!.CustomAttributes
            .Any(a => a.AttributeType.FullName == "System.Runtime.CompilerServices.RequiredMemberAttribute");

        Assert.True(IsRequired(nameof(ServiceDog.Handler)));
        Assert.True(IsRequired(nameof(ServiceDog.Bark)));
        Assert.False(IsRequired(nameof(ServiceDog.CreatedBy)));

        const string json = """{"name":"Rex","bark":true}""";
        var dog = Read(json, ServiceDog.ReadJson);

        Assert.Null(dog.Handler);
        Assert.Equal(json, Write(dog, ServiceDog.WriteJson));
    }

    [Fact]
    public void A_discriminator_picks_the_variant_by_mapping_key_schema_name_or_the_members_one_value()
    {
        const string json = """{"now":{"type":"song","title":"Intro"},"next":[{"type":"track","title":"A","duration_ms":1000},{"type":"episode","show":"News"}]}""";

        var queue = Read(json, Queue.ReadJson);

        var now = Assert.IsType<PlayableTrack>(queue.Now);
        Assert.Equal("Intro", now.Value.Title);
        Assert.Equal(1000, Assert.IsType<PlayableTrack>(queue.Next![0]).Value.DurationMs);
        Assert.Equal("News", Assert.IsType<PlayableEpisode>(queue.Next[1]).Value.Show);
        Assert.Equal(json, Write(queue, Queue.WriteJson));
    }

    [Fact]
    public void An_unknown_discriminator_value_is_kept_whole_and_written_back_as_it_came()
    {
        const string json = """{"now":{"type":"audiobook","chapters":[1,2],"title":"Dune"},"next":[{"title":"no type at all"}]}""";

        var queue = Read(json, Queue.ReadJson);

        var unknown = Assert.IsType<UnknownPlayable>(queue.Now);
        Assert.Equal("audiobook", unknown.DiscriminatorValue);
        Assert.Null(Assert.IsType<UnknownPlayable>(queue.Next![0]).DiscriminatorValue);
        Assert.Equal(json, Write(queue, Queue.WriteJson));
    }

    [Fact]
    public void A_variant_is_made_from_its_model_by_an_implicit_conversion()
    {
        Playable playable = new Episode { Type = "episode", Show = "Weekly" };

        Assert.Equal("""{"now":{"type":"episode","show":"Weekly"}}""", Write(new Queue { Now = playable }, Queue.WriteJson));
    }

    [Fact]
    public void Without_a_discriminator_TryGet_reads_the_alternative_the_JSON_kind_and_required_members_fit()
    {
        var text = Read("""{"label":"evening"}""", Queue.ReadJson).Label!;
        var number = Read("""{"label":42}""", Queue.ReadJson).Label!;
        var track = Read("""{"label":{"type":"track","title":"Lullaby"}}""", Queue.ReadJson).Label!;
        var neither = Read("""{"label":{"title":"no type"}}""", Queue.ReadJson).Label!;

        Assert.True(text.TryGetString(out var s) && s == "evening");
        Assert.False(text.TryGetInt64(out _));
        Assert.True(number.TryGetInt64(out var n) && n == 42);
        Assert.False(number.TryGetTrack(out _));
        Assert.True(track.TryGetTrack(out var t) && t.Title == "Lullaby");
        Assert.False(neither.TryGetTrack(out _));
        Assert.Equal("""{"title":"no type"}""", neither.Json.GetRawText());
        Assert.Equal("""{"label":7}""", Write(new Queue { Label = QueueLabel.FromInt64(7) }, Queue.WriteJson));
    }

    [Fact]
    public void A_null_alternative_makes_the_union_member_nullable()
    {
        var queue = Read("""{"maybe_playable":null}""", Queue.ReadJson);
        QueueMaybePlayable? maybe = queue.MaybePlayable;

        Assert.Null(maybe);
        Assert.True(Read("""{"maybe_playable":{"type":"episode","show":"S"}}""", Queue.ReadJson).MaybePlayable!.TryGetEpisode(out var episode));
        Assert.Equal("S", episode!.Show);
    }
}
