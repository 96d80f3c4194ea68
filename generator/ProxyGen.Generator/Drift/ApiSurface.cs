using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Drift;

/// <summary>
/// The public surface a spec generates, one <see cref="SurfaceEntry"/> per type, member and method: what an API
/// baseline (<c>proxy_v1.api.txt</c>) holds, and what a new version of the spec is compared with.
/// </summary>
internal static class ApiSurface
{
    private const string Task = "System.Threading.Tasks.Task";

    /// <summary>The surface of <paramref name="spec"/>, sorted by key.</summary>
    public static List<SurfaceEntry> Build(ApiSpec spec, SpecOrigins origins)
    {
        var entries = new List<SurfaceEntry>();
        foreach (var model in spec.Models)
        {
            entries.Add(new SurfaceEntry(SurfaceKind.Type, model.Name, SurfaceTypeKind.Class, model.BaseName, Pointers: origins.PointersOf(model.Name)));
            foreach (var property in model.Properties)
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Member, model.Name + "." + property.Name, Type: SurfaceTypes.Of(property.Type), Member: new MemberOrigin(MemberLocation.Json, property.JsonName), Deprecated: property.Deprecated));
            }
        }

        foreach (var @enum in spec.Enums)
        {
            entries.Add(new SurfaceEntry(SurfaceKind.Type, @enum.Name, SurfaceTypeKind.Enum, Pointers: origins.PointersOf(@enum.Name)));
            foreach (var member in @enum.Members)
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Member, @enum.Name + "." + member.Name, Member: new MemberOrigin(MemberLocation.EnumValue, member.Value)));
            }
        }

        foreach (var union in spec.Unions)
        {
            entries.Add(new SurfaceEntry(SurfaceKind.Type, union.Name, SurfaceTypeKind.Union, Pointers: origins.PointersOf(union.Name)));
        }

        foreach (var operation in spec.Operations)
        {
            var endpoint = new Endpoint(operation.HttpMethod, operation.Path);
            var parameters = Parameters(operation);
            var response = operation.Response is { } type ? $"{Task}<{SurfaceTypes.Of(type)}>" : Task;
            if (operation.Streamed is not { Only: true })
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Method, $"{spec.Client.Name}.{operation.Name}Async", Type: response, Parameters: parameters, Endpoint: endpoint, Deprecated: operation.Deprecated));
            }

            if (operation.Streamed is { } streamed)
            {
                var item = SurfaceTypes.Of(streamed.Item);
                var stream = streamed.Format == StreamFormat.ServerSentEvents ? $"ProxyGen.Runtime.ServerSentEvent<{item}>" : item;
                entries.Add(new SurfaceEntry(SurfaceKind.Method, $"{spec.Client.Name}.{streamed.MethodName}Async", Type: $"System.Collections.Generic.IAsyncEnumerable<{stream}>", Parameters: parameters, Endpoint: endpoint, Deprecated: operation.Deprecated));
            }

            if (operation.Paging is { } paging)
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Method, $"{spec.Client.Name}.{operation.Name}AllAsync", Type: $"System.Collections.Generic.IAsyncEnumerable<{SurfaceTypes.Of(paging.ItemType)}>", Parameters: parameters, Endpoint: endpoint, Deprecated: operation.Deprecated));
            }

            if (operation.Request is { } request)
            {
                entries.Add(new SurfaceEntry(SurfaceKind.Type, request.Name, SurfaceTypeKind.Request, OperationId: operation.OperationId));
                foreach (var field in request.Fields)
                {
                    entries.Add(new SurfaceEntry(SurfaceKind.Member, request.Name + "." + field.PropertyName, Type: SurfaceTypes.Of(field.Type), Required: field.Required, Member: MemberOrigin.Of(field.Location, field.WireName), Deprecated: field.Deprecated));
                }
            }
        }

        entries.Sort(SurfaceEntry.ByKey);
        return entries;
    }

    /// <summary>
    /// The parameters of an operation's method before its cancellation token: path arguments, the body (optional unless
    /// the spec requires it or a mandatory request follows it), the request class (mandatory when a field is required).
    /// </summary>
    public static EquatableArray<SurfaceParameter> Parameters(OperationSpec operation)
    {
        var parameters = operation.PathParameters.Select(p => new SurfaceParameter(ParameterRole.Path, p.ArgumentName, SurfaceTypes.Of(p.Type), Optional: false)).ToList();
        if (operation.Body is { } body)
        {
            parameters.Add(new SurfaceParameter(ParameterRole.Body, "body", SurfaceTypes.Of(body.Type), Optional: !body.Required && operation.Request is not { IsRequired: true }));
        }

        if (operation.Request is { } request)
        {
            parameters.Add(request.IsRequired
                ? new SurfaceParameter(ParameterRole.Request, "request", request.Name, Optional: false)
                : new SurfaceParameter(ParameterRole.Request, "request", request.Name + "?", Optional: true));
        }

        return parameters.ToEquatableArray();
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
        var lines = text.Split('\n');

        // Types first: a member's origin reads by its owner's kind (an enum value may look like "json x").
        var kinds = new Dictionary<string, SurfaceTypeKind>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (SurfaceEntry.Parse(line, static _ => null) is { Kind: SurfaceKind.Type, TypeKind: { } kind } type)
            {
                kinds[type.Key] = kind;
            }
        }

        var entries = new List<(SurfaceEntry, int)>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (SurfaceEntry.Parse(lines[i], owner => kinds.TryGetValue(owner, out var kind) ? kind : null) is { } entry)
            {
                entries.Add((entry, i));
            }
        }

        return entries;
    }
}
