using System;
using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 5, paging: an operation whose response is a Twilio page (one list property plus <c>meta</c> with
/// <c>next_page_url</c>) also gets <c>{Name}AllAsync</c>, unless another operation already has that name.
/// </summary>
internal static class PagingFinder
{
    public static ComposedSpec FindPaging(ComposedSpec spec) => spec with
    {
        Operations = spec.Operations
            .Select(operation => operation with { Paging = operation.Response is { Kind: TypeKind.Model } page ? PagingOf(spec.Models, page.Name!) : null })
            .ToList(),
    };

    /// <summary>
    /// A paged operation whose <c>{Name}AllAsync</c> would take another operation's method name goes without it; that
    /// operation keeps its name.
    /// </summary>
    public static ComposedSpec WithoutStreamingCollisions(ComposedSpec spec, IReadOnlyDictionary<string, string> operationPointers, SpecDiagnostics diagnostics)
    {
        var byName = spec.Operations.ToDictionary(o => o.Name, StringComparer.Ordinal);
        var operations = new List<OperationSpec>();
        foreach (var operation in spec.Operations)
        {
            if (operation.Paging is not null && byName.TryGetValue(operation.Name + "All", out var other))
            {
                diagnostics.Report(
                    DiagnosticDescriptors.DuplicateName,
                    operationPointers[other.OperationId] + "/operationId",
                    other.OperationId,
                    other.Name + "Async",
                    $"'{operation.OperationId}' (its method streaming every page)",
                    $"'{operation.OperationId}' gets no streaming method");
                operations.Add(operation with { Paging = null });
            }
            else
            {
                operations.Add(operation);
            }
        }

        return spec with { Operations = operations };
    }

    private static PagingSpec? PagingOf(IReadOnlyDictionary<string, ModelSpec> models, string modelName)
    {
        if (!models.TryGetValue(modelName, out var page))
        {
            return null;
        }

        var meta = page.AllProperties.FirstOrDefault(p => p.JsonName == "meta" && p.Type.Kind == TypeKind.Model);
        var lists = page.AllProperties.Where(p => p.Type.Kind == TypeKind.Array).ToList();
        if (meta is null || lists.Count != 1 || !models.TryGetValue(meta.Type.Name!, out var metaModel))
        {
            return null;
        }

        var next = metaModel.AllProperties.FirstOrDefault(p => p.JsonName == "next_page_url" && p.Type.Kind is TypeKind.Uri or TypeKind.String);
        return next is null
            ? null
            : new PagingSpec(lists[0].Name, lists[0].Type.Element!, meta.Name, next.Name, next.Type.Kind == TypeKind.Uri);
    }
}
