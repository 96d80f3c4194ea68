using System.Text.Json.Nodes;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;

namespace ProxyGen.Client.Tests;

/// <summary>One example a vendor gives of a webhook's payload, in its own document.</summary>
/// <param name="Webhook">The webhook's name (<c>merchant.created</c>).</param>
/// <param name="Name">The example's name.</param>
/// <param name="Json">The payload.</param>
public sealed record WebhookExample(string Webhook, string Name, JsonNode Json)
{
    public override string ToString() => $"{Webhook} / {Name}";
}

/// <summary>Every JSON request-body example of every webhook of a document (references to components' examples followed).</summary>
public static class WebhookExamples
{
    public static IReadOnlyList<WebhookExample> Of(string path)
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader();
        var document = OpenApiDocument.Parse(File.ReadAllText(path), OpenApiConstants.Yaml, settings).Document
            ?? throw new InvalidOperationException($"{path} could not be read.");
        var examples = new List<WebhookExample>();
        foreach (var (name, item) in document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            foreach (var operation in item.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                foreach (var (mediaType, media) in operation.RequestBody?.Content ?? new Dictionary<string, OpenApiMediaType>())
                {
                    if (!mediaType.Contains("json", StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    foreach (var (exampleName, example) in media.Examples ?? new Dictionary<string, IOpenApiExample>())
                    {
                        if (example.Value is { } value)
                        {
                            examples.Add(new WebhookExample(name, exampleName, JsonNode.Parse(value.ToJsonString())!));
                        }
                    }
                }
            }
        }

        return examples;
    }
}
