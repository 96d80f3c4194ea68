using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi.Models;
using Microsoft.OpenApi.Readers;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// Reads an OpenAPI 3.0 document into an <see cref="ApiSpec"/>. The only place that knows Microsoft.OpenApi:
/// none of its objects leave this class.
/// </summary>
internal sealed partial class OpenApiParser
{
    private static readonly System.Text.RegularExpressions.Regex ServerVariable = new(
        @"\{(?<name>[^{}]*)\}",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private static readonly System.Text.RegularExpressions.Regex BrokenReference = new(
        "Invalid Reference identifier '(?<id>[^']+)'",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private readonly SpecInput _input;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _shortenedAt = new(StringComparer.Ordinal);
    private YamlPositionIndex? _positions;

    private OpenApiParser(SpecInput input) => _input = input;

    /// <summary>Parses one spec. Never throws: every failure becomes a diagnostic.</summary>
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var parser = new OpenApiParser(input);
        ApiSpec? spec = null;
        try
        {
            spec = parser.Read(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            parser.Report(DiagnosticDescriptors.GeneratorFailure, null, "the client", input.FileName, DiagnosticInfo.Describe(exception));
        }

        return new ParseResult(spec, parser._diagnostics.ToEquatableArray());
    }

    private ApiSpec? Read(CancellationToken cancellationToken)
    {
        if (!SpecSniffer.IsSupported(_input.OpenApiVersion))
        {
            Report(DiagnosticDescriptors.UnsupportedVersion, "#/openapi", _input.FileName, _input.OpenApiVersion);
            return null;
        }

        if (DocumentBudget.Check(_input.Text, cancellationToken) is { } excess)
        {
            // No position index here: building one would walk the very document that is too costly.
            var text = Microsoft.CodeAnalysis.Text.SourceText.From(_input.Text);
            var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(excess.Start, Math.Max(excess.Start, Math.Min(excess.End, text.Length)));
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.DocumentOverBudget,
                new LocationInfo(_input.Path, span, text.Lines.GetLinePositionSpan(span)),
                _input.FileName,
                excess.Reason));
            return null;
        }

        var reader = new OpenApiStringReader(new OpenApiReaderSettings
        {
            ReferenceResolution = ReferenceResolutionSetting.ResolveLocalReferences,
        });
        OpenApiDocument document;
        OpenApiDiagnostic readDiagnostic;
        try
        {
            document = reader.Read(_input.Text, out readDiagnostic);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // OpenAPI.NET throws, instead of reporting, on some malformed shapes (a scalar where it expects a map):
            // still the document's fault, not ProxyGen's.
            _positions ??= YamlPositionIndex.Build(_input.Path, _input.Text);
            _diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidDocument,
                _positions.LocateMisplacedReference() ?? _positions.Locate(null),
                _input.FileName,
                "OpenAPI.NET stopped reading it (" + exception.GetType().Name + ": " + exception.Message.TrimEnd('.') + ")"));
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var unreadable = document?.Paths is null || document.Paths.Count == 0;
        foreach (var error in readDiagnostic.Errors)
        {
            var descriptor = unreadable ? DiagnosticDescriptors.InvalidDocument : DiagnosticDescriptors.DocumentProblem;
            var reference = BrokenReference.Match(error.Message);
            if (string.IsNullOrEmpty(error.Pointer) && reference.Success)
            {
                _positions ??= YamlPositionIndex.Build(_input.Path, _input.Text);
                var location = _positions.LocateReference(reference.Groups["id"].Value) ?? _positions.Locate(null);
                _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, _input.FileName, error.Message.TrimEnd('.')));
                continue;
            }

            Report(descriptor, error.Pointer, _input.FileName, error.Message.TrimEnd('.'));
        }

        if (unreadable)
        {
            if (readDiagnostic.Errors.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidDocument, "#/paths", _input.FileName, "it has no paths");
            }

            return null;
        }

        return BuildSpec(document!, cancellationToken);
    }

    private ApiSpec BuildSpec(OpenApiDocument document, CancellationToken cancellationToken)
    {
        var @namespace = ReadNamespace();
        var clientName = ReadClientName();
        _typeNames.Add(clientName);
        _typeNames.Add("I" + clientName);
        foreach (var component in Naming.ComponentNames(document.Components?.Schemas?.Keys ?? Enumerable.Empty<string>()))
        {
            var pointer = "#/components/schemas/" + YamlPositionIndex.Escape(component.Key);
            _componentNames[component.Key] = Naming.Unique(Identifier(component.Value, pointer), _typeNames);
        }

        var operations = new List<(OperationSpec Operation, string Pointer)>();
        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in document.Paths)
        {
            var pathPointer = "#/paths/" + YamlPositionIndex.Escape(path.Key);
            if (path.Value.Operations.Count == 0)
            {
                ReportUnresolvedPathItem(path.Key, pathPointer);
                continue;
            }

            var template = PathTemplate.Parse(path.Key);
            if (template.Problem is { } problem)
            {
                Report(DiagnosticDescriptors.InvalidPathTemplate, pathPointer, path.Key, problem);
                continue;
            }

            foreach (var entry in path.Value.Operations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var method = entry.Key.ToString().ToUpperInvariant();
                var pointer = pathPointer + "/" + entry.Key.ToString().ToLowerInvariant();
                var operation = entry.Value;
                if (string.IsNullOrWhiteSpace(operation.OperationId))
                {
                    Report(DiagnosticDescriptors.MissingOperationId, pointer, method, path.Key);
                    continue;
                }

                var name = Identifier(Naming.Pascal(operation.OperationId), pointer + "/operationId");
                if (methodNames.TryGetValue(name, out var existing))
                {
                    Report(DiagnosticDescriptors.DuplicateName, pointer + "/operationId", operation.OperationId, name + "Async", $"'{existing}'", "this operation is skipped");
                    continue;
                }

                methodNames[name] = operation.OperationId;
                operations.Add((ReadOperation(path.Key, template.Parts, path.Value, method, operation, name, pointer), pointer));
            }
        }

        // Every component becomes a type, used by an operation or not: the spec names it, so users may expect it.
        if (document.Components?.Schemas is { } schemas)
        {
            foreach (var component in schemas)
            {
                ResolveComponent(component.Key, component.Value ?? new OpenApiSchema());
            }
        }

        var client = new ClientSpec(
            @namespace,
            clientName,
            ReadVisibility(),
            document.Info?.Title ?? clientName,
            document.Info?.Description,
            ReadServer(document),
            _input.FileName,
            _input.Path);

        return new ApiSpec(
            client,
            WithoutStreamingCollisions(operations).ToEquatableArray(),
            _models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
            _enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray());
    }

    /// <summary>
    /// A paged operation also gets <c>{Name}AllAsync</c>; when another operation is already called <c>{Name}All</c>,
    /// that operation keeps its name and the paged one goes without its streaming method.
    /// </summary>
    private IEnumerable<OperationSpec> WithoutStreamingCollisions(List<(OperationSpec Operation, string Pointer)> operations)
    {
        var byName = operations.ToDictionary(o => o.Operation.Name, StringComparer.Ordinal);
        foreach (var (operation, _) in operations)
        {
            if (operation.Paging is not null && byName.TryGetValue(operation.Name + "All", out var other))
            {
                Report(
                    DiagnosticDescriptors.DuplicateName,
                    other.Pointer + "/operationId",
                    other.Operation.OperationId,
                    other.Operation.Name + "Async",
                    $"'{operation.OperationId}' (its method streaming every page)",
                    $"'{operation.OperationId}' gets no streaming method");
                yield return operation with { Paging = null };
            }
            else
            {
                yield return operation;
            }
        }
    }

    /// <summary>A path item with no operations because its <c>$ref</c> did not resolve would otherwise vanish without a word.</summary>
    private void ReportUnresolvedPathItem(string path, string pathPointer)
    {
        _positions ??= YamlPositionIndex.Build(_input.Path, _input.Text);
        if (_positions.ReferenceAt(pathPointer + "/$ref") is { } target)
        {
            Report(DiagnosticDescriptors.UnresolvedPathItem, pathPointer + "/$ref", path, target);
        }
    }

    /// <summary>A C# name made from spec text, shortened (and reported once) when it is too long to be one.</summary>
    private string Identifier(string candidate, string pointer)
    {
        var name = Naming.Shorten(candidate);
        if (!ReferenceEquals(name, candidate) && _shortenedAt.Add(pointer))
        {
            Report(DiagnosticDescriptors.NameShortened, pointer, pointer, candidate.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), name);
        }

        return name;
    }

    /// <summary>The namespace option goes into the generated code as written, so it must be a dotted C# name.</summary>
    private string ReadNamespace()
    {
        if (_input.Namespace.Split('.').All(IsIdentifier))
        {
            return _input.Namespace;
        }

        Report(DiagnosticDescriptors.InvalidOption, null, _input.FileName, "ProxyGenNamespace", _input.Namespace, "a dotted C# name such as Acme.Proxy");
        return "ProxyGen.Generated";
    }

    private string ReadClientName()
    {
        if (IsIdentifier(_input.ClientName))
        {
            return _input.ClientName;
        }

        var fallback = Naming.Shorten(Naming.Pascal(_input.ClientName));
        Report(DiagnosticDescriptors.InvalidOption, null, _input.FileName, "ProxyGenClientName", _input.ClientName, "a C# name such as ProxyClient (" + fallback + " is used)");
        return fallback;
    }

    private static bool IsIdentifier(string name) =>
        name.Length is > 0 and <= Naming.MaxLength
        && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name)
        && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;

    private string ReadVisibility()
    {
        switch (_input.Visibility?.ToLowerInvariant())
        {
            case null or "public":
                return "public";
            case "internal":
                return "internal";
            default:
                Report(DiagnosticDescriptors.InvalidOption, null, _input.FileName, "ProxyGenVisibility", _input.Visibility!, "one of public, internal");
                return "public";
        }
    }

    /// <summary>
    /// The first server, with its variables' defaults put in. A URL that is still not an absolute http(s) address
    /// is reported and left out, so the generated client never fails in its static constructor.
    /// </summary>
    private ServerSpec? ReadServer(OpenApiDocument document)
    {
        var server = document.Servers?.FirstOrDefault(s => s is not null)
            ?? document.Paths.Values.SelectMany(p => p.Servers ?? Enumerable.Empty<OpenApiServer>()).FirstOrDefault(s => s is not null);
        if (server is null || string.IsNullOrWhiteSpace(server.Url))
        {
            return null;
        }

        var template = server.Url.Trim();
        var variables = new List<ServerVariableSpec>();
        var url = ServerVariable.Replace(template, match =>
        {
            var name = match.Groups["name"].Value;
            if (server.Variables?.TryGetValue(name, out var variable) == true && variable?.Default is { } value)
            {
                if (!variables.Any(v => v.Name == name))
                {
                    variables.Add(new ServerVariableSpec(name, value, Text(variable.Description)));
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
            Report(DiagnosticDescriptors.UnusableServerUrl, pointer, _input.FileName, template, problem);
            return null;
        }

        return new ServerSpec(url.TrimEnd('/'), variables.Count == 0 ? null : template, variables.ToEquatableArray());
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string? pointer, params string[] arguments)
    {
        _positions ??= YamlPositionIndex.Build(_input.Path, _input.Text);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _positions.Locate(pointer), arguments));
    }
}
