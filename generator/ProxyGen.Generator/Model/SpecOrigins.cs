using System;
using System.Collections.Generic;

namespace ProxyGen.Generator.Model;

/// <summary>
/// Where the spec declares what the model holds: what an API baseline records (so an inline type keeps its name), and
/// where a change found against a baseline is reported. Plain data beside the <see cref="ApiSpec"/>, kept in parallel
/// arrays because every build carries it and only a build with a baseline reads it.
/// </summary>
/// <param name="TypeNames">Every generated model, enum and union.</param>
/// <param name="TypePointers">
/// For each of <paramref name="TypeNames"/>, its schema's JSON pointer; several, separated by spaces as the baseline
/// file writes them, when identical inline objects became one model.
/// </param>
/// <param name="ComponentModels">The models the spec names (<c>components/schemas</c>): a baseline never renames them.</param>
/// <param name="OperationIds">Every operation's operationId.</param>
/// <param name="OperationPointers">For each of <paramref name="OperationIds"/>, where it is declared (<c>#/paths/~1v1~1Services/post</c>).</param>
/// <param name="TakenTypeNames">Every type name the spec has taken, including those of models merged into others.</param>
internal sealed record SpecOrigins(
    EquatableArray<string> TypeNames,
    EquatableArray<string> TypePointers,
    EquatableArray<string> ComponentModels,
    EquatableArray<string> OperationIds,
    EquatableArray<string> OperationPointers,
    EquatableArray<string> TakenTypeNames)
{
    public static SpecOrigins Empty { get; } = new(default, default, default, default, default, default);

    /// <summary>
    /// What the item's operation selection left out: operations as <c>METHOD /path</c> and the types only they used.
    /// A baseline's entries for them are out of scope, not removed.
    /// </summary>
    public EquatableArray<string> LeftOut { get; init; } = EquatableArray<string>.Empty;

    private Dictionary<string, string>? _types;
    private Dictionary<string, string>? _operations;
    private HashSet<string>? _components;

    /// <summary>Where the spec declares type <paramref name="name"/>: one pointer, or several for merged inline models.</summary>
    public EquatableArray<string> PointersOf(string name)
    {
        _types ??= Index(TypeNames, TypePointers);
        return _types.TryGetValue(name, out var pointers) && pointers.Length > 0 ? pointers.Split(' ').ToEquatableArray() : EquatableArray<string>.Empty;
    }

    public bool IsComponentModel(string name) => (_components ??= new HashSet<string>(ComponentModels, StringComparer.Ordinal)).Contains(name);

    public string? OperationPointer(string operationId) =>
        (_operations ??= Index(OperationIds, OperationPointers)).TryGetValue(operationId, out var pointer) ? pointer : null;

    private static Dictionary<string, string> Index(EquatableArray<string> keys, EquatableArray<string> values)
    {
        var index = new Dictionary<string, string>(keys.Count, StringComparer.Ordinal);
        for (var i = 0; i < keys.Count; i++)
        {
            index[keys[i]] = values[i];
        }

        return index;
    }

    public bool Equals(SpecOrigins? other) =>
        other is not null && TypeNames == other.TypeNames && TypePointers == other.TypePointers && ComponentModels == other.ComponentModels
        && OperationIds == other.OperationIds && OperationPointers == other.OperationPointers && TakenTypeNames == other.TakenTypeNames;

    public override int GetHashCode() => (TypeNames, TypePointers, OperationIds, TakenTypeNames).GetHashCode();
}
