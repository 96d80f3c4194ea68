using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using Microsoft.OpenApi;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 2b, read what the API sends to the user: every 3.1 <c>webhooks</c> entry and every operation's
/// <c>callbacks</c> entry becomes a <see cref="WebhookSpec"/>, its JSON payload resolved by <see cref="SchemaResolver"/>
/// as a response is (the user reads it), and the one-valued member (<c>type: merchant.created</c>) that tells it apart
/// from the others when they share a URL. A payload ProxyGen cannot read yet (a form, XML) is PXG0016, at its line.
/// </summary>
internal sealed class WebhookReader(SchemaShapes shapes, SchemaResolver resolver, SpecNames names, SpecDiagnostics diagnostics)
{
    /// <summary>The members that usually name an event, in the order they are preferred.</summary>
    private static readonly string[] EventMembers = ["type", "eventType", "event_type", "event", "kind"];

    private readonly HashSet<string> _names = new(StringComparer.Ordinal) { "Unknown", "Event" };

    public List<WebhookSpec> ReadAll(CancellationToken cancellationToken)
    {
        var webhooks = new List<WebhookSpec>();
        foreach (var webhook in shapes.Document.Webhooks ?? new Dictionary<string, IOpenApiPathItem>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            Read(webhooks, webhook.Key, webhook.Key, webhook.Value, "#/webhooks/" + YamlPositionIndex.Escape(webhook.Key));
        }

        foreach (var path in shapes.Document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value?.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
            {
                var operationPointer = "#/paths/" + YamlPositionIndex.Escape(path.Key) + "/" + operation.Key.Method.ToLowerInvariant();
                foreach (var callback in operation.Value?.Callbacks ?? new Dictionary<string, IOpenApiCallback>())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var callbackPointer = operationPointer + "/callbacks/" + YamlPositionIndex.Escape(callback.Key);
                    // A callback is named by its key: the same key under several operations (set on create, changed on
                    // update) is one event, read once.
                    if (webhooks.Any(w => w.Key == callback.Key))
                    {
                        continue;
                    }

                    foreach (var expression in callback.Value?.PathItems ?? new Dictionary<RuntimeExpression, IOpenApiPathItem>())
                    {
                        Read(webhooks, callback.Key, callback.Key, expression.Value, callbackPointer + "/" + YamlPositionIndex.Escape(expression.Key.Expression));
                    }
                }
            }
        }

        return webhooks;
    }

    private void Read(List<WebhookSpec> webhooks, string key, string nameSource, IOpenApiPathItem? pathItem, string pointer)
    {
        foreach (var entry in pathItem?.Operations ?? new Dictionary<HttpMethod, OpenApiOperation>())
        {
            var operation = entry.Value;
            var operationPointer = pointer + "/" + entry.Key.Method.ToLowerInvariant();
            var content = operation?.RequestBody?.Content;
            if (operation is null || content is null || content.Count == 0)
            {
                diagnostics.Report(DiagnosticDescriptors.WebhookNotGenerated, operationPointer, key, "it describes no payload");
                continue;
            }

            // JSON first; a form (Twilio's callbacks) is read through the same model, each field a JSON string.
            var json = content.FirstOrDefault(c => OperationReader.JsonMediaType(c.Key) is not null);
            var form = json.Value is null ? content.FirstOrDefault(c => c.Key.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase)) : default;
            var media = json.Value is not null ? json : form;
            if (media.Value?.Schema is not { } schema)
            {
                diagnostics.Report(DiagnosticDescriptors.WebhookNotGenerated, operationPointer + "/requestBody", key, $"its payload is {string.Join(", ", content.Keys)}, and ProxyGen reads JSON and form payloads");
                continue;
            }

            var identifier = names.Identifier(Naming.Pascal(nameSource), operationPointer);
            var name = Naming.Unique(identifier, _names);
            var schemaPointer = operationPointer + "/requestBody/content/" + YamlPositionIndex.Escape(media.Key) + "/schema";
            var payload = resolver.ResolveType(schema, name + "Payload", schemaPointer, forRequest: false).WithNullable(false);
            var (member, value) = EventOf(schema, key);
            var security = SecurityOf(operation);
            webhooks.Add(new WebhookSpec(
                key,
                name,
                SpecText.Trim(operation.Summary),
                SpecText.Trim(operation.Description),
                payload,
                member,
                value,
                security.Select(s => s.Scheme is null ? s.Name : $"{s.Name} ({Describe(s.Scheme)})").ToEquatableArray(),
                ReplyOf(operation))
            {
                IsForm = json.Value is null,
                DeclaresBasic = security.Any(s => s.Scheme is { Type: SecuritySchemeType.Http } scheme && string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase)),
            });
        }
    }

    /// <summary>
    /// The payload's member with one possible string value (<c>type: [merchant.created]</c>, or <c>const</c>), preferring
    /// the usual names; or, when webhooks share a payload whose member lists each of their names
    /// (<c>type: [….updated, ….created]</c>), the value that is this webhook's name.
    /// </summary>
    private (string? Member, string? Value) EventOf(IOpenApiSchema schema, string key)
    {
        var properties = shapes.Shape(schema).Properties;
        if (properties is null)
        {
            return (null, null);
        }

        foreach (var candidate in EventMembers.Where(properties.ContainsKey).Concat(properties.Keys.Where(k => !EventMembers.Contains(k, StringComparer.Ordinal))))
        {
            var member = properties[candidate] is { } property ? shapes.Shape(property) : null;
            if (member?.Const is { Length: > 0 } constant)
            {
                return (candidate, constant);
            }

            if (member?.Enum is { Count: 1 } && shapes.EnumText(member.Enum[0], member) is { Length: > 0 } only)
            {
                return (candidate, only);
            }

            if (member?.Enum is { Count: > 1 } values && values.Any(v => shapes.EnumText(v, member) == key))
            {
                return (candidate, key);
            }
        }

        return (null, null);
    }

    /// <summary>The schemes the webhook's <c>security</c> names, each with its declaration (null when the document has none of that name).</summary>
    private List<(string Name, IOpenApiSecurityScheme? Scheme)> SecurityOf(OpenApiOperation operation)
    {
        var schemes = shapes.Document.Components?.SecuritySchemes;
        return (operation.Security ?? new List<OpenApiSecurityRequirement>())
            .SelectMany(requirement => requirement.Keys)
            .Select(reference => reference.Reference?.Id ?? string.Empty)
            .Where(id => id.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .Select(id => (id, schemes is not null && schemes.TryGetValue(id, out var scheme) ? scheme : null))
            .ToList();
    }

    private static string Describe(IOpenApiSecurityScheme scheme) => scheme.Type switch
    {
        SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase) => "HTTP Basic",
        SecuritySchemeType.Http => "HTTP " + scheme.Scheme,
        SecuritySchemeType.ApiKey => $"API key in {scheme.In?.ToString().ToLowerInvariant()} '{scheme.Name}'",
        var other => other?.ToString() ?? "unknown",
    };

    /// <summary>The first 2xx answer the sender expects, in words.</summary>
    private static string? ReplyOf(OpenApiOperation operation)
    {
        foreach (var response in operation.Responses ?? new OpenApiResponses())
        {
            if (response.Key.Length != 3 || response.Key[0] != '2')
            {
                continue;
            }

            var media = response.Value?.Content?.Keys.FirstOrDefault();
            return media is null
                ? $"{response.Key} with no body"
                : $"{response.Key} with a {media} body" + (response.Value?.Content?[media]?.Schema is OpenApiSchemaReference reference && reference.Reference?.Id is { } id ? $" ({id})" : string.Empty);
        }

        return null;
    }
}
