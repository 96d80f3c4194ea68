using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes a oneOf/anyOf. With a discriminator: an abstract class, one sealed variant per alternative holding the typed
/// value, and an Unknown variant holding the JSON of any other value. Without one: a class over the JSON the server
/// sent, with a <c>TryGet…</c> per alternative and a <c>From…</c> to build one. Neither loses anything the server sent.
/// </summary>
internal static class UnionEmitter
{
    public static string Emit(EmitContext client, UnionSpec union) =>
        union.DiscriminatorProperty is null ? EmitUndiscriminated(client, union) : EmitDiscriminated(client, union);

    private static string EmitDiscriminated(EmitContext client, UnionSpec union)
    {
        var name = union.Name;
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        var property = SourceWriter.Literal(union.DiscriminatorProperty!);
        writer.Summary(union.Description ?? $"One of: {string.Join(", ", union.Alternatives.Select(a => a.Name))}.");
        writer.DocXml("remarks", $"The member <c>{SourceWriter.XmlEscape(union.DiscriminatorProperty!)}</c> says which: match on the variants "
            + string.Join(", ", union.Alternatives.Select(a => $"<see cref=\"{a.VariantName}\"/>"))
            + $"; any other value is a <see cref=\"{union.UnknownName}\"/>, kept whole.");
        TypeNames.JsonConverterAttribute(writer, name);
        using (writer.Block($"{client.Visibility} abstract partial class {name} : {TypeNames.JsonModelOf(name)}"))
        {
            writer.DocText("summary", "Only the variants below derive from this class.");
            writer.Line($"private protected {name}()");
            writer.Line("{");
            writer.Line("}");
            writer.Line();
            foreach (var alternative in union.Alternatives)
            {
                writer.DocXml("summary", $"Wraps a <see cref=\"{alternative.Type.Name}\"/> as a <see cref=\"{name}\"/>.");
                writer.Line($"public static implicit operator {name}({alternative.Type.Name} value) => new {alternative.VariantName}(value);");
                writer.Line();
            }

            writer.DocXml("summary", $"Reads a <see cref=\"{name}\"/>: the value of <c>{SourceWriter.XmlEscape(union.DiscriminatorProperty!)}</c> picks the variant, without reflection.");
            using (writer.Block($"public static {name} ReadJson(ref {TypeNames.Utf8JsonReader} reader)"))
            {
                using (writer.Block($"switch ({TypeNames.JsonRead}.Discriminator(reader, {property}))"))
                {
                    foreach (var alternative in union.Alternatives.Where(a => a.DiscriminatorValues.Count > 0))
                    {
                        foreach (var value in alternative.DiscriminatorValues)
                        {
                            writer.Line($"case {SourceWriter.Literal(value)}:");
                        }

                        using (writer.Indent())
                        {
                            writer.Line($"return new {alternative.VariantName}(global::{client.Namespace}.{alternative.Type.Name}.ReadJson(ref reader));");
                        }
                    }

                    writer.Line("default:");
                    using (writer.Indent())
                    {
                        writer.Line($"return new {union.UnknownName}({TypeNames.JsonRead}.JsonValueItem(ref reader));");
                    }
                }
            }

            writer.Line();
            writer.DocText("summary", "Writes the variant's value as JSON.");
            writer.Line($"public abstract void WriteJson({TypeNames.Utf8JsonWriter} writer);");
            writer.Line();
            TypeNames.StaticWriter(writer, name);
        }

        foreach (var alternative in union.Alternatives)
        {
            writer.Line();
            writer.DocXml("summary", $"A <see cref=\"{name}\"/> that is a <see cref=\"{alternative.Type.Name}\"/>.");
            using (writer.Block($"{client.Visibility} sealed partial class {alternative.VariantName} : {name}"))
            {
                writer.DocText("summary", "Wraps the value.");
                writer.Line($"public {alternative.VariantName}({alternative.Type.Name} value) => Value = value ?? throw new global::System.ArgumentNullException(nameof(value));");
                writer.Line();
                writer.DocText("summary", "The value.");
                writer.Line($"public {alternative.Type.Name} Value {{ get; }}");
                writer.Line();
                writer.Line("/// <inheritdoc />");
                writer.Line($"public override void WriteJson({TypeNames.Utf8JsonWriter} writer) => Value.WriteJson(writer);");
            }
        }

        writer.Line();
        writer.DocXml("summary", $"A <see cref=\"{name}\"/> whose <c>{SourceWriter.XmlEscape(union.DiscriminatorProperty!)}</c> the spec does not list: the JSON is kept whole and written back as it came.");
        using (writer.Block($"{client.Visibility} sealed partial class {union.UnknownName} : {name}"))
        {
            writer.DocText("summary", "Keeps the JSON.");
            writer.Line($"public {union.UnknownName}({TypeNames.JsonElement} json) => Json = json;");
            writer.Line();
            writer.DocText("summary", "The JSON exactly as the server sent it.");
            writer.Line($"public {TypeNames.JsonElement} Json {{ get; }}");
            writer.Line();
            writer.DocText("summary", "The discriminator value the server sent, or null when the JSON has none.");
            writer.Line($"public string? DiscriminatorValue => Json.ValueKind == global::System.Text.Json.JsonValueKind.Object && Json.TryGetProperty({property}, out var value) && value.ValueKind == global::System.Text.Json.JsonValueKind.String ? value.GetString() : null;");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            writer.Line($"public override void WriteJson({TypeNames.Utf8JsonWriter} writer) => Json.WriteTo(writer);");
        }

        return writer.Finish();
    }

    private static string EmitUndiscriminated(EmitContext client, UnionSpec union)
    {
        var name = union.Name;
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        writer.Summary(union.Description ?? $"One of: {string.Join(", ", union.Alternatives.Select(a => a.Name))}.");
        writer.DocXml("remarks", "Keeps the JSON the server sent; each <c>TryGet…</c> reads it as one alternative when its JSON kind and required members fit. <c>From…</c> builds one.");
        TypeNames.JsonConverterAttribute(writer, name);
        using (writer.Block($"{client.Visibility} sealed partial class {name} : {TypeNames.JsonModelOf(name)}"))
        {
            writer.DocText("summary", "Wraps JSON that is one of the alternatives.");
            writer.Line($"public {name}({TypeNames.JsonElement} json) => Json = json;");
            writer.Line();
            writer.DocText("summary", "The JSON exactly as it was read or built.");
            writer.Line($"public {TypeNames.JsonElement} Json {{ get; }}");
            foreach (var alternative in union.Alternatives)
            {
                var type = TypeNames.Of(alternative.Type);
                writer.Line();
                writer.DocXml("summary", $"Reads the JSON as {SourceWriter.XmlEscape(alternative.Name)}; false when it is not one.");
                using (writer.Block($"public bool TryGet{alternative.Name}([global::System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out {type}{(TypeNames.IsValueType(alternative.Type) ? string.Empty : "?")} value)"))
                {
                    var condition = Condition(alternative);
                    using (writer.Block($"if ({condition} && {TypeNames.JsonRead}.TryRead(Json, {TypeNames.ItemReader(alternative.Type, client.Namespace)}, out var read))"))
                    {
                        writer.Line("value = read;");
                        writer.Line("return true;");
                    }

                    writer.Line();
                    writer.Line("value = default;");
                    writer.Line("return false;");
                }

                writer.Line();
                writer.DocXml("summary", $"A <see cref=\"{name}\"/> holding <paramref name=\"value\"/>.");
                writer.Line($"public static {name} From{alternative.Name}({type} value) => new {name}({TypeNames.JsonWrite}.ToElement<{type}>(value, {TypeNames.ValueWriter(alternative.Type, client.Namespace)}));");
            }

            writer.Line();
            writer.DocXml("summary", $"Reads a <see cref=\"{name}\"/>: the JSON value at the reader's position, kept whole.");
            writer.Line($"public static {name} ReadJson(ref {TypeNames.Utf8JsonReader} reader) => new {name}({TypeNames.JsonRead}.JsonValueItem(ref reader));");
            writer.Line();
            writer.DocText("summary", "Writes the JSON back exactly as it was.");
            writer.Line($"public void WriteJson({TypeNames.Utf8JsonWriter} writer) => Json.WriteTo(writer);");
            writer.Line();
            TypeNames.StaticWriter(writer, name);
        }

        return writer.Finish();
    }

    /// <summary>The cheap test before reading: the JSON kind the alternative is written as, and an object's required members.</summary>
    private static string Condition(UnionAlternativeSpec alternative)
    {
        const string Kind = "Json.ValueKind == global::System.Text.Json.JsonValueKind.";
        return alternative.Type.Kind switch
        {
            TypeKind.Model => alternative.RequiredMembers.Count == 0
                ? Kind + "Object"
                : $"{TypeNames.JsonRead}.HasMembers(Json, {string.Join(", ", alternative.RequiredMembers.Select(SourceWriter.Literal))})",
            TypeKind.Map or TypeKind.JsonObject => Kind + "Object",
            TypeKind.Array => Kind + "Array",
            TypeKind.String or TypeKind.Enum or TypeKind.HttpMethod or TypeKind.Uri or TypeKind.DateTimeOffset or TypeKind.DateOnly or TypeKind.DateTimeRfc2822
                or TypeKind.TimeOnly or TypeKind.Duration or TypeKind.Guid or TypeKind.Bytes => Kind + "String",
            TypeKind.Int32 or TypeKind.Int64 or TypeKind.Double or TypeKind.Float or TypeKind.Decimal or TypeKind.UnixTime => Kind + "Number",
            TypeKind.Int32AsString or TypeKind.Int64AsString or TypeKind.DoubleAsString or TypeKind.DecimalAsString => $"({Kind}String || {Kind}Number)",
            TypeKind.Boolean => $"({Kind}True || {Kind}False)",
            _ => "true",
        };
    }
}
