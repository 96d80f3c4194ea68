using System;
using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Drift;

/// <summary>The kinds of change between an API baseline and the spec: each has a diagnostic of its own.</summary>
internal enum ChangeKind
{
    /// <summary>PXG0021: an operation's method is gone.</summary>
    OperationRemoved,

    /// <summary>PXG0022: an operation's HTTP method, path, parameters or result changed.</summary>
    OperationChanged,

    /// <summary>PXG0023: a request field was removed, became required or changed type.</summary>
    RequestFieldChanged,

    /// <summary>PXG0024: a new request field is required.</summary>
    RequiredFieldAdded,

    /// <summary>PXG0025: a model property was removed or changed type.</summary>
    PropertyChanged,

    /// <summary>PXG0026: an enum value was removed.</summary>
    EnumValueRemoved,

    /// <summary>PXG0027: a model, enum or union of the spec's components was removed.</summary>
    ModelRemoved,

    /// <summary>PXG0028 (info): something became deprecated.</summary>
    Deprecated,

    /// <summary>PXG0029 (info): something was added.</summary>
    Added,
}

/// <summary>One difference between a baseline and the spec's surface now.</summary>
/// <param name="Subject">The C# name the change is about (<c>ProxyV1Client.UpdateShortCodeAsync</c>).</param>
/// <param name="Detail">What changed, in words (<c>was POST /v1/…</c>, <c>became required</c>).</param>
/// <param name="Old">The baseline's entry, when there was one.</param>
/// <param name="New">The spec's entry now, when there is one.</param>
internal sealed record ApiChange(ChangeKind Kind, string Subject, string Detail, SurfaceEntry? Old, SurfaceEntry? New)
{
    /// <summary>True for what can break a caller's build or calls; additions and deprecations are not.</summary>
    public bool IsBreaking => Kind is not (ChangeKind.Deprecated or ChangeKind.Added);

    /// <summary>The public id the build reports this change under: an explicit constant per kind, never an ordinal.</summary>
    public string DiagnosticId => Kind switch
    {
        ChangeKind.OperationRemoved => DiagnosticDescriptors.OperationRemoved.Id,
        ChangeKind.OperationChanged => DiagnosticDescriptors.OperationChanged.Id,
        ChangeKind.RequestFieldChanged => DiagnosticDescriptors.RequestFieldChanged.Id,
        ChangeKind.RequiredFieldAdded => DiagnosticDescriptors.RequiredFieldAdded.Id,
        ChangeKind.PropertyChanged => DiagnosticDescriptors.PropertyChanged.Id,
        ChangeKind.EnumValueRemoved => DiagnosticDescriptors.EnumValueRemoved.Id,
        ChangeKind.ModelRemoved => DiagnosticDescriptors.ModelRemoved.Id,
        ChangeKind.Deprecated => DiagnosticDescriptors.BecameDeprecated.Id,
        ChangeKind.Added => DiagnosticDescriptors.ApiAdded.Id,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, "Unknown change."),
    };

    /// <summary>
    /// The changes from <paramref name="baseline"/> to <paramref name="current"/>, breaking ones first, each group in key
    /// order. A removed type's members and a removed operation's request class are not reported apart: the type or
    /// the operation says it. Types that are not components (request classes, inline objects) are reported through
    /// their operation or the property that holds them, never on their own.
    /// </summary>
    public static List<ApiChange> Compare(IEnumerable<SurfaceEntry> baseline, IEnumerable<SurfaceEntry> current)
    {
        var old = Index(baseline);
        var now = Index(current);
        var changes = new List<ApiChange>();
        foreach (var entry in old.Values)
        {
            now.TryGetValue(entry.Key, out var match);
            var ownerGone = entry.Kind == SurfaceKind.Member && !now.ContainsKey(entry.Owner);
            switch (entry.Kind)
            {
                case SurfaceKind.Method when match is null:
                    // A paged list's AllAsync goes with its operation: the operation is reported once.
                    if (entry.Name.EndsWith("AllAsync", StringComparison.Ordinal)
                        && old.ContainsKey(entry.Key.Substring(0, entry.Key.Length - "AllAsync".Length) + "Async")
                        && !now.ContainsKey(entry.Key.Substring(0, entry.Key.Length - "AllAsync".Length) + "Async"))
                    {
                        break;
                    }

                    changes.Add(new ApiChange(ChangeKind.OperationRemoved, entry.Key, "was " + entry.Endpoint!.Text, entry, null));
                    break;
                case SurfaceKind.Method:
                    if (match.Endpoint != entry.Endpoint)
                    {
                        changes.Add(new ApiChange(ChangeKind.OperationChanged, entry.Key, $"was {entry.Endpoint!.Text}, is {match.Endpoint!.Text}", entry, match));
                    }
                    else if (!SameParameters(match.Parameters, entry.Parameters) || match.Type != entry.Type)
                    {
                        var detail = match.Parameters != entry.Parameters
                            ? $"its parameters were ({entry.ParameterText}), are ({match.ParameterText})"
                            : $"it returned {entry.Type}, returns {match.Type}";
                        changes.Add(new ApiChange(ChangeKind.OperationChanged, entry.Key, detail, entry, match));
                    }

                    break;
                case SurfaceKind.Type when match is null:
                    if (entry.IsComponent)
                    {
                        changes.Add(new ApiChange(ChangeKind.ModelRemoved, entry.Key, $"{entry.TypeKind.ToString()!.ToLowerInvariant()} from {entry.Origin}", entry, null));
                    }

                    break;
                case SurfaceKind.Member when ownerGone:
                    break;
                case SurfaceKind.Member when IsEnumValue(entry, old):
                    if (match is null)
                    {
                        changes.Add(new ApiChange(ChangeKind.EnumValueRemoved, entry.Key, $"'{entry.Member!.Name}'", entry, null));
                    }

                    break;
                case SurfaceKind.Member when IsRequestField(entry, old):
                    if (match is null)
                    {
                        changes.Add(new ApiChange(ChangeKind.RequestFieldChanged, entry.Key, $"the {entry.Origin} was removed", entry, null));
                    }
                    else if (match.Required && !entry.Required)
                    {
                        changes.Add(new ApiChange(ChangeKind.RequestFieldChanged, entry.Key, $"the {match.Origin} became required", entry, match));
                    }
                    else if (match.Type != entry.Type)
                    {
                        changes.Add(new ApiChange(ChangeKind.RequestFieldChanged, entry.Key, $"the {match.Origin} was {entry.Type}, is {match.Type}", entry, match));
                    }

                    break;
                case SurfaceKind.Member:
                    if (match is null)
                    {
                        changes.Add(new ApiChange(ChangeKind.PropertyChanged, entry.Key, $"the member {entry.Member!.Name} was removed", entry, null));
                    }
                    else if (match.Type != entry.Type)
                    {
                        changes.Add(new ApiChange(ChangeKind.PropertyChanged, entry.Key, $"was {entry.Type}, is {match.Type}", entry, match));
                    }

                    break;
            }

            if (match is { Deprecated: true } && !entry.Deprecated)
            {
                changes.Add(new ApiChange(ChangeKind.Deprecated, entry.Key, "is now deprecated", entry, match));
            }
        }

        foreach (var entry in now.Values)
        {
            if (old.ContainsKey(entry.Key))
            {
                continue;
            }

            if (entry.Kind == SurfaceKind.Member && IsRequestField(entry, now) && entry.Required && old.ContainsKey(entry.Owner))
            {
                changes.Add(new ApiChange(ChangeKind.RequiredFieldAdded, entry.Key, $"the new {entry.Origin} is required: every call must set it", null, entry));
            }
            else if (entry.Kind == SurfaceKind.Method
                || (entry.Kind == SurfaceKind.Type && entry.IsComponent)
                || (entry.Kind == SurfaceKind.Member && old.ContainsKey(entry.Owner)))
            {
                changes.Add(new ApiChange(ChangeKind.Added, entry.Key, entry.Origin, null, entry));
            }
        }

        return changes.OrderBy(c => c.IsBreaking ? 0 : 1).ThenBy(c => (int)c.Kind).ThenBy(c => c.Subject, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The baseline's entries that the spec no longer generates: what the generator keeps as <c>[Obsolete(error: true)]</c>
    /// stubs, so that a caller's code fails with a message instead of CS1061.
    /// </summary>
    public static List<SurfaceEntry> Removed(IEnumerable<SurfaceEntry> baseline, IEnumerable<SurfaceEntry> current)
    {
        var now = Index(current);
        return baseline.Where(e => !now.ContainsKey(e.Key)).ToList();
    }

    /// <summary>
    /// Two methods' parameters, compared without what follows from their request fields (<see cref="SurfaceParameter.SameAs"/>).
    /// </summary>
    private static bool SameParameters(EquatableArray<SurfaceParameter> a, EquatableArray<SurfaceParameter> b) =>
        a.Count == b.Count && a.Zip(b, (x, y) => x.SameAs(y)).All(same => same);

    private static Dictionary<string, SurfaceEntry> Index(IEnumerable<SurfaceEntry> entries)
    {
        var index = new Dictionary<string, SurfaceEntry>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            index[entry.Key] = entry;
        }

        return index;
    }

    private static bool IsEnumValue(SurfaceEntry member, Dictionary<string, SurfaceEntry> entries) =>
        entries.TryGetValue(member.Owner, out var owner) && owner.TypeKind == SurfaceTypeKind.Enum;

    private static bool IsRequestField(SurfaceEntry member, Dictionary<string, SurfaceEntry> entries) =>
        entries.TryGetValue(member.Owner, out var owner) && owner.TypeKind == SurfaceTypeKind.Request;
}
