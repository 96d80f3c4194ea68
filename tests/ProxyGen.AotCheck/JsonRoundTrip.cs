using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ProxyGen.AotCheck.Proxy;
using ProxyGen.AotCheck.Shapes;

namespace ProxyGen.AotCheck;

/// <summary>
/// System.Text.Json over generated types in the project that generates them, through the generated resolvers: built
/// here with IsAotCompatible (the trim and AOT analyzers see every call), run by ProxyGen.Client.Tests.
/// </summary>
public static class JsonRoundTrip
{
    private static readonly JsonSerializerOptions Options = new()
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ProxyV1ClientJsonResolver.Instance, ShapesClientJsonResolver.Instance),
    };

    /// <summary>The JSON <paramref name="json"/> becomes after a deserialize and a serialize of <typeparamref name="T"/>.</summary>
    public static string RoundTrip<T>(string json)
    {
        var info = (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
        return JsonSerializer.Serialize(JsonSerializer.Deserialize(json, info)!, info);
    }

    /// <summary>A model serialized by type, as an application would: <see cref="ShortCode"/> with its wire names.</summary>
    public static string Serialize(ShortCode shortCode) => JsonSerializer.Serialize(shortCode, (JsonTypeInfo<ShortCode>)Options.GetTypeInfo(typeof(ShortCode)));

    /// <summary>A union serialized by its base type: the variant writes itself.</summary>
    public static string Serialize(Playable playable) => JsonSerializer.Serialize(playable, (JsonTypeInfo<Playable>)Options.GetTypeInfo(typeof(Playable)));
}
