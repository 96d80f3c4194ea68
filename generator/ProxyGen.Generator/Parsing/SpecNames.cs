using System;
using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// The C# names of one spec: every type name taken in its namespace, and the rules that turn spec text into names
/// (shortened when too long, made unique when taken), each change reported once where the spec wrote the name.
/// </summary>
internal sealed class SpecNames(SpecDiagnostics diagnostics)
{
    private readonly HashSet<string> _types = new(StringComparer.Ordinal);
    private readonly HashSet<string> _shortenedAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _renamedAt = new(StringComparer.Ordinal);

    /// <summary>Every type name taken so far, including names of models later merged into others.</summary>
    public IReadOnlyCollection<string> Types => _types;

    public bool IsTaken(string typeName) => _types.Contains(typeName);

    /// <summary>Takes <paramref name="typeName"/> as it is (a client's own names, a merged model's shared name).</summary>
    public void Take(string typeName) => _types.Add(typeName);

    public void TakeAll(IEnumerable<string> typeNames) => _types.UnionWith(typeNames);

    /// <summary>Gives back a type name taken for a type that is not generated after all (a request class with no fields).</summary>
    public void Release(string typeName) => _types.Remove(typeName);

    /// <summary><paramref name="wanted"/>, or it with a number appended, as a type name not yet taken; takes it.</summary>
    public string UniqueType(string wanted) => Naming.Unique(wanted, _types);

    /// <summary><see cref="UniqueName"/> for a type name.</summary>
    public string UniqueType(string wanted, string pointer, IReadOnlyCollection<string> generatedNames) =>
        UniqueName(wanted, _types, pointer, generatedNames: generatedNames);

    /// <summary>A C# name made from spec text, shortened (and reported once) when it is too long to be one.</summary>
    public string Identifier(string candidate, string pointer)
    {
        var name = Naming.Shorten(candidate);
        if (!ReferenceEquals(name, candidate) && _shortenedAt.Add(pointer))
        {
            diagnostics.Report(DiagnosticDescriptors.NameShortened, pointer, pointer, candidate.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        }

        return name;
    }

    /// <summary>
    /// <paramref name="wanted"/>, or, when it is in <paramref name="taken"/> (or names the member's own type, or a member
    /// the emitters write), the same name made unique; records the result. A changed name is reported once at
    /// <paramref name="pointer"/> (PXG0018), so that a user searching for the spec's name finds where it went.
    /// </summary>
    /// <param name="typeName">For a member: the type it belongs to, whose name it may not take (CS0542).</param>
    /// <param name="generatedNames">
    /// Names the generated code itself uses in that scope: for a member (with <paramref name="typeName"/>), those its kind
    /// of type declares (<see cref="GeneratedNames"/>), which it may not take; otherwise only to say why the name changed.
    /// </param>
    public string UniqueName(string wanted, ISet<string> taken, string pointer, string? typeName = null, IReadOnlyCollection<string>? generatedNames = null)
    {
        var safe = typeName is not null && (wanted == typeName || generatedNames?.Contains(wanted) == true) ? wanted + "Value" : wanted;
        var name = Naming.Unique(safe, taken);
        if (name != wanted && _renamedAt.Add(pointer))
        {
            var reason = wanted == typeName ? "a member cannot have the name of its type"
                : safe != wanted || generatedNames?.Contains(wanted) == true ? "the generated code uses that name"
                : $"another name in the same place already became '{wanted}'";
            diagnostics.Report(DiagnosticDescriptors.NameChanged, pointer, pointer, wanted, name, reason);
        }

        return name;
    }
}
