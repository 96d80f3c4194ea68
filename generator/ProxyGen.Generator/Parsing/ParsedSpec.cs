using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// What reading one spec produced, before its API baseline is applied: the spec read (it carries the text, to place
/// what the baseline check reports), the model (null when nothing can be generated), where each of its types and
/// operations comes from, and the problems found.
/// </summary>
internal sealed record ParsedSpec(SpecInput Input, ApiSpec? Spec, SpecOrigins Origins, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>What reading one spec against its API baseline produced: the model to emit, every problem, and the public surface.</summary>
/// <param name="Surface">The public API the spec generates, one entry per member: what an API baseline holds (only when asked for, or with a baseline).</param>
/// <param name="Removed">What the baseline lists and the spec no longer generates, for its obsolete stubs; null when nothing is.</param>
internal sealed record ParseResult(ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<Drift.SurfaceEntry> Surface = default, Drift.RemovedSurface? Removed = null);
