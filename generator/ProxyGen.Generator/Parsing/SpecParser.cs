using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;
using ProxyGen.Generator.Parsing.Passes;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// Reads an OpenAPI 3.0 or 3.1 document into an <see cref="ApiSpec"/>, pass by pass (Passes/). The only code that
/// knows Microsoft.OpenApi is here and in the passes; none of its objects leave them.
/// </summary>
internal static class SpecParser
{
    /// <summary>Parses one spec. Never throws: every failure becomes a diagnostic.</summary>
    public static ParsedSpec Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new SpecDiagnostics(input.Path, input.Text);
        try
        {
            // 1. Read the text into OpenAPI.NET's document.
            if (DocumentReader.Read(input, diagnostics, cancellationToken) is not { } document)
            {
                return new ParsedSpec(input, null, SpecOrigins.Empty, diagnostics.ToEquatableArray());
            }

            var (@namespace, clientName) = ClientReader.ReadNames(input, diagnostics);
            var names = new SpecNames(diagnostics);
            names.TakeAll(GeneratedNames.ReservedTypeNames(clientName));

            // 2. Resolve types: operations first (their inline types are named after them), then every component.
            var shapes = new SchemaShapes(document);
            var resolver = new SchemaResolver(shapes, names, diagnostics, ClientReader.ReadsRequiredStrictly(input, diagnostics));
            var selection = OperationSelection.From(input);
            var operationReader = new OperationReader(shapes, resolver, names, diagnostics, selection);
            var operations = operationReader.ReadAll(cancellationToken);
            foreach (var (option, pattern) in selection.Unmatched)
            {
                diagnostics.Report(DiagnosticDescriptors.SelectionMatchesNothing, "#/paths", option, pattern, input.FileName);
            }

            // 2b. What the API sends to the user: webhooks and callbacks, their payloads named after them.
            var webhooks = new WebhookReader(shapes, resolver, names, diagnostics).ReadAll(cancellationToken);

            resolver.ResolveAllComponents();
            var schemas = resolver.Result();

            // 3. Compose models from their parts and bases. 4. Merge identical inline models. 5. Find paging.
            var (models, unions) = new ModelComposer(schemas, names, diagnostics).Compose();
            var composed = new ComposedSpec(models, schemas.ComponentModels, schemas.Enums, unions, operations.Select(o => o.Operation).ToList(), schemas, new Dictionary<string, IReadOnlyList<string>>()) { Webhooks = webhooks };
            composed = InlineModelMerger.Merge(composed, names);
            composed = PagingFinder.FindPaging(composed);

            var client = ClientReader.Read(input, @namespace, clientName, document, diagnostics);
            var operationPointers = operations.ToDictionary(o => o.Operation.OperationId, o => o.Pointer, StringComparer.Ordinal);
            composed = PagingFinder.WithoutStreamingCollisions(composed, operationPointers, diagnostics);
            composed = StreamFinder.FindStreams(composed, operationPointers, diagnostics);
            var leftOut = new List<string>(operationReader.LeftOut);
            if (selection.IsSubset)
            {
                // 5b. The item's selection: the kept operations, and only the types they reach.
                var keptIds = new HashSet<string>(operations.Where(o => o.Kept).Select(o => o.Operation.OperationId), StringComparer.Ordinal);
                (composed, var pruned) = SubsetPruner.Prune(composed with { Operations = composed.Operations.Where(o => keptIds.Contains(o.OperationId)).ToList() });
                leftOut.AddRange(pruned);
                client = client with { Subset = $"{selection.Describe()} ({keptIds.Count} of the document's {operations.Count} operations)" };
                operations = operations.Where(o => o.Kept).ToList();
            }

            // 6. Security: each operation's requirements, when the spec declares schemes to meet them with.
            if (client.SecuritySchemes.Count > 0)
            {
                var requirements = SecurityReader.ReadRequirements(document, out var documentSecurity);
                composed = composed with
                {
                    Operations = composed.Operations.Select(o => requirements.TryGetValue(o.OperationId, out var security)
                        ? o with { Security = security, UsesDocumentSecurity = documentSecurity is not null && security is not null && security.Value.Equals(documentSecurity.Value) }
                        : o with { Security = null }).ToList(),
                };
                client = client with { DocumentSecurity = documentSecurity };
            }

            var spec = new ApiSpec(
                client,
                composed.Operations.ToEquatableArray(),
                composed.Models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
                composed.Enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
                composed.Unions.OrderBy(u => u.Name, StringComparer.Ordinal).ToEquatableArray())
            {
                Webhooks = composed.Webhooks.ToEquatableArray(),
            };
            var typeNames = spec.Models.Select(m => m.Name).Concat(spec.Enums.Select(e => e.Name)).Concat(spec.Unions.Select(u => u.Name)).ToEquatableArray();
            var origins = new SpecOrigins(
                typeNames,
                typeNames.Select(composed.PointerText).ToEquatableArray(),
                composed.ComponentModels.ToEquatableArray(),
                operations.Select(o => o.Operation.OperationId).ToEquatableArray(),
                operations.Select(o => o.Pointer).ToEquatableArray(),
                names.Types.ToEquatableArray())
            {
                LeftOut = leftOut.ToEquatableArray(),
            };
            return new ParsedSpec(input, spec, origins, diagnostics.ToEquatableArray());
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            diagnostics.Report(DiagnosticDescriptors.GeneratorFailure, null, "the client", input.FileName, DiagnosticInfo.Describe(exception));
            return new ParsedSpec(input, null, SpecOrigins.Empty, diagnostics.ToEquatableArray());
        }
    }
}
