using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>Reads one value of type <typeparamref name="T"/> at the reader's current token, leaving the reader on its last token.</summary>
public delegate T JsonValueReader<out T>(ref Utf8JsonReader reader);
