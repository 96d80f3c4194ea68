using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// The diagnostics of one spec, each placed at the line and column its JSON pointer names. Every pass reports through
/// this one object; it only ever grows, and no pass reads back what another reported.
/// </summary>
internal sealed class SpecDiagnostics(string path, string text)
{
    private readonly List<DiagnosticInfo> _items = new();
    private YamlPositionIndex? _positions;
    private KeyScan? _keys;
    private int _muted;

    public string Path { get; } = path;

    public string Text { get; } = text;

    public string FileName => System.IO.Path.GetFileName(Path);

    /// <summary>The full pointer → position index, built on first use (a second parse of the whole document).</summary>
    public YamlPositionIndex Positions => _positions ??= YamlPositionIndex.Build(Path, Text);

    public EquatableArray<DiagnosticInfo> ToEquatableArray() => _items.ToEquatableArray();

    /// <summary>
    /// Drops every report until the scope is disposed: what is read only so that names stay the same with and without
    /// an operation selection (an operation left out) says nothing.
    /// </summary>
    public Muting Mute()
    {
        _muted++;
        return new Muting(this);
    }

    /// <summary>Adds a diagnostic placed by the caller.</summary>
    public void Add(DiagnosticInfo diagnostic)
    {
        if (_muted == 0)
        {
            _items.Add(diagnostic);
        }
    }

    /// <summary>Reports <paramref name="descriptor"/> at <paramref name="pointer"/> (the document's start when null or not found).</summary>
    public void Report(DiagnosticDescriptor descriptor, string? pointer, params string[] arguments)
    {
        if (_muted > 0)
        {
            return;
        }

        // Most pointers name keys of block YAML or pretty-printed JSON, which a scan of the text finds; the full index is
        // built only for what the scan cannot find: list items, flow mappings.
        if (_positions is null && (_keys ??= new KeyScan(Path, Text)).Find(pointer) is { } found)
        {
            _items.Add(DiagnosticInfo.Create(descriptor, found, arguments));
            return;
        }

        _items.Add(DiagnosticInfo.Create(descriptor, Positions.Locate(pointer), arguments));
    }

    /// <summary>The scope of <see cref="Mute"/>.</summary>
    public readonly struct Muting(SpecDiagnostics diagnostics) : System.IDisposable
    {
        public void Dispose() => diagnostics._muted--;
    }
}
