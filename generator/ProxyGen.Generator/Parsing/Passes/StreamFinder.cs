using System;
using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 5, streams: an operation that answers JSON or a stream gets <c>{Name}StreamAsync</c> beside <c>{Name}Async</c>,
/// unless another operation already has that name; a required JSON body with a boolean <c>stream</c> member is the
/// switch between the two, which the methods set and check.
/// </summary>
internal static class StreamFinder
{
    public static ComposedSpec FindStreams(ComposedSpec spec, IReadOnlyDictionary<string, string> operationPointers, SpecDiagnostics diagnostics)
    {
        var byName = spec.Operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var operations = new List<OperationSpec>();
        foreach (var operation in spec.Operations)
        {
            if (operation.Streamed is not { Only: false } streamed)
            {
                operations.Add(operation);
                continue;
            }

            if (byName.TryGetValue(streamed.MethodName, out var other))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.DuplicateName,
                    operationPointers[other.OperationId] + "/operationId",
                    other.OperationId,
                    other.Name + "Async",
                    $"'{operation.OperationId}' (its method reading the {streamed.MediaType} answer)",
                    $"'{operation.OperationId}' gets no streaming method");
                operations.Add(operation with { Streamed = null });
                continue;
            }

            var flag = operation.Body is { Required: true, Type: { Kind: TypeKind.Model, Name: { } body } } && spec.Models.TryGetValue(body, out var model)
                ? model.AllProperties.FirstOrDefault(p => p.JsonName == StreamedResponseSpec.FlagName && p.Type.Kind == TypeKind.Boolean)?.Name
                : null;
            operations.Add(operation with { Streamed = streamed with { FlagProperty = flag } });
        }

        return spec with { Operations = operations };
    }
}
