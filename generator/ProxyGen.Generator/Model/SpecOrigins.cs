using System;
using System.Collections.Generic;
using System.Linq;

namespace ProxyGen.Generator.Model;

/// <summary>
/// Where the spec declares what the model holds: what an API baseline records (so an inline type keeps its name), and
/// where a change found against a baseline is reported. Plain data, beside the <see cref="ApiSpec"/>.
/// </summary>
/// <param name="Types">Every generated model, enum and union, by name.</param>
/// <param name="Operations">Every operation's place (<c>#/paths/~1v1~1Services/post</c>), by operationId.</param>
/// <param name="TakenTypeNames">Every type name the spec has taken, including those of models merged into others.</param>
internal sealed record SpecOrigins(EquatableArray<TypeOrigin> Types, EquatableArray<OperationOrigin> Operations, EquatableArray<string> TakenTypeNames)
{
    public static SpecOrigins Empty { get; } = new(EquatableArray<TypeOrigin>.Empty, EquatableArray<OperationOrigin>.Empty, EquatableArray<string>.Empty);

    private Dictionary<string, TypeOrigin>? _types;
    private Dictionary<string, string>? _operations;

    public TypeOrigin? TypeOf(string name) => (_types ??= Types.ToDictionary(t => t.Name, StringComparer.Ordinal)).TryGetValue(name, out var origin) ? origin : null;

    public string? OperationPointer(string operationId) =>
        (_operations ??= Operations.ToDictionary(o => o.OperationId, o => o.Pointer, StringComparer.Ordinal)).TryGetValue(operationId, out var pointer) ? pointer : null;

    public bool Equals(SpecOrigins? other) =>
        other is not null && Types == other.Types && Operations == other.Operations && TakenTypeNames == other.TakenTypeNames;

    public override int GetHashCode() => (Types, Operations, TakenTypeNames).GetHashCode();
}

/// <summary>Where a generated type comes from.</summary>
/// <param name="Pointers">Its schema's JSON pointer; several when identical inline objects became one model.</param>
/// <param name="IsComponentModel">A model the spec names (<c>components/schemas</c>): a baseline never renames it.</param>
internal sealed record TypeOrigin(string Name, EquatableArray<string> Pointers, bool IsComponentModel);

/// <summary>Where an operation is declared.</summary>
internal sealed record OperationOrigin(string OperationId, string Pointer);
