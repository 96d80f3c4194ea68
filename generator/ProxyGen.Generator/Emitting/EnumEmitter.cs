using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes an open enum: a readonly struct over the wire string, with a static member per known value.
/// A value the server adds later round-trips instead of failing the whole response.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(EmitContext client, EnumSpec spec)
    {
        var name = spec.Name;
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        writer.Summary(spec.Description ?? $"The {name} values of the {client.Title} API.");
        writer.DocXml("remarks", "Open: values the spec does not list yet are kept as they are, not rejected. Compare with the static members (equality is the wire value's, ordinal); check <see cref=\"IsKnown\"/> to find new values.");
        writer.Line("[global::System.Diagnostics.DebuggerDisplay(\"{Value,nq}\")]");
        TypeNames.JsonConverterAttribute(writer, name);
        using (writer.Block($"{client.Visibility} readonly partial record struct {name} : {TypeNames.JsonModelOf(name)}"))
        {
            writer.Line("private readonly string? _value;");
            writer.Line();
            writer.DocText("summary", "Wraps a wire value; any string is accepted, known or not.");
            writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
            writer.Line();
            foreach (var member in spec.Members)
            {
                writer.DocXml("summary", $"The value <c>{SourceWriter.XmlEscape(member.Value)}</c>.");
                writer.Line($"public static {name} {member.Name} {{ get; }} = new {name}({SourceWriter.Literal(member.Value)});");
            }

            if (spec.Members.Count > 0)
            {
                writer.Line();
            }

            var known = spec.Members.Count == 0
                ? "false"
                : "Value is " + string.Join(" or ", spec.Members.Select(m => SourceWriter.Literal(m.Value)));
            writer.Lines($$"""
                /// <summary>The value exactly as it travels on the wire.</summary>
                public string Value => _value ?? string.Empty;

                /// <summary>True when the value is one the spec lists.</summary>
                public bool IsKnown => {{known}};

                /// <summary>Wraps a wire value.</summary>
                public static implicit operator {{name}}(string value) => new {{name}}(value);

                /// <summary>The wire value.</summary>
                public override string ToString() => Value;

                /// <summary>Writes the wire value as a JSON string.</summary>
                public static void WriteJson({{TypeNames.Utf8JsonWriter}} writer, {{name}} value) => (writer ?? throw new global::System.ArgumentNullException(nameof(writer))).WriteStringValue(value.Value);
                """);
            writer.Line();
            WriteReader(writer, spec);
        }

        return writer.Finish();
    }

    /// <summary>A known value is matched as UTF-8 and returns its static member, so reading it allocates nothing.</summary>
    private static void WriteReader(SourceWriter writer, EnumSpec spec)
    {
        writer.DocText("summary", "Reads the JSON string at the reader's position; a known value is the cached static member.");
        using (writer.Block($"public static {spec.Name} ReadJson(ref {TypeNames.Utf8JsonReader} reader)"))
        {
            if (spec.Members.Count > 0)
            {
                using (writer.Block("if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)"))
                {
                    foreach (var member in spec.Members)
                    {
                        writer.Line($"if (reader.ValueTextEquals({SourceWriter.Literal(member.Value)}u8)) return {member.Name};");
                    }
                }

                writer.Line();
            }

            writer.Line($"return new {spec.Name}({TypeNames.JsonRead}.StringItem(ref reader));");
        }
    }
}
