using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// Which operations of a document a project generates, from the <c>AdditionalFiles</c> item: include and exclude by
/// path (a glob over the path template, optionally <c>#GET,POST</c>), by tag and by operationId (globs too); several
/// patterns each, separated by <c>;</c>. An operation is kept when nothing is included or it matches any include, and it
/// matches no exclude: exclude wins.
/// </summary>
/// <remarks>
/// Globs as Kiota's <c>--include-path</c>: <c>*</c> matches within one path segment, <c>**</c> across segments,
/// <c>?</c> one character; everything else, <c>{AccountSid}</c> included, matches itself. Tags and operationIds match
/// whole, case-sensitively as the document writes them, paths case-insensitively (as Kiota).
/// </remarks>
internal sealed class OperationSelection
{
    private readonly List<Pattern> _patterns;

    private OperationSelection(List<Pattern> patterns) => _patterns = patterns;

    /// <summary>Selects nothing out: every operation is kept.</summary>
    public static OperationSelection All { get; } = new(new List<Pattern>());

    /// <summary>True when some pattern is set: what is not selected is left out, with the types only it used.</summary>
    public bool IsSubset => _patterns.Count > 0;

    /// <summary>The patterns as the item sets them; null or empty for none.</summary>
    public static OperationSelection From(SpecInput input)
    {
        var patterns = new List<Pattern>();
        Add(patterns, input.Selection.IncludePaths, PatternKind.Path, include: true);
        Add(patterns, input.Selection.IncludeTags, PatternKind.Tag, include: true);
        Add(patterns, input.Selection.IncludeOperations, PatternKind.OperationId, include: true);
        Add(patterns, input.Selection.ExcludePaths, PatternKind.Path, include: false);
        Add(patterns, input.Selection.ExcludeTags, PatternKind.Tag, include: false);
        Add(patterns, input.Selection.ExcludeOperations, PatternKind.OperationId, include: false);
        return patterns.Count == 0 ? All : new OperationSelection(patterns);
    }

    /// <summary>True when the operation is generated; every pattern it matches is marked as having matched.</summary>
    public bool Keeps(string path, string httpMethod, IEnumerable<string> tags, string operationId)
    {
        if (_patterns.Count == 0)
        {
            return true;
        }

        var tagList = tags as IReadOnlyCollection<string> ?? tags.ToList();
        bool included = false, excluded = false, anyInclude = false;
        foreach (var pattern in _patterns)
        {
            anyInclude |= pattern.Include;
            if (pattern.Matches(path, httpMethod, tagList, operationId))
            {
                pattern.Matched = true;
                included |= pattern.Include;
                excluded |= !pattern.Include;
            }
        }

        return (included || !anyInclude) && !excluded;
    }

    /// <summary>The patterns that matched no operation, as <c>(metadata name, pattern)</c>, for a warning each.</summary>
    public IEnumerable<(string Option, string Pattern)> Unmatched => _patterns.Where(p => !p.Matched).Select(p => (p.Option, p.Text));

    /// <summary>In words, for the client's doc comment: <c>paths /a/**; tags Messages; excluding operations Delete*</c>.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        foreach (var group in _patterns.GroupBy(p => (p.Include, p.Kind)).OrderBy(g => g.Key.Include ? 0 : 1).ThenBy(g => g.Key.Kind))
        {
            var kind = group.Key.Kind switch
            {
                PatternKind.Path => "paths",
                PatternKind.Tag => "tags",
                _ => "operations",
            };
            parts.Add((group.Key.Include ? string.Empty : "excluding ") + kind + " " + string.Join(", ", group.Select(p => p.Text)));
        }

        return string.Join("; ", parts);
    }

    private static void Add(List<Pattern> patterns, string? value, PatternKind kind, bool include)
    {
        foreach (var text in (value ?? string.Empty).Split(';').Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal))
        {
            patterns.Add(new Pattern(text, kind, include));
        }
    }

    private enum PatternKind
    {
        Path,
        Tag,
        OperationId,
    }

    private sealed class Pattern
    {
        private readonly Regex _glob;
        private readonly HashSet<string>? _methods;

        public Pattern(string text, PatternKind kind, bool include)
        {
            Text = text;
            Kind = kind;
            Include = include;
            var glob = text;
            if (kind == PatternKind.Path && text.IndexOf('#') is var hash and >= 0)
            {
                glob = text.Substring(0, hash);
                _methods = new HashSet<string>(text.Substring(hash + 1).Split(',').Select(m => m.Trim().ToUpperInvariant()).Where(m => m.Length > 0), StringComparer.Ordinal);
            }

            _glob = new Regex(
                "^" + ToRegex(glob, kind == PatternKind.Path) + "$",
                RegexOptions.CultureInvariant | (kind == PatternKind.Path ? RegexOptions.IgnoreCase : RegexOptions.None),
                TimeSpan.FromSeconds(1));
        }

        public string Text { get; }

        public PatternKind Kind { get; }

        public bool Include { get; }

        public bool Matched { get; set; }

        public string Option => (Include ? "ProxyGenInclude" : "ProxyGenExclude") + Kind switch
        {
            PatternKind.Path => "Paths",
            PatternKind.Tag => "Tags",
            _ => "Operations",
        };

        public bool Matches(string path, string httpMethod, IReadOnlyCollection<string> tags, string operationId) => Kind switch
        {
            PatternKind.Path => _glob.IsMatch(path) && (_methods is null || _methods.Count == 0 || _methods.Contains(httpMethod)),
            PatternKind.Tag => tags.Any(t => _glob.IsMatch(t)),
            _ => _glob.IsMatch(operationId),
        };

        /// <summary>A glob as a regular expression: <c>**</c> anything, <c>*</c> anything but <c>/</c> in paths, <c>?</c> one character.</summary>
        private static string ToRegex(string glob, bool path)
        {
            var regex = new StringBuilder();
            for (var i = 0; i < glob.Length; i++)
            {
                var c = glob[i];
                if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
                {
                    regex.Append(".*");
                    i++;
                }
                else if (c == '*')
                {
                    regex.Append(path ? "[^/]*" : ".*");
                }
                else if (c == '?')
                {
                    regex.Append(path ? "[^/]" : ".");
                }
                else
                {
                    regex.Append(Regex.Escape(c.ToString()));
                }
            }

            return regex.ToString();
        }
    }
}
