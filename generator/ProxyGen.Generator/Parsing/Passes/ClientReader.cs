using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.OpenApi;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// The client a spec becomes, from the item's options and the document's <c>info</c> and first server. Options that
/// are not C# names are reported (PXG0009) and replaced by the default.
/// </summary>
internal static class ClientReader
{
    private static readonly System.Text.RegularExpressions.Regex ServerVariable = new(
        @"\{(?<name>[^{}]*)\}",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    /// <summary>The namespace and client name, read before anything else: every type name is made unique against the client's.</summary>
    public static (string Namespace, string ClientName) ReadNames(SpecInput input, SpecDiagnostics diagnostics) =>
        (ReadNamespace(input, diagnostics), ReadClientName(input, diagnostics));

    public static ClientSpec Read(SpecInput input, string @namespace, string clientName, OpenApiDocument document, SpecDiagnostics diagnostics) => new(
        @namespace,
        clientName,
        ReadVisibility(input, diagnostics),
        document.Info?.Title ?? clientName,
        document.Info?.Description,
        ReadServer(input, document, diagnostics),
        input.FileName,
        input.Path,
        SecurityReader.ReadSchemes(document, GeneratedNames.CredentialsOf(clientName), diagnostics));

    /// <summary>The namespace option goes into the generated code as written, so it must be a dotted C# name.</summary>
    private static string ReadNamespace(SpecInput input, SpecDiagnostics diagnostics)
    {
        if (input.Namespace.Split('.').All(IsIdentifier))
        {
            return input.Namespace;
        }

        diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, input.FileName, "ProxyGenNamespace", input.Namespace, "a dotted C# name such as Acme.Proxy");
        return "ProxyGen.Generated";
    }

    private static string ReadClientName(SpecInput input, SpecDiagnostics diagnostics)
    {
        if (IsIdentifier(input.ClientName))
        {
            return input.ClientName;
        }

        var fallback = Naming.Shorten(Naming.Pascal(input.ClientName));
        diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, input.FileName, "ProxyGenClientName", input.ClientName, "a C# name such as ProxyClient (" + fallback + " is used)");
        return fallback;
    }

    private static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= Naming.MaxLength
        && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name)
        && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;

    /// <summary>True when required members are read strictly (<c>ProxyGenRequiredMembers="Strict"</c>); tolerant is the default.</summary>
    public static bool ReadsRequiredStrictly(SpecInput input, SpecDiagnostics diagnostics)
    {
        switch (input.RequiredMembers?.ToLowerInvariant())
        {
            case null or "tolerant":
                return false;
            case "strict":
                return true;
            default:
                diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, input.FileName, "ProxyGenRequiredMembers", input.RequiredMembers!, "one of Tolerant, Strict");
                return false;
        }
    }

    private static string ReadVisibility(SpecInput input, SpecDiagnostics diagnostics)
    {
        switch (input.Visibility?.ToLowerInvariant())
        {
            case null or "public":
                return "public";
            case "internal":
                return "internal";
            default:
                diagnostics.Report(DiagnosticDescriptors.InvalidOption, null, input.FileName, "ProxyGenVisibility", input.Visibility!, "one of public, internal");
                return "public";
        }
    }

    /// <summary>
    /// The first server, with its variables' defaults put in. A URL that is still not an absolute http(s) address
    /// is reported and left out, so the generated client never fails in its static constructor.
    /// </summary>
    private static ServerSpec? ReadServer(SpecInput input, OpenApiDocument document, SpecDiagnostics diagnostics)
    {
        var server = document.Servers?.FirstOrDefault(s => s is not null)
            ?? document.Paths.Values.SelectMany(p => p?.Servers ?? Enumerable.Empty<OpenApiServer>()).FirstOrDefault(s => s is not null);
        if (server?.Url is not { } serverUrl || string.IsNullOrWhiteSpace(serverUrl))
        {
            return null;
        }

        var template = serverUrl.Trim();
        var variables = new List<ServerVariableSpec>();
        var url = ServerVariable.Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (server.Variables?.TryGetValue(name, out var variable) == true && variable?.Default is { } value)
            {
                if (!variables.Any(v => v.Name == name))
                {
                    variables.Add(new ServerVariableSpec(name, value, SpecText.Trim(variable.Description)));
                }

                return value;
            }

            return match.Value;
        });

        var pointer = document.Servers?.Count > 0 ? "#/servers/0/url" : "#/servers";
        string? problem = null;
        if (url.IndexOf('{') >= 0 || url.IndexOf('}') >= 0)
        {
            problem = "has a variable with no default";
        }
        else if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || (address.Scheme != "https" && address.Scheme != "http"))
        {
            problem = "is not an absolute http or https address";
        }
        else if (address.UserInfo.Length > 0 || address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            problem = "carries user information, a query or a fragment";
        }

        if (problem is not null)
        {
            diagnostics.Report(DiagnosticDescriptors.UnusableServerUrl, pointer, input.FileName, template, problem);
            return null;
        }

        return new ServerSpec(url.TrimEnd('/'), variables.Count == 0 ? null : template, variables.ToEquatableArray());
    }
}
