using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes a model: init-only properties, an <c>AdditionalProperties</c> bag, and a reflection-free JSON reader and
/// writer, so a model the server sent can be sent back exactly and a request body is written without reflection.
/// </summary>
internal static class ModelEmitter
{
    private static readonly HashSet<string> ReaderLocals = new() { "reader", "additionalProperties" };

    public static string Emit(EmitContext client, ModelSpec model)
    {
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace, model.AllProperties.Any(p => p.Deprecated));
        writer.Summary(model.Description ?? $"The {model.Name} object of the {client.Title} API.");
        var declaration = $"{client.Visibility} {(model.IsSealed ? "sealed " : string.Empty)}partial class {model.Name}"
            + (model.BaseName is null ? string.Empty : " : " + model.BaseName);
        TypeNames.JsonConverterAttribute(writer, model.Name);
        using (writer.Block(declaration))
        {
            foreach (var property in model.Properties)
            {
                if (property.Description is { } description)
                {
                    writer.Summary(description);
                }
                else
                {
                    writer.DocXml("summary", $"The <c>{SourceWriter.XmlEscape(property.JsonName)}</c> member.");
                }

                if (property.Deprecated)
                {
                    writer.DocText("remarks", "Deprecated: the spec marks this member deprecated.");
                }

                var required = property.Type.Nullable ? string.Empty : "required ";
                writer.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({SourceWriter.Literal(property.JsonName)})]");
                // C# refuses [Obsolete] on a required member (CS9042); its documentation says it instead.
                if (property.Deprecated && property.Type.Nullable)
                {
                    writer.Line("[global::System.Obsolete(\"The spec marks this member deprecated.\")]");
                }

                writer.Line($"public {required}{TypeNames.Of(property.Type)} {property.Name} {{ get; init; }}");
                writer.Line();
            }

            if (model.BaseName is null)
            {
                writer.DocText("summary", "JSON members the spec does not describe, kept exactly as the server sent them, and written back by WriteJson.");
                writer.Line($"public global::System.Collections.Generic.IReadOnlyDictionary<string, {TypeNames.JsonElement}> AdditionalProperties {{ get; init; }} = {TypeNames.JsonRead}.NoAdditionalProperties;");
                writer.Line();
            }

            WriteReader(writer, model, client.Namespace);
            writer.Line();
            WriteWriter(writer, model, client.Namespace);
        }

        return writer.Finish();
    }

    private static void WriteReader(SourceWriter writer, ModelSpec model, string @namespace)
    {
        var properties = model.AllProperties.ToList();
        var locals = new List<string>();
        var taken = new HashSet<string>(ReaderLocals);
        foreach (var property in properties)
        {
            locals.Add(Naming.Unique(Naming.Camel(property.Name), taken));
        }

        writer.DocXml("summary", $"Reads a <see cref=\"{model.Name}\"/> from the JSON object at the reader's position, without reflection.");
        var hides = model.BaseName is null ? string.Empty : "new ";
        using (writer.Block($"public static {hides}{model.Name} ReadJson(ref {TypeNames.Utf8JsonReader} reader)"))
        {
            writer.Line($"{TypeNames.JsonRead}.StartObject(ref reader, {SourceWriter.Literal(model.Name)});");
            for (var i = 0; i < properties.Count; i++)
            {
                writer.Line($"{TypeNames.Of(properties[i].Type.WithNullable(true))} {locals[i]} = null;");
            }

            writer.Line($"global::System.Collections.Generic.Dictionary<string, {TypeNames.JsonElement}>? additionalProperties = null;");

            // Member names are matched as UTF-8 where they lie in the input: only an unknown member's name becomes a string.
            using (writer.Block($"while ({TypeNames.JsonRead}.NextMember(ref reader))"))
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    var property = properties[i];
                    using (writer.Block($"{(i == 0 ? string.Empty : "else ")}if (reader.ValueTextEquals({SourceWriter.Literal(property.JsonName)}u8))"))
                    {
                        writer.Line($"{TypeNames.JsonRead}.MemberValue(ref reader);");
                        writer.Line($"{locals[i]} = {TypeNames.ReadExpression(property.Type, @namespace)};");
                    }
                }

                var unknown = $"{TypeNames.JsonRead}.Unknown(ref reader, ref additionalProperties);";
                if (properties.Count == 0)
                {
                    writer.Line(unknown);
                }
                else
                {
                    using (writer.Block("else"))
                    {
                        writer.Line(unknown);
                    }
                }
            }

            writer.Line();
            using (writer.Block($"return new {model.Name}", ";"))
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    var property = properties[i];
                    var value = property.Type.Nullable
                        ? locals[i]
                        : $"{locals[i]} ?? throw {TypeNames.JsonRead}.MissingMember({SourceWriter.Literal(model.Name)}, {SourceWriter.Literal(property.JsonName)})";
                    writer.Line($"{property.Name} = {value},");
                }

                writer.Line($"AdditionalProperties = {TypeNames.JsonRead}.Freeze(additionalProperties),");
            }
        }
    }

    /// <summary>
    /// <c>WriteJson</c>: every property that is not null under its JSON name exactly as the spec writes it, then the
    /// members kept in <c>AdditionalProperties</c>. A static overload makes the model a <c>JsonValueWriter</c> for lists.
    /// </summary>
    private static void WriteWriter(SourceWriter writer, ModelSpec model, string @namespace)
    {
        writer.DocXml("summary", "Writes this object as JSON, without reflection: members left null are not written; <c>AdditionalProperties</c> are written back.");
        // A class others extend writes through a virtual method, so a derived object in a base-typed member is written whole.
        var modifier = model.BaseName is not null ? "override " : model.IsSealed ? string.Empty : "virtual ";
        using (writer.Block($"public {modifier}void WriteJson({TypeNames.Utf8JsonWriter} writer)"))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            writer.Line("writer.WriteStartObject();");
            foreach (var property in model.AllProperties)
            {
                var type = property.Type.WithNullable(false);
                var name = $"{SourceWriter.Literal(property.JsonName)}u8";
                if (property.Type.Nullable)
                {
                    using (writer.Block($"if (this.{property.Name} is {{ }} value{property.Name})"))
                    {
                        writer.Line($"writer.WritePropertyName({name});");
                        writer.Line($"{TypeNames.ValueWriter(type, @namespace)}(writer, value{property.Name});");
                    }

                    writer.Line();
                }
                else
                {
                    writer.Line($"writer.WritePropertyName({name});");
                    writer.Line($"{TypeNames.ValueWriter(type, @namespace)}(writer, this.{property.Name});");
                }
            }

            writer.Line($"{TypeNames.JsonWrite}.AdditionalProperties(writer, this.AdditionalProperties);");
            writer.Line("writer.WriteEndObject();");
        }

        writer.Line();
        TypeNames.StaticWriterAndConverter(writer, model.Name, hidesInherited: model.BaseName is not null);
    }
}
