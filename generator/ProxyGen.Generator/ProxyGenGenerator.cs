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
        var results = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select((pair, cancellationToken) => SpecInputReader.Read(pair.Left, pair.Right, cancellationToken))
            .Where(input => input is not null)
            .WithTrackingName(TrackingNames.SpecInputs)
            .Select((input, cancellationToken) => OpenApiParser.Parse(input!, cancellationToken))
            .WithTrackingName(TrackingNames.ParseResults);

        var specs = results.Select((result, _) => result.Spec).Where(spec => spec is not null);

        // Fan out, so an edit to one operation or model re-emits only that file. Hint names start with the namespace:
        // two specs named api.yaml in different folders (and namespaces) generate ApiClient twice, legitimately.
        var clients = specs.Select((spec, _) => spec!.Client).WithTrackingName(TrackingNames.Clients);
        var jsonTypes = specs.Select((spec, _) => spec!.JsonTypes).WithTrackingName(TrackingNames.JsonTypes);
        var operations = specs.SelectMany((spec, _) => spec!.Operations.Select(o => (spec.Client, Operation: o))).WithTrackingName(TrackingNames.Operations);
        var models = specs.SelectMany((spec, _) => spec!.Models.Select(m => (spec.Client, Model: m))).WithTrackingName(TrackingNames.Models);
        var enums = specs.SelectMany((spec, _) => spec!.Enums.Select(e => (spec.Client, Enum: e))).WithTrackingName(TrackingNames.Enums);
        var unions = specs.SelectMany((spec, _) => spec!.Unions.Select(u => (spec.Client, Union: u))).WithTrackingName(TrackingNames.Unions);
        var diagnostics = results.SelectMany((result, _) => result.Diagnostics).WithTrackingName(TrackingNames.Diagnostics);
        var typeNames = specs.Select((spec, _) => spec!.Types).Collect().WithTrackingName(TrackingNames.TypeNames);

        context.RegisterSourceOutput(diagnostics, static (output, diagnostic) => output.ReportDiagnostic(diagnostic.ToDiagnostic()));
        context.RegisterSourceOutput(typeNames, TypeCollisions.Report);
        context.RegisterSourceOutput(clients, static (output, client) =>
            SafeOutput.Add(output, client, $"{client.Namespace}.{client.Name}.g.cs", "the client class", () => ClientEmitter.EmitClient(client)));
        context.RegisterSourceOutput(jsonTypes, static (output, types) =>
            SafeOutput.Add(output, types.Client, $"{types.Client.Namespace}.{types.Client.JsonResolverName}.g.cs", "the JSON resolver", () => JsonResolverEmitter.Emit(types)));
        context.RegisterSourceOutput(operations, static (output, item) =>
            SafeOutput.Add(output, item.Client, $"{item.Client.Namespace}.{item.Client.Name}.{item.Operation.Name}.g.cs", item.Operation.OperationId, () => ClientEmitter.EmitOperation(item.Client, item.Operation)));
        context.RegisterSourceOutput(models, static (output, item) =>
            SafeOutput.Add(output, item.Client, $"{item.Client.Namespace}.{item.Client.Name}.Models.{item.Model.Name}.g.cs", item.Model.Name, () => ModelEmitter.Emit(item.Client, item.Model)));
        context.RegisterSourceOutput(enums, static (output, item) =>
            SafeOutput.Add(output, item.Client, $"{item.Client.Namespace}.{item.Client.Name}.Models.{item.Enum.Name}.g.cs", item.Enum.Name, () => EnumEmitter.Emit(item.Client, item.Enum)));
        context.RegisterSourceOutput(unions, static (output, item) =>
            SafeOutput.Add(output, item.Client, $"{item.Client.Namespace}.{item.Client.Name}.Models.{item.Union.Name}.g.cs", item.Union.Name, () => UnionEmitter.Emit(item.Client, item.Union)));
    }
}
