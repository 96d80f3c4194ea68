using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Emitting;
using ProxyGen.Generator.Model;
using ProxyGen.Generator.Parsing;

namespace ProxyGen.Generator;

/// <summary>
/// Turns every OpenAPI 3.0 or 3.1 document among a project's AdditionalFiles into a typed client.
/// Wiring only: read (<see cref="SpecInputReader"/>, <see cref="SpecParser"/>, <see cref="BaselinePass"/>) → model → write (Emitting/).
/// docs/architecture.md draws it.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProxyGenGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The spec pipeline needs only the YAML and the item's metadata, never the Compilation.
        var parsed = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) => SpecInputReader.Read(pair.Left, pair.Right, cancellationToken))
            .Where(input => input is not null)
            .WithTrackingName(TrackingNames.SpecInputs)
            .Select((input, cancellationToken) => SpecParser.Parse(input!, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedSpecs);

        // The API baseline beside a spec (proxy_v1.api.txt) is applied after the parse: editing it never re-reads the spec.
        var baselines = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".api.txt", StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new SpecBaseline(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect();
        var results = parsed
            .Combine(baselines)
            .Select(static (pair, _) => (Parsed: pair.Left, Baseline: SpecInputReader.BaselineOf(pair.Left.Input.Path, pair.Right)))
            .Select(static (pair, _) => BaselinePass.Apply(pair.Parsed, pair.Baseline))
            .WithTrackingName(TrackingNames.ParseResults);

        var specs = results.Select((result, _) => result.Spec).Where(spec => spec is not null).Select((spec, _) => spec!);
        var stubs = results.Where(result => result.Spec is not null).Select((result, _) => (Client: result.Spec!.Client, result.Removed));

        // Two specs that generate one client (same namespace and name) would add the same files (CS8785): only the first
        // spec's are added, and TypeCollisions reports the second (PXG0010). Each spec learns whether it is first here,
        // once, so that adding or renaming one spec re-emits nothing of the others.
        var owners = specs.Select((spec, _) => new SpecOwner(spec.Client.Namespace, spec.Client.Name, spec.Client.SpecPath)).Collect();
        var owned = specs
            .Combine(owners)
            .Where(static pair => SpecOwner.Owns(pair.Right, pair.Left.Client))
            .Select(static (pair, _) => pair.Left)
            .WithTrackingName(TrackingNames.OwnedSpecs);
        var removed = stubs
            .Combine(owners)
            .Where(static pair => pair.Left.Removed is not null && SpecOwner.Owns(pair.Right, pair.Left.Client))
            .Select(static (pair, _) => (Client: pair.Left.Client.Context, Removed: pair.Left.Removed!))
            .WithTrackingName(TrackingNames.Removed);

        var diagnostics = results.SelectMany((result, _) => result.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(specs.Select((spec, _) => spec.Types).Collect().WithTrackingName(TrackingNames.TypeNames), TypeCollisions.Report);

        // Fan out, so an edit to one operation or model re-emits only that file.
        var clients = owned.Where(static spec => spec.HasClient).Select((spec, _) => spec.Client).WithTrackingName(TrackingNames.Clients);
        var webhookHandlers = owned.Select((spec, _) => spec.WebhookHandler).WithTrackingName(TrackingNames.Webhooks).Where(static handler => handler is not null).Select((handler, _) => handler!);
        var jsonTypes = owned.Select((spec, _) => spec.JsonTypes).WithTrackingName(TrackingNames.JsonTypes);
        context.RegisterSourceOutput(clients, static (output, client) =>
            SafeOutput.Add(output, client.Context, $"{client.Namespace}.{client.Name}.g.cs", "the client class", () => ClientEmitter.EmitClient(client)));
        context.RegisterSourceOutput(jsonTypes, static (output, types) =>
            SafeOutput.Add(output, types.Client, $"{types.Client.Namespace}.{types.Client.JsonResolverName}.g.cs", "the JSON resolver", () => JsonResolverEmitter.Emit(types)));
        context.RegisterSourceOutput(webhookHandlers, static (output, handler) =>
            SafeOutput.Add(output, handler.Client, $"{handler.Client.Namespace}.{handler.Client.Name}.{handler.HandlerName}.g.cs", "the webhook handler", () => WebhookEmitter.Emit(handler)));
        context.RegisterSourceOutput(removed, static (output, item) =>
            SafeOutput.Add(output, item.Client, $"{item.Client.Namespace}.{item.Client.Name}.Removed.g.cs", "the removed members", () => RemovedEmitter.Emit(item.Client, item.Removed)));

        FanOut(context, owned, TrackingNames.Operations, static spec => spec.Operations, static o => o.Name, static (output, client, operation) =>
            SafeOutput.Add(output, client, $"{client.Namespace}.{client.Name}.{operation.Name}.g.cs", operation.OperationId, () => ClientEmitter.EmitOperation(client, operation)));
        FanOut(context, owned, TrackingNames.Models, static spec => spec.Models, static m => m.Name, static (output, client, model) =>
            SafeOutput.Add(output, client, $"{client.Namespace}.{client.Name}.Models.{model.Name}.g.cs", model.Name, () => ModelEmitter.Emit(client, model)));
        FanOut(context, owned, TrackingNames.Enums, static spec => spec.Enums, static e => e.Name, static (output, client, @enum) =>
            SafeOutput.Add(output, client, $"{client.Namespace}.{client.Name}.Models.{@enum.Name}.g.cs", @enum.Name, () => EnumEmitter.Emit(client, @enum)));
        FanOut(context, owned, TrackingNames.Unions, static spec => spec.Unions, static u => u.Name, static (output, client, union) =>
            SafeOutput.Add(output, client, $"{client.Namespace}.{client.Name}.Models.{union.Name}.g.cs", union.Name, () => UnionEmitter.Emit(client, union)));
    }

    /// <summary>
    /// Roslyn compares the items of a SelectMany by position: when a spec update removes one operation, every later one
    /// would look modified and be emitted again. Items are spread over a fixed number of branches by a stable hash of
    /// their name, so a removal disturbs only its own branch, and an update re-emits (nearly) only what changed.
    /// </summary>
    private const int Branches = 16;

    private static void FanOut<T>(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ApiSpec> specs,
        string trackingName,
        Func<ApiSpec, EquatableArray<T>> items,
        Func<T, string> nameOf,
        Action<SourceProductionContext, EmitContext, T> emit)
        where T : IEquatable<T>
    {
        for (var branch = 0; branch < Branches; branch++)
        {
            var mine = branch;
            var values = specs
                .SelectMany((spec, _) => items(spec).Where(item => Branch(nameOf(item)) == mine).Select(item => (Client: spec.Client.Context, Item: item)))
                .WithTrackingName(trackingName);
            context.RegisterSourceOutput(values, (output, pair) => emit(output, pair.Client, pair.Item));
        }
    }

    /// <summary>FNV-1a of the name: string.GetHashCode differs between processes, and branches must not.</summary>
    private static int Branch(string name)
    {
        var hash = 2166136261u;
        foreach (var c in name)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return (int)(hash % Branches);
    }
}
