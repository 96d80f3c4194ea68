using System.Linq;
using ProxyGen.Generator.Drift;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes the members the API baseline lists but the spec no longer has, each <c>[Obsolete(…, error: true)]</c>:
/// code that calls <c>UpdateShortCodeAsync</c> after the spec dropped it fails with CS0619 and the reason, not CS1061.
/// </summary>
internal static class RemovedEmitter
{
    public static string Emit(EmitContext client, RemovedSurface removed)
    {
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace);
        var entries = removed.Entries;
        var methods = entries.Where(e => e.Kind == SurfaceKind.Method).ToList();
        if (methods.Count > 0)
        {
            using (writer.Block($"{client.Visibility} partial interface {client.InterfaceName}"))
            {
                foreach (var method in methods)
                {
                    writer.DocText("summary", Message(method, removed.SpecFileName));
                    Obsolete(writer, method, removed.SpecFileName);
                    writer.Line($"{Signature(method)};");
                }
            }

            writer.Line();
            using (writer.Block($"{client.Visibility} partial class {client.Name}"))
            {
                foreach (var method in methods)
                {
                    writer.Line("/// <inheritdoc />");
                    Obsolete(writer, method, removed.SpecFileName);
                    writer.Line($"public {Signature(method)} => throw new global::System.NotSupportedException({SourceWriter.Literal(Message(method, removed.SpecFileName))});");
                }
            }
        }

        foreach (var type in entries.Where(e => e.Kind == SurfaceKind.Type))
        {
            writer.Line();
            writer.DocText("summary", Message(type, removed.SpecFileName));
            Obsolete(writer, type, removed.SpecFileName);
            var isEnum = type.TypeKind == SurfaceTypeKind.Enum;
            using (writer.Block($"{client.Visibility} {(isEnum ? "readonly struct" : "sealed class")} {type.Key}"))
            {
                if (isEnum)
                {
                    writer.Line($"private {type.Key}(string value) => Value = value;");
                    writer.Line();
                    writer.Line("/// <summary>The value as the server sent it.</summary>");
                    writer.Line("public string Value { get; }");
                }

                foreach (var member in entries.Where(e => e.Kind == SurfaceKind.Member && e.Owner == type.Key))
                {
                    Member(writer, member, type, removed.SpecFileName, obsolete: false);
                }
            }
        }

        foreach (var owner in removed.KeptOwners)
        {
            writer.Line();
            using (writer.Block(owner.TypeKind == SurfaceTypeKind.Enum ? $"readonly partial struct {owner.Key}" : $"partial class {owner.Key}"))
            {
                foreach (var member in entries.Where(e => e.Kind == SurfaceKind.Member && e.Owner == owner.Key))
                {
                    Member(writer, member, owner, removed.SpecFileName, obsolete: true);
                }
            }
        }

        return writer.Finish();
    }

    private static void Member(SourceWriter writer, SurfaceEntry member, SurfaceEntry owner, string specFileName, bool obsolete)
    {
        writer.DocText("summary", Message(member, specFileName));
        if (obsolete)
        {
            Obsolete(writer, member, specFileName);
        }

        writer.Line(owner.TypeKind == SurfaceTypeKind.Enum
            ? $"public static {owner.Key} {member.Name} => new {owner.Key}({SourceWriter.Literal(member.Member!.Name)});"
            : $"public {SurfaceTypes.Compilable(member.Type ?? "object?")} {member.Name} {{ get; set; }} = default!;");
    }

    private static string Signature(SurfaceEntry method)
    {
        var parameters = method.Parameters.Count > 0 ? SurfaceTypes.Compilable(method.ParameterText) + ", " : string.Empty;
        return $"{SurfaceTypes.Compilable(method.Type!)} {method.Name}({parameters}{TypeNames.CancellationToken} cancellationToken = default)";
    }

    private static void Obsolete(SourceWriter writer, SurfaceEntry entry, string specFileName) =>
        writer.Line($"[global::System.Obsolete({SourceWriter.Literal(Message(entry, specFileName))}, true)]");

    /// <summary>"UpdateShortCodeAsync was removed from proxy_v1.yaml (was POST /v1/…); update the code, then the baseline".</summary>
    public static string Message(SurfaceEntry entry, string specFileName)
    {
        var was = entry.Kind == SurfaceKind.Method ? $" (was {entry.Endpoint!.Text})" : string.Empty;
        var name = entry.Kind == SurfaceKind.Method ? entry.Name : entry.Key;
        return $"{name} was removed from {specFileName}{was}; update the code, then the baseline";
    }
}
