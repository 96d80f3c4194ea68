using System.Text.Json;
using System.Text.Json.Serialization;
using ProxyGen.AotCheck;
using Xunit;

namespace ProxyGen.Client.Tests;

/// <summary>
/// System.Text.Json reads and writes generated types exactly as their own readers and writers do (wire names, open
/// enums, unknown members, subclasses, unions), never their C# shape: through the generated resolvers in the
/// project that generates them (tests/ProxyGen.AotCheck, built with IsAotCompatible=true), and through a
/// <see cref="JsonSerializerContext"/> in a project that references it (this one).
/// </summary>
public class JsonContextTests
{
    [Fact]
    public void A_model_round_trips_through_the_generated_resolver_with_its_wire_names_and_unknown_members()
    {
        const string json = """{"sid":"SC1","capabilities":{"fax":false,"sms":true},"is_reserved":true,"future":[1]}""";

        Assert.Equal(json, JsonRoundTrip.RoundTrip<AotCheck.Proxy.ShortCode>(json));
        Assert.Equal("""{"sid":"SC2"}""", JsonRoundTrip.Serialize(new AotCheck.Proxy.ShortCode { Sid = "SC2" }));
    }

    [Fact]
    public void Open_enums_subclasses_unions_and_nested_lists_round_trip_through_the_generated_resolver()
    {
        const string session = """{"sid":"KC1","status":"hibernating","mode":"voice-only"}""";
        const string dog = """{"name":"Rex","bark":true,"created_by":"ops","handler":"Ann"}""";
        const string queue = """{"now":{"type":"track","title":"A"},"next":[{"type":"podcast","x":1}],"label":5}""";
        const string grid = """{"cells":[[1],[2,3]],"labels_by_row":{"r":["x"]}}""";

        Assert.Equal("\"in-progress\"", JsonRoundTrip.RoundTrip<AotCheck.Proxy.SessionStatus>("\"in-progress\""));
        Assert.Equal(session, JsonRoundTrip.RoundTrip<AotCheck.Proxy.Session>(session));
        Assert.Equal(dog, JsonRoundTrip.RoundTrip<AotCheck.Shapes.ServiceDog>(dog));
        Assert.Equal(queue, JsonRoundTrip.RoundTrip<AotCheck.Shapes.Queue>(queue));
        Assert.Equal(grid, JsonRoundTrip.RoundTrip<AotCheck.Shapes.Grid>(grid));
        Assert.Equal("""{"type":"episode","show":"S"}""", JsonRoundTrip.Serialize(new AotCheck.Shapes.Episode { Type = "episode", Show = "S" }));
    }

    [Fact]
    public void A_JsonSerializerContext_in_a_referencing_project_uses_the_generated_converters()
    {
        var shortCode = JsonSerializer.Deserialize("""{"sid":"SC1","is_reserved":false,"x":true}""", ConsumerJsonContext.Default.ShortCode)!;
        var queue = JsonSerializer.Deserialize("""{"now":{"type":"song","title":"B"}}""", ConsumerJsonContext.Default.Queue)!;

        Assert.Equal("""{"sid":"SC1","is_reserved":false,"x":true}""", JsonSerializer.Serialize(shortCode, ConsumerJsonContext.Default.ShortCode));
        Assert.IsType<AotCheck.Shapes.PlayableTrack>(queue.Now);
        Assert.Equal("""{"now":{"type":"song","title":"B"}}""", JsonSerializer.Serialize(queue, ConsumerJsonContext.Default.Queue));
    }

    [Fact]
    public void Plain_JsonSerializer_uses_the_generated_converter_too_and_never_writes_the_CSharp_shape()
    {
        var session = new AotCheck.Proxy.Session { Sid = "KC1", Mode = AotCheck.Proxy.SessionMode.VoiceOnly };

#pragma warning disable IL2026, IL3050 // Reflection-based JsonSerializer, on purpose: what a user who skips both gets.
        var json = JsonSerializer.Serialize(session);
#pragma warning restore IL2026, IL3050

        Assert.Equal("""{"sid":"KC1","mode":"voice-only"}""", json);
    }
}

/// <summary>A user's context over generated types that another project generated: the STJ generator sees them there.</summary>
[JsonSerializable(typeof(AotCheck.Proxy.ShortCode))]
[JsonSerializable(typeof(AotCheck.Shapes.Queue))]
internal sealed partial class ConsumerJsonContext : JsonSerializerContext
{
}
