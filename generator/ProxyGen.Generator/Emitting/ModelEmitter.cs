using System.Collections.Generic;
using ProxyGen.Generator.Model;
using ProxyGen.Generator.Parsing;

namespace ProxyGen.Generator.Emitting;

/// <summary>Writes a response model: init-only properties, an <c>AdditionalProperties</c> bag and a reflection-free JSON reader.</summary>
internal static class ModelEmitter
{
    private static readonly HashSet<string> ReaderLocals = new() { "reader", "propertyName", "additionalProperties" };

    public static string Emit(ClientSpec client, ModelSpec model)
    {
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        writer.Summary(model.Description ?? $"The {model.Name} object of the {client.Title} API.");
        writer.OpenBlock($"{client.Visibility} sealed partial class {model.Name}");

        foreach (var property in model.Properties)
        {
            if (property.Description is { } description)
            {
                writer.Summary(description);
            }
            else
            {
                writer.DocElement("summary", $"The <c>{SourceWriter.XmlEscape(property.JsonName)}</c> member.");
            }

            var required = property.Type.Nullable ? string.Empty : "required ";
            writer.Line($"[global::System.Text.Json.Serialization.JsonPropertyName({SourceWriter.Literal(property.JsonName)})]");
            writer.Line($"public {required}{TypeNames.Of(property.Type)} {property.Name} {{ get; init; }}");
            writer.Line();
        }

        writer.DocElement("summary", "JSON members the spec does not describe, kept exactly as the server sent them.");
        writer.Line($"public global::System.Collections.Generic.IReadOnlyDictionary<string, {TypeNames.JsonElement}> AdditionalProperties {{ get; init; }} = {TypeNames.JsonRead}.NoAdditionalProperties;");
        writer.Line();
        WriteReader(writer, model, client.Namespace);
        writer.CloseBlock();
        return writer.ToString();
    }

    private static void WriteReader(SourceWriter writer, ModelSpec model, string @namespace)
    {
        var locals = new List<string>();
        var taken = new HashSet<string>(ReaderLocals);
        foreach (var property in model.Properties)
        {
            locals.Add(Naming.Unique(Naming.Camel(property.Name), taken));
        }

        writer.DocElement("summary", $"Reads a <see cref=\"{model.Name}\"/> from the JSON object at the reader's position, without reflection.");
        writer.OpenBlock($"public static {model.Name} ReadJson(ref {TypeNames.Utf8JsonReader} reader)");
        writer.Line($"{TypeNames.JsonRead}.StartObject(ref reader, {SourceWriter.Literal(model.Name)});");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            writer.Line($"{TypeNames.Of(model.Properties[i].Type.WithNullable(true))} {locals[i]} = null;");
        }

        writer.Line($"global::System.Collections.Generic.Dictionary<string, {TypeNames.JsonElement}>? additionalProperties = null;");
        writer.OpenBlock($"while ({TypeNames.JsonRead}.NextProperty(ref reader, out var propertyName))");
        writer.OpenBlock("switch (propertyName)");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            writer.Line($"case {SourceWriter.Literal(property.JsonName)}:");
            writer.Line($"    {locals[i]} = {TypeNames.ReadExpression(property.Type, @namespace)};");
            writer.Line("    break;");
        }

        writer.Line("default:");
        writer.Line($"    {TypeNames.JsonRead}.Unknown(ref reader, propertyName, ref additionalProperties);");
        writer.Line("    break;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.OpenBlock($"return new {model.Name}");
        for (var i = 0; i < model.Properties.Count; i++)
        {
            var property = model.Properties[i];
            var value = property.Type.Nullable
                ? locals[i]
                : $"{locals[i]} ?? throw {TypeNames.JsonRead}.MissingMember({SourceWriter.Literal(model.Name)}, {SourceWriter.Literal(property.JsonName)})";
            writer.Line($"{property.Name} = {value},");
        }

        writer.Line($"AdditionalProperties = {TypeNames.JsonRead}.Freeze(additionalProperties),");
        writer.CloseBlock(";");
        writer.CloseBlock();
    }
}
