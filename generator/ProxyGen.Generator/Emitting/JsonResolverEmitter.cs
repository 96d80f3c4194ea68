using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes the client's System.Text.Json resolver: every generated type with its generated converter, AOT-safe. It is
/// how a project serializes generated types with System.Text.Json in the project that generates them, where a
/// <c>JsonSerializerContext</c> cannot see them (one source generator never sees another's output).
/// </summary>
internal static class JsonResolverEmitter
{
    public static string Emit(JsonTypesSpec types)
    {
        var client = types.Client;
        var name = client.JsonResolverName;
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        writer.DocText("summary", $"Hands every type generated from {client.SpecFileName} to System.Text.Json with its generated converter: no reflection, safe under trimming and Native AOT.");
        writer.DocXml("remarks", "<code>var options = new JsonSerializerOptions { TypeInfoResolver = " + SourceWriter.XmlEscape(name) + ".Instance };</code>\nCombine it with a <c>JsonSerializerContext</c> of your own through <c>JsonTypeInfoResolver.Combine</c>.");
        using (writer.Block($"{client.Visibility} sealed class {name} : global::System.Text.Json.Serialization.Metadata.IJsonTypeInfoResolver"))
        {
            writer.DocText("summary", "The one instance; it holds no state.");
            writer.Line($"public static {name} Instance {{ get; }} = new {name}();");
            writer.Line();
            writer.Line("/// <inheritdoc />");
            using (writer.Block("public global::System.Text.Json.Serialization.Metadata.JsonTypeInfo? GetTypeInfo(global::System.Type type, global::System.Text.Json.JsonSerializerOptions options)"))
            {
                foreach (var typeName in types.TypeNames)
                {
                    var type = $"global::{client.Namespace}.{typeName}";
                    writer.Line($"if (type == typeof({type})) return {TypeNames.Runtime}.JsonModelTypeInfo.Of<{type}>(options);");
                }

                writer.Line("return null;");
            }
        }

        return writer.Finish();
    }
}
