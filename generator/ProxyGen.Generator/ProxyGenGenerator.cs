using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Emitting;
using ProxyGen.Generator.Model;
using ProxyGen.Generator.Parsing;

namespace ProxyGen.Generator;

/// <summary>
/// Turns every OpenAPI 3.0 document among a project's AdditionalFiles into a typed client.
/// Wiring only: read (<see cref="SpecInputReader"/>, <see cref="OpenApiParser"/>) → model → write (Emitting/).
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ProxyGenGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // The spec pipeline needs only the YAML and the item's metadata, never the Compilation.
        // API baselines (proxy_v1.api.txt beside proxy_v1.yaml): each spec is read with its own, if it has one.
        var baselines = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(".api.txt", System.StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => new SpecBaseline(file.Path, file.GetText(cancellationToken)?.ToString() ?? string.Empty))
            .Collect();
        var results = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) => SpecInputReader.Read(pair.Left, pair.Right, cancellationToken))
            .Where(input => input is not null)
            .Combine(baselines)
            .Select(static (pair, _) => SpecInputReader.WithBaseline(pair.Left!, pair.Right))
            .WithTrackingName(TrackingNames.SpecInputs)
            .Select((input, cancellationToken) => OpenApiParser.Parse(input!, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        var specs = results.Select((result, _) => result.Spec).Where(spec => spec is not null);

        // Fan out, so an edit to one operation or model re-emits only that file.
        var clients = specs.Select((spec, _) => spec!.Client).WithTrackingName(TrackingNames.Clients);
        var jsonTypes = specs.Select((spec, _) => spec!.JsonTypes).WithTrackingName(TrackingNames.JsonTypes);
        var removed = specs.Where(spec => spec!.Removed is not null).Select((spec, _) => (Client: spec!.Client.Context, Removed: spec.Removed!)).WithTrackingName(TrackingNames.Removed);
        var diagnostics = results.SelectMany((result, _) => result.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
        var typeNames = specs.Select((spec, _) => spec!.Types).Collect().WithTrackingName(TrackingNames.TypeNames);

        // Hint names are {namespace}.{client}…, unique per spec unless two specs generate the same client in one
        // namespace (PXG0010): then only the first spec's files are added, so the compiler never fails with CS8785.
        var owners = specs.Select((spec, _) => new SpecOwner(spec!.Client.Namespace, spec.Client.Name, spec.Client.SpecPath)).Collect().WithTrackingName(TrackingNames.Owners);

        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(typeNames, TypeCollisions.Report);
        context.RegisterSourceOutput(clients.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Context, item.Right, $"{item.Left.Namespace}.{item.Left.Name}.g.cs", "the client class", () => ClientEmitter.EmitClient(item.Left)));
        context.RegisterSourceOutput(jsonTypes.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Client, item.Right, $"{item.Left.Client.Namespace}.{item.Left.Client.JsonResolverName}.g.cs", "the JSON resolver", () => JsonResolverEmitter.Emit(item.Left)));
        context.RegisterSourceOutput(removed.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Client, item.Right, $"{item.Left.Client.Namespace}.{item.Left.Client.Name}.Removed.g.cs", "the removed members", () => RemovedEmitter.Emit(item.Left.Client, item.Left.Removed)));

        FanOut(context, specs, owners, TrackingNames.Operations, static spec => spec.Operations, static o => o.Name, static (output, client, operation, owners) =>
            SafeOutput.Add(output, client, owners, $"{client.Namespace}.{client.Name}.{operation.Name}.g.cs", operation.OperationId, () => ClientEmitter.EmitOperation(client, operation)));
        FanOut(context, specs, owners, TrackingNames.Models, static spec => spec.Models, static m => m.Name, static (output, client, model, owners) =>
            SafeOutput.Add(output, client, owners, $"{client.Namespace}.{client.Name}.Models.{model.Name}.g.cs", model.Name, () => ModelEmitter.Emit(client, model)));
        FanOut(context, specs, owners, TrackingNames.Enums, static spec => spec.Enums, static e => e.Name, static (output, client, @enum, owners) =>
            SafeOutput.Add(output, client, owners, $"{client.Namespace}.{client.Name}.Models.{@enum.Name}.g.cs", @enum.Name, () => EnumEmitter.Emit(client, @enum)));
        FanOut(context, specs, owners, TrackingNames.Unions, static spec => spec.Unions, static u => u.Name, static (output, client, union, owners) =>
            SafeOutput.Add(output, client, owners, $"{client.Namespace}.{client.Name}.Models.{union.Name}.g.cs", union.Name, () => UnionEmitter.Emit(client, union)));
    }

    /// <summary>
    /// Roslyn compares the items of a SelectMany by position: when a spec update removes one operation, every later one
    /// would look modified and be emitted again. Items are spread over a fixed number of branches by a stable hash of
    /// their name, so a removal disturbs only its own branch, and an update re-emits (nearly) only what changed.
    /// </summary>
    private const int Branches = 16;

    private static void FanOut<T>(
        IncrementalGeneratorInitializationContext context,
        IncrementalValuesProvider<ApiSpec?> specs,
        IncrementalValueProvider<ImmutableArray<SpecOwner>> owners,
        string trackingName,
        Func<ApiSpec, EquatableArray<T>> items,
        Func<T, string> nameOf,
        Action<SourceProductionContext, EmitContext, T, ImmutableArray<SpecOwner>> emit)
        where T : IEquatable<T>
    {
        for (var branch = 0; branch < Branches; branch++)
        {
            var mine = branch;
            var values = specs
                .SelectMany((spec, _) => items(spec!).Where(item => Branch(nameOf(item)) == mine).Select(item => (Client: spec!.Client.Context, Item: item)))
                .WithTrackingName(trackingName);
            context.RegisterSourceOutput(values.Combine(owners), (output, pair) => emit(output, pair.Left.Client, pair.Left.Item, pair.Right));
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
