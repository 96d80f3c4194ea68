using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

#pragma warning disable CS0618 // Example: OpenAPI 3.0's one example, which these documents use.

namespace ProxyGen.Generator.Tests.Infrastructure;

/// <summary>Where a vendor's example stands in its document, and what it should be read as.</summary>
/// <param name="Pointer">The example's place in the document (for the report and the allow-list).</param>
/// <param name="Json">The example, as JSON.</param>
/// <param name="OperationPointer">The operation whose response or request body it illustrates; null for a component's example.</param>
/// <param name="ComponentPointer">For a component's own example, the component.</param>
/// <param name="IsRequest">True for a request body's example.</param>
internal sealed record VendorExample(string Pointer, JsonNode? Json, string? OperationPointer, string? ComponentPointer, bool IsRequest);

/// <summary>
/// The JSON examples a vendor put in its own document: media-type <c>example</c> and <c>examples</c> (components'
/// examples included, through their references) of every operation's 2xx JSON response and JSON request body, the
/// <c>example</c> of the schema such a body has, and the whole-object <c>example</c> of every component schema.
/// </summary>
internal static class VendorExamples
{
    public static IReadOnlyList<VendorExample> Of(string path)
    {
        var text = File.ReadAllText(path);
        // Read as the generator reads it: a document with mistyped validation keywords is mended the same way.
        var input = new Parsing.SpecInput(path, text, Parsing.SpecSniffer.OpenApiVersionOf(text)!, "Acme.Examples", Parsing.SpecInput.DefaultClientName(path), Visibility: null);
        var document = Parsing.Passes.DocumentReader.Read(input, new Parsing.SpecDiagnostics(path, text), CancellationToken.None)
            ?? throw new InvalidOperationException($"{path} could not be read.");

        var examples = new List<VendorExample>();
        foreach (var (template, item) in document.Paths ?? new OpenApiPaths())
        {
            foreach (var (method, operation) in item.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                var operationPointer = "#/paths/" + Escape(template) + "/" + method.Method.ToLowerInvariant();
                foreach (var (status, response) in operation.Responses ?? new OpenApiResponses())
                {
                    if (!status.StartsWith('2'))
                    {
                        continue;
                    }

                    AddMediaExamples(examples, response.Content, operationPointer + "/responses/" + status + "/content", operationPointer, isRequest: false);
                }

                AddMediaExamples(examples, operation.RequestBody?.Content, operationPointer + "/requestBody/content", operationPointer, isRequest: true);
            }
        }

        foreach (var (name, schema) in document.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>())
        {
            if (schema?.Example is JsonObject or JsonArray)
            {
                var pointer = "#/components/schemas/" + Escape(name);
                examples.Add(new VendorExample(pointer + "/example", Json(schema.Example), null, pointer, IsRequest: false));
            }
        }

        return examples;
    }

    private static void AddMediaExamples(List<VendorExample> examples, IDictionary<string, OpenApiMediaType>? content, string pointer, string operationPointer, bool isRequest)
    {
        foreach (var (mediaType, media) in content ?? new Dictionary<string, OpenApiMediaType>())
        {
            if (!IsJson(mediaType))
            {
                continue;
            }

            var mediaPointer = pointer + "/" + Escape(mediaType);
            if (media.Example is { } example)
            {
                examples.Add(new VendorExample(mediaPointer + "/example", Json(example), operationPointer, null, isRequest));
            }

            foreach (var (name, named) in media.Examples ?? new Dictionary<string, IOpenApiExample>())
            {
                if (named?.Value is { } value)
                {
                    examples.Add(new VendorExample(mediaPointer + "/examples/" + Escape(name), Json(value), operationPointer, null, isRequest));
                }
            }

            // A schema's own example stands for the body only when the schema is inline; a component's is counted once, as the component's.
            if (media.Schema is OpenApiSchema { Example: { } schemaExample })
            {
                examples.Add(new VendorExample(mediaPointer + "/schema/example", Json(schemaExample), operationPointer, null, isRequest));
            }
        }
    }

    /// <summary>The example as JSON: OpenAPI.NET keeps a YAML or JSON <c>null</c> as a sentinel string, which is null again here.</summary>
    private static JsonNode? Json(JsonNode? node) => node switch
    {
        null => null,
        _ when JsonNullSentinel.IsJsonNullSentinel(node) => null,
        JsonObject members => new JsonObject(members.Select(m => KeyValuePair.Create(m.Key, Json(m.Value)))),
        JsonArray items => new JsonArray(items.Select(Json).ToArray()),
        _ => node.DeepClone(),
    };

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim();
        return type.Equals("application/json", StringComparison.OrdinalIgnoreCase) || type.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }

    private static string Escape(string segment) => segment.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
