using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProxyGen.Generator.Emitting;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Drift;

/// <summary>
/// The public surface a spec generates, one <see cref="SurfaceEntry"/> per type, member and method: what an API
/// baseline (<c>proxy_v1.api.txt</c>) holds, and what a new version of the spec is compared with.
/// </summary>
internal static class ApiSurface
{
    /// <summary>The surface of <paramref name="spec"/>, sorted by key.</summary>
    /// <param name="pointerOf">Where the spec declares a generated type (its JSON pointer), or null.</param>
    public static List<SurfaceEntry> Build(ApiSpec spec, Func<string, string?> pointerOf)
    {
        var entries = new List<SurfaceEntry>();
        foreach (var model in spec.Models)
        {
            entries.Add(new SurfaceEntry(SurfaceKind.Type, model.Name, "class", model.BaseName, false, null, pointerOf(model.Name) ?? string.Empty, false));
            foreach (var property in model.Properties)
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Member, model.Name + "." + property.Name, null, TypeText(property.Type), false, null, "json " + property.JsonName, property.Deprecated));
            }
        }

        foreach (var @enum in spec.Enums)
        {
            entries.Add(new SurfaceEntry(SurfaceKind.Type, @enum.Name, "enum", null, false, null, pointerOf(@enum.Name) ?? string.Empty, false));
            foreach (var member in @enum.Members)
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Member, @enum.Name + "." + member.Name, null, null, false, null, member.Value, false));
            }
        }

        foreach (var union in spec.Unions)
        {
            entries.Add(new SurfaceEntry(SurfaceKind.Type, union.Name, "union", null, false, null, pointerOf(union.Name) ?? string.Empty, false));
        }

        foreach (var operation in spec.Operations)
        {
            var where = operation.HttpMethod + " " + operation.Path;
            var parameters = ClientEmitter.Parameters(operation, cancellation: false).Replace("global::", string.Empty);
            var response = operation.Response is { } type ? $"System.Threading.Tasks.Task<{TypeText(type)}>" : "System.Threading.Tasks.Task";
            entries.Add(new SurfaceEntry(SurfaceKind.Method, $"{spec.Client.Name}.{operation.Name}Async", null, response, false, parameters, where, operation.Deprecated));
            if (operation.Paging is { } paging)
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Method, $"{spec.Client.Name}.{operation.Name}AllAsync", null, $"System.Collections.Generic.IAsyncEnumerable<{TypeText(paging.ItemType)}>", false, parameters, where, operation.Deprecated));
            }

            if (operation.Request is { } request)
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Type, request.Name, "request", null, false, null, "operation " + operation.OperationId, false));
                foreach (var field in request.Fields)
                {
                    var location = field.Location.ToString().ToLowerInvariant();
                    entries.Add(new SurfaceEntry(SurfaceKind.Member, request.Name + "." + field.PropertyName, null, TypeText(field.Type), field.Required, null, location + " " + field.WireName, field.Deprecated));
                }
            }
        }

        entries.Sort(SurfaceEntry.ByKey);
        return entries;
    }

    /// <summary>The text of a baseline file: a header saying what it is, then one line per entry.</summary>
    public static string Write(string specFileName, IEnumerable<SurfaceEntry> entries)
    {
        var builder = new StringBuilder();
        builder.Append("# The public API ProxyGen generates from ").Append(specFileName).Append(", one line per member, sorted.\n");
        builder.Append("# Kept beside the spec, it makes the build report what a new version of the spec breaks (PXG0021-PXG0029).\n");
        builder.Append("# Regenerate it with `proxygen baseline ").Append(specFileName).Append("` once you have updated your code.\n");
        foreach (var entry in entries)
        {
            builder.Append(entry.Line).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>The entries of a baseline file, with the (zero-based) line each stands on.</summary>
    public static List<(SurfaceEntry Entry, int Line)> Read(string text)
    {
        var entries = new List<(SurfaceEntry, int)>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (SurfaceEntry.Parse(lines[i]) is { } entry)
            {
                entries.Add((entry, i));
            }
        }

        return entries;
    }

    /// <summary>A C# type as the generated code spells it, without <c>global::</c>.</summary>
    public static string TypeText(TypeRef type) => TypeNames.Of(type).Replace("global::", string.Empty);

    /// <summary>A type text from a baseline made safe to compile again: every BCL and runtime name qualified with <c>global::</c>.</summary>
    public static string Compilable(string typeText) =>
        System.Text.RegularExpressions.Regex.Replace(typeText, @"(?<![\w.:])(System|ProxyGen\.Runtime)\.", "global::$1.");
}
