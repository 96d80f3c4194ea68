using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>Writes one value of type <typeparamref name="T"/> at the writer's position.</summary>
public delegate void JsonValueWriter<in T>(Utf8JsonWriter writer, T value);
