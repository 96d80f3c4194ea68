using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>What reading one spec produced: the model (null when nothing can be generated) and the problems found.</summary>
/// <param name="Surface">The public API the spec generates, one entry per member: what an API baseline holds.</param>
internal sealed record ParseResult(ApiSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<Drift.SurfaceEntry> Surface = default);
