using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Reads <c>components.securitySchemes</c> into the schemes ProxyGen applies (PXG0030 for one it cannot), and each
/// operation's security requirements: its own <c>security</c>, else the document's.
/// </summary>
internal static class SecurityReader
{
    /// <summary>Names a credentials class declares itself, which a scheme's property may not take.</summary>
    private static readonly string[] TakenMembers = ["For", "ToString", "Equals", "GetHashCode", "GetType"];

    public static EquatableArray<SecuritySchemeSpec> ReadSchemes(OpenApiDocument document, string credentialsName, SpecDiagnostics diagnostics)
    {
        var schemes = new List<SecuritySchemeSpec>();
        var taken = new HashSet<string>(TakenMembers, StringComparer.Ordinal) { credentialsName };
        foreach (var entry in document.Components?.SecuritySchemes ?? new Dictionary<string, IOpenApiSecurityScheme>())
        {
            var pointer = "#/components/securitySchemes/" + YamlPositionIndex.Escape(entry.Key);
            if (Read(entry.Key, entry.Value, out var problem) is { } scheme)
            {
                schemes.Add(scheme with { PropertyName = Naming.Unique(scheme.PropertyName, taken) });
            }
            else
            {
                diagnostics.Report(DiagnosticDescriptors.UnsupportedSecurityScheme, pointer, entry.Key, Describe(entry.Value), problem!);
            }
        }

        return schemes.ToEquatableArray();
    }

    /// <summary>
    /// Each operation's requirements by operationId: alternatives of scheme names, in the spec's order; null when
    /// neither the operation nor the document has <c>security</c>. <paramref name="documentLevel"/>: the document's own.
    /// </summary>
    public static Dictionary<string, EquatableArray<EquatableArray<string>>?> ReadRequirements(OpenApiDocument document, out EquatableArray<EquatableArray<string>>? documentLevel)
    {
        var requirements = new Dictionary<string, EquatableArray<EquatableArray<string>>?>(StringComparer.Ordinal);
        documentLevel = Alternatives(document.Security);
        foreach (var path in document.Paths ?? new OpenApiPaths())
        {
            foreach (var operation in path.Value?.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>())
            {
                if (operation.OperationId is { } id && !requirements.ContainsKey(id))
                {
                    requirements[id] = operation.Security is { } own ? Alternatives(own) : documentLevel;
                }
            }
        }

        return requirements;
    }

    private static EquatableArray<EquatableArray<string>>? Alternatives(IList<OpenApiSecurityRequirement>? requirements) =>
        requirements?.Select(r => r.Keys.Select(k => k.Reference?.Id ?? string.Empty).Where(n => n.Length > 0).ToEquatableArray()).ToEquatableArray();

    private static SecuritySchemeSpec? Read(string name, IOpenApiSecurityScheme scheme, out string? problem)
    {
        problem = null;
        var property = Naming.Pascal(name);
        var description = SpecText.Trim(scheme.Description);
        switch (scheme.Type)
        {
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "basic", StringComparison.OrdinalIgnoreCase):
                return new SecuritySchemeSpec(name, property, SecurityKind.Basic, null, null, null, null, description);
            case SecuritySchemeType.Http when string.Equals(scheme.Scheme, "bearer", StringComparison.OrdinalIgnoreCase):
                return new SecuritySchemeSpec(name, property, SecurityKind.Bearer, null, null, null, scheme.BearerFormat, description);
            case SecuritySchemeType.Http:
                problem = $"the HTTP scheme '{scheme.Scheme}' is not basic or bearer; add its Authorization header with a DelegatingHandler";
                return null;
            case SecuritySchemeType.ApiKey when string.IsNullOrEmpty(scheme.Name):
                problem = "an API key needs the name of its header, query parameter or cookie";
                return null;
            case SecuritySchemeType.ApiKey:
                var kind = scheme.In switch
                {
                    ParameterLocation.Header => SecurityKind.ApiKeyHeader,
                    ParameterLocation.Query => SecurityKind.ApiKeyQuery,
                    ParameterLocation.Cookie => SecurityKind.ApiKeyCookie,
                    _ => (SecurityKind?)null,
                };
                if (kind is null)
                {
                    problem = "an API key goes in a header, query parameter or cookie";
                    return null;
                }

                return new SecuritySchemeSpec(name, property, kind.Value, scheme.Name, null, null, null, description);
            case SecuritySchemeType.OAuth2:
                var flows = scheme.Flows;
                var tokenUrl = (flows?.ClientCredentials?.TokenUrl ?? flows?.AuthorizationCode?.TokenUrl ?? flows?.Password?.TokenUrl)?.OriginalString;
                var flowNames = new[]
                {
                    flows?.ClientCredentials is null ? null : "clientCredentials",
                    flows?.AuthorizationCode is null ? null : "authorizationCode",
                    flows?.Implicit is null ? null : "implicit",
                    flows?.Password is null ? null : "password",
                }.OfType<string>();
                var authMethod = scheme.Extensions is { } extensions && extensions.TryGetValue("x-token-endpoint-auth-method", out var extension)
                    && extension is JsonNodeExtension { Node: System.Text.Json.Nodes.JsonValue value } && value.TryGetValue<string>(out var method)
                        ? method
                        : null;
                return new SecuritySchemeSpec(name, property, SecurityKind.OAuth2, null, tokenUrl, authMethod, string.Join(", ", flowNames), description);
            case SecuritySchemeType.OpenIdConnect:
                return new SecuritySchemeSpec(name, property, SecurityKind.Bearer, null, null, null, "OpenID Connect", description);
            case SecuritySchemeType.MutualTLS:
                problem = "mutual TLS is the HttpClientHandler's job: add the client certificate to its ClientCertificates";
                return null;
            default:
                problem = "its type is not one OpenAPI defines";
                return null;
        }
    }

    private static string Describe(IOpenApiSecurityScheme scheme) =>
        scheme.Type is { } type ? type.ToString().ToLowerInvariant() + (scheme.Scheme is { } http ? " " + http : string.Empty) : "no type";
}
