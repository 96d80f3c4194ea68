using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Emitting;
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
        var operations = specs.SelectMany((spec, _) => spec!.Operations.Select(o => (Client: spec.Client.Context, Operation: o))).WithTrackingName(TrackingNames.Operations);
        var models = specs.SelectMany((spec, _) => spec!.Models.Select(m => (Client: spec.Client.Context, Model: m))).WithTrackingName(TrackingNames.Models);
        var enums = specs.SelectMany((spec, _) => spec!.Enums.Select(e => (Client: spec.Client.Context, Enum: e))).WithTrackingName(TrackingNames.Enums);
        var removed = specs.Where(spec => spec!.Removed is not null).Select((spec, _) => (Client: spec!.Client.Context, Removed: spec.Removed!)).WithTrackingName(TrackingNames.Removed);
        var unions = specs.SelectMany((spec, _) => spec!.Unions.Select(u => (Client: spec.Client.Context, Union: u))).WithTrackingName(TrackingNames.Unions);
        var diagnostics = results.SelectMany((result, _) => result.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
        var typeNames = specs.Select((spec, _) => spec!.Types).Collect().WithTrackingName(TrackingNames.TypeNames);

        // Hint names are {namespace}.{client}…, unique per spec unless two specs generate the same client in one
        // namespace (PXG0010): then only the first spec's files are added, so the compiler never fails with CS8785.
        var owners = specs.Select((spec, _) => new Model.SpecOwner(spec!.Client.Namespace, spec.Client.Name, spec.Client.SpecPath)).Collect().WithTrackingName(TrackingNames.Owners);

        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(typeNames, TypeCollisions.Report);
        context.RegisterSourceOutput(clients.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Context, item.Right, $"{item.Left.Namespace}.{item.Left.Name}.g.cs", "the client class", () => ClientEmitter.EmitClient(item.Left)));
        context.RegisterSourceOutput(jsonTypes.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Client, item.Right, $"{item.Left.Client.Namespace}.{item.Left.Client.JsonResolverName}.g.cs", "the JSON resolver", () => JsonResolverEmitter.Emit(item.Left)));
        context.RegisterSourceOutput(operations.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Client, item.Right, $"{item.Left.Client.Namespace}.{item.Left.Client.Name}.{item.Left.Operation.Name}.g.cs", item.Left.Operation.OperationId, () => ClientEmitter.EmitOperation(item.Left.Client, item.Left.Operation)));
        context.RegisterSourceOutput(models.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Client, item.Right, $"{item.Left.Client.Namespace}.{item.Left.Client.Name}.Models.{item.Left.Model.Name}.g.cs", item.Left.Model.Name, () => ModelEmitter.Emit(item.Left.Client, item.Left.Model)));
        context.RegisterSourceOutput(enums.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Client, item.Right, $"{item.Left.Client.Namespace}.{item.Left.Client.Name}.Models.{item.Left.Enum.Name}.g.cs", item.Left.Enum.Name, () => EnumEmitter.Emit(item.Left.Client, item.Left.Enum)));
        context.RegisterSourceOutput(removed.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Client, item.Right, $"{item.Left.Client.Namespace}.{item.Left.Client.Name}.Removed.g.cs", "the removed members", () => RemovedEmitter.Emit(item.Left.Client, item.Left.Removed)));
        context.RegisterSourceOutput(unions.Combine(owners), static (output, item) =>
            SafeOutput.Add(output, item.Left.Client, item.Right, $"{item.Left.Client.Namespace}.{item.Left.Client.Name}.Models.{item.Left.Union.Name}.g.cs", item.Left.Union.Name, () => UnionEmitter.Emit(item.Left.Client, item.Left.Union)));
    }
}
