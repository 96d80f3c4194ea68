using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes an open enum: a readonly struct over the wire string, with a static member per known value.
/// A value the server adds later round-trips instead of failing the whole response.
/// </summary>
internal static class EnumEmitter
{
    public static string Emit(ClientSpec client, EnumSpec spec)
    {
        var name = spec.Name;
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        writer.Summary(spec.Description ?? $"The {name} values of the {client.Title} API.");
        writer.DocElement("remarks", "Open: values the spec does not list yet are kept as they are, not rejected. Compare with the static members; check <see cref=\"IsKnown\"/> to find new values.");
        writer.Line("[global::System.Diagnostics.DebuggerDisplay(\"{Value,nq}\")]");
        writer.OpenBlock($"{client.Visibility} readonly partial struct {name} : global::System.IEquatable<{name}>");
        writer.Line("private readonly string? _value;");
        writer.Line();
        writer.DocElement("summary", "Wraps a wire value; any string is accepted, known or not.");
        writer.Line($"public {name}(string value) => _value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
        writer.Line();
        foreach (var member in spec.Members)
        {
            writer.DocElement("summary", $"The value <c>{SourceWriter.XmlEscape(member.Value)}</c>.");
            writer.Line($"public static {name} {member.Name} {{ get; }} = new {name}({SourceWriter.Literal(member.Value)});");
            writer.Line();
        }

        writer.DocElement("summary", "The value exactly as it travels on the wire.");
        writer.Line("public string Value => _value ?? string.Empty;");
        writer.Line();
        writer.DocElement("summary", "True when the value is one the spec lists.");
        var known = spec.Members.Count == 0
            ? "false"
            : "Value is " + string.Join(" or ", spec.Members.Select(m => SourceWriter.Literal(m.Value)));
        writer.Line($"public bool IsKnown => {known};");
        writer.Line();
        writer.DocElement("summary", "Wraps a wire value.");
        writer.Line($"public static implicit operator {name}(string value) => new {name}(value);");
        writer.Line();
        writer.DocElement("summary", "Compares the wire values, ordinally.");
        writer.Line($"public static bool operator ==({name} left, {name} right) => left.Equals(right);");
        writer.Line();
        writer.DocElement("summary", "Compares the wire values, ordinally.");
        writer.Line($"public static bool operator !=({name} left, {name} right) => !left.Equals(right);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public bool Equals({name} other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line($"public override bool Equals(object? obj) => obj is {name} other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override string ToString() => Value;");
        writer.Line();
        writer.DocElement("summary", "Reads the JSON string at the reader's position.");
        writer.Line($"public static {name} ReadJson(ref {TypeNames.Utf8JsonReader} reader) => new {name}({TypeNames.JsonRead}.StringItem(ref reader));");
        writer.CloseBlock();
        return writer.ToString();
    }
}
