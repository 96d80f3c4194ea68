using System;
using System.Collections.Generic;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// An object schema as <see cref="SchemaResolver"/> read it, before its base and merged parts are known:
/// <see cref="ModelComposer"/> turns it into a <see cref="ModelSpec"/>.
/// </summary>
internal sealed class ModelDraft(string name, string? description, string pointer)
{
    public string Name { get; } = name;

    public string? Description { get; set; } = description;

    /// <summary>Where the spec declares the object.</summary>
    public string Pointer { get; } = pointer;

    /// <summary>The model this one extends (the first <c>allOf</c> part that refers to a model), or null.</summary>
    public string? BaseName { get; set; }

    /// <summary>Members and merged models, in document order.</summary>
    public List<ModelPart> Parts { get; } = new();

    /// <summary>True when this model is <paramref name="other"/> or extends it, directly or not: then it cannot be other's base.</summary>
    public bool Extends(string other, IReadOnlyDictionary<string, ModelDraft> drafts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var current = (string?)Name; current is not null && seen.Add(current); current = drafts.TryGetValue(current, out var d) ? d.BaseName : null)
        {
            if (current == other)
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>One entry of a model draft, in document order: a member, or every member of another model merged in.</summary>
internal sealed record ModelPart(string? Model, PropertySpec? Property, string Pointer);
