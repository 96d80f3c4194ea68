using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.CodeAnalysis.Text;
using ProxyGen.Generator.Diagnostics;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// Reads an OpenAPI 3.0 or 3.1 document into an <see cref="ApiSpec"/>. The only place that knows Microsoft.OpenApi:
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

    // OpenAPI.NET's YAML reader reports a syntax error without a pointer, and with SharpYaml's marks in the text:
    // "Unable to parse the YAML document at line 8, column 1: (Lin: 7, Col: 0, Chr: 137) - (Lin: 7, ...): While parsing ...".
    private static readonly System.Text.RegularExpressions.Regex YamlSyntaxError = new(
        @"at line (?<line>[0-9]+), column [0-9]+:\s*(?:\(Lin:[^)]*\)\s*-\s*\(Lin:[^)]*\):\s*)?(?<reason>.*)",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.Singleline,
        TimeSpan.FromSeconds(1));

    // A validation finding about a key of a map names the key: "The key '$ref' in 'schemas' of components MUST match ...".
    private static readonly System.Text.RegularExpressions.Regex NamedKey = new(
        "^The key '(?<key>[^']+)' in '(?<map>[^']+)' of ",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private readonly SpecInput _input;
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly HashSet<string> _shortenedAt = new(StringComparer.Ordinal);
    private readonly HashSet<string> _renamedAt = new(StringComparer.Ordinal);
    private YamlPositionIndex? _positions;

    /// <summary>The document being read, for references to its components (<see cref="Shape"/>).</summary>
    private OpenApiDocument? _document;
    private KeyScan? _keys;

    private OpenApiParser(SpecInput input) => _input = input;

    /// <summary>Parses one spec. Never throws: every failure becomes a diagnostic.</summary>
    /// <param name="withSurface">
    /// Also return the spec's API surface (what <c>proxygen baseline</c> writes). A build needs it only to compare with a
    /// baseline, and then builds it anyway.
    /// </param>
    public static ParseResult Parse(SpecInput input, CancellationToken cancellationToken, bool withSurface = false)
    {
        var parser = new OpenApiParser(input);
        ApiSpec? spec = null;
        var surface = EquatableArray<Drift.SurfaceEntry>.Empty;
        try
        {
            spec = parser.Read(cancellationToken);
            if (spec is not null)
            {
                (spec, surface) = parser.CheckDrift(spec, withSurface);
            }
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (Exception exception)
        {
            parser.Report(DiagnosticDescriptors.GeneratorFailure, null, "the client", input.FileName, DiagnosticInfo.Describe(exception));
        }

        return new ParseResult(spec, parser._diagnostics.ToEquatableArray(), surface);
    }

    private ApiSpec? Read(CancellationToken cancellationToken)
    {
        if (!SpecSniffer.IsSupported(_input.OpenApiVersion))
        {
            var swagger = _input.OpenApiVersion.StartsWith(SpecSniffer.SwaggerVersionPrefix, StringComparison.Ordinal);
            Report(
                DiagnosticDescriptors.UnsupportedVersion,
                swagger ? "#/swagger" : "#/openapi",
                _input.FileName,
                swagger ? _input.OpenApiVersion + " (OpenAPI 2.0)" : "OpenAPI " + _input.OpenApiVersion);
            return null;
        }

        // JSON and over-long text are checked up front (cheaply). YAML is read by OpenAPI.NET under the same limits
        // (depth, nodes, aliases expanded), which stop it early; only when it fails is the document walked again, to
        // say which limit it broke and where. A sound document is parsed once.
        if ((_input.IsJson || _input.Text.Length > DocumentBudget.MaxCharacters) && ReportOverBudget(cancellationToken))
        {
            return null;
        }

        ReadResult read;
        try
        {
            read = OpenApiDocument.Parse(_input.Text, _input.IsJson ? OpenApiConstants.Json : OpenApiConstants.Yaml, ReaderSettings());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (!_input.IsJson && ReportOverBudget(cancellationToken))
            {
                return null;
            }

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

        var document = read.Document;
        var findings = read.Diagnostic;
        var unreadable = document?.Paths is null || document.Paths.Count == 0;
        if (unreadable && !_input.IsJson && ReportOverBudget(cancellationToken))
        {
            // The reader stopped at one of the limits: say which, and where, instead of its bare message.
            return null;
        }

        // Errors stop generation only when nothing usable was read; warnings (a reference to nothing, a discriminator
        // property missing from required) never do. Either way each one is reported where the document says it.
        foreach (var error in (findings?.Errors ?? new List<OpenApiError>()).Concat(findings?.Warnings ?? new List<OpenApiError>()))
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

            var (pointer, message) = Position(error);
            Report(descriptor, pointer, _input.FileName, message);
        }

        if (unreadable)
        {
            if (findings is null || findings.Errors.Count + findings.Warnings.Count == 0)
            {
                Report(DiagnosticDescriptors.InvalidDocument, "#/paths", _input.FileName, "it has no paths");
            }

            return null;
        }

        if (document!.Webhooks is { Count: > 0 } webhooks)
        {
            Report(DiagnosticDescriptors.WebhooksIgnored, "#/webhooks", _input.FileName, webhooks.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return BuildSpec(document!, cancellationToken);
    }

    /// <summary>Where in the document an OpenAPI.NET finding points, as precisely as its text allows, and its message.</summary>
    private static (string? Pointer, string Message) Position(OpenApiError error)
    {
        var message = error.Message.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(error.Pointer) && YamlSyntaxError.Match(message) is { Success: true } syntax
            && int.TryParse(syntax.Groups["line"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var line))
        {
            return ("#line=" + (line - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "YAML syntax error at line " + syntax.Groups["line"].Value + ": " + syntax.Groups["reason"].Value.Trim().TrimEnd('.'));
        }

        if (!string.IsNullOrEmpty(error.Pointer) && NamedKey.Match(message) is { Success: true } key)
        {
            var map = "/" + YamlPositionIndex.Escape(key.Groups["map"].Value);
            var parent = error.Pointer!.EndsWith(map, StringComparison.Ordinal) ? error.Pointer : error.Pointer + map;
            return (parent + "/" + YamlPositionIndex.Escape(key.Groups["key"].Value), message);
        }

        return (error.Pointer, message);
    }

    /// <summary>
    /// Local references only: a document never makes the compiler fetch anything. OpenAPI.NET's own size limits stay
    /// at their defaults; <see cref="DocumentBudget"/> has already held the document to tighter ones.
    /// </summary>
    private static OpenApiReaderSettings ReaderSettings()
    {
        var settings = new OpenApiReaderSettings { LoadExternalRefs = false };
        settings.AddYamlReader(new Microsoft.OpenApi.YamlReader.OpenApiYamlReaderSettings
        {
            MaxDepth = DocumentBudget.MaxDepth,
            MaxNodeCount = (uint)DocumentBudget.MaxNodes,
            MaxAliasExpansionNodeCount = (uint)DocumentBudget.MaxNodes,
        });
        return settings;
    }

    /// <summary>PXG0011 when the document is over <see cref="DocumentBudget"/>, at the place it goes over; false when it is within.</summary>
    private bool ReportOverBudget(CancellationToken cancellationToken)
    {
        if (DocumentBudget.Check(_input.Text, cancellationToken, _input.IsJson) is not { } excess)
        {
            return false;
        }

        // No position index here: building one would walk the very document that is too costly.
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(_input.Text);
        var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(excess.Start, Math.Max(excess.Start, Math.Min(excess.End, text.Length)));
        _diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.DocumentOverBudget,
            new LocationInfo(_input.Path, span, text.Lines.GetLinePositionSpan(span)),
            _input.FileName,
            excess.Reason));
        return true;
    }

    private ApiSpec BuildSpec(OpenApiDocument document, CancellationToken cancellationToken)
    {
        _document = document;
        var @namespace = ReadNamespace();
        var clientName = ReadClientName();
        _typeNames.UnionWith(GeneratedNames.ReservedTypeNames(clientName));
        var generatedTypes = new HashSet<string>(_typeNames, StringComparer.Ordinal);
        foreach (var component in Naming.ComponentNames(document.Components?.Schemas?.Keys ?? Enumerable.Empty<string>()))
        {
            var pointer = "#/components/schemas/" + YamlPositionIndex.Escape(component.Key);
            _componentNames[component.Key] = UniqueName(Identifier(component.Value, pointer), _typeNames, pointer, generatedNames: generatedTypes);
        }

        var operations = new List<(OperationSpec Operation, string Pointer)>();
        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in document.Paths)
        {
            var pathPointer = "#/paths/" + YamlPositionIndex.Escape(path.Key);
            if (path.Value?.Operations is not { Count: > 0 } pathOperations)
            {
                // Only a reference can leave a path item empty by mistake; a path with no operations (Twilio lists a
                // few) says nothing, and costs no position index.
                if (path.Value is null or OpenApiPathItemReference)
                {
                    ReportUnresolvedPathItem(path.Key, pathPointer);
                }

                continue;
            }

            var template = PathTemplate.Parse(path.Key);
            if (template.Problem is { } problem)
            {
                Report(DiagnosticDescriptors.InvalidPathTemplate, pathPointer, path.Key, problem);
                continue;
            }

            foreach (var entry in pathOperations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var method = entry.Key.Method.ToUpperInvariant();
                var pointer = pathPointer + "/" + entry.Key.Method.ToLowerInvariant();
                var operation = entry.Value;
                if (operation is null)
                {
                    continue;
                }

                if (operation.OperationId is not { } operationId || string.IsNullOrWhiteSpace(operationId))
                {
                    Report(DiagnosticDescriptors.MissingOperationId, pointer, method, path.Key);
                    continue;
                }

                var name = Identifier(Naming.Pascal(operationId), pointer + "/operationId");
                if (methodNames.TryGetValue(name, out var existing))
                {
                    Report(DiagnosticDescriptors.DuplicateName, pointer + "/operationId", operation.OperationId, name + "Async", $"'{existing}'", "this operation is skipped");
                    continue;
                }

                methodNames[name] = operation.OperationId;
                _operationPointers[operation.OperationId] = pointer;
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

        // Bases and merged allOf parts are known only now; so are the members of a page, and with them its paging.
        FinishModels();
        operations = MergeIdenticalInlineModels(operations);
        operations = KeepBaselineNames(operations);
        FinishUnions();
        for (var i = 0; i < operations.Count; i++)
        {
            var (operation, pointer) = operations[i];
            operations[i] = (operation with { Paging = operation.Response is { Kind: TypeKind.Model } page ? FindPaging(page.Name!) : null }, pointer);
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
            _enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray(),
            _unions.Values.OrderBy(u => u.Name, StringComparer.Ordinal).ToEquatableArray());
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

    /// <summary>
    /// <paramref name="wanted"/>, or, when it is in <paramref name="taken"/> (or names the member's own type, or a member
    /// the emitters write), the same name made unique; records the result. A changed name is reported once at
    /// <paramref name="pointer"/> (PXG0018), so that a user searching for the spec's name finds where it went.
    /// </summary>
    /// <param name="typeName">For a member: the type it belongs to, whose name it may not take (CS0542).</param>
    /// <param name="generatedNames">
    /// Names the generated code itself uses in that scope: for a member (with <paramref name="typeName"/>), those its kind
    /// of type declares (<see cref="GeneratedNames"/>), which it may not take; otherwise only to say why the name changed.
    /// </param>
    private string UniqueName(string wanted, ISet<string> taken, string pointer, string? typeName = null, IReadOnlyCollection<string>? generatedNames = null)
    {
        var safe = typeName is null ? wanted : SafeMemberName(wanted, typeName, generatedNames);
        var name = Naming.Unique(safe, taken);
        if (name != wanted && _renamedAt.Add(pointer))
        {
            var reason = wanted == typeName ? "a member cannot have the name of its type"
                : safe != wanted || generatedNames?.Contains(wanted) == true ? "the generated code uses that name"
                : $"another name in the same place already became '{wanted}'";
            Report(DiagnosticDescriptors.NameChanged, pointer, pointer, wanted, name, reason);
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
        // Most pointers name keys of block YAML or pretty-printed JSON, which a scan of the text finds; the full index (a
        // second parse of the whole document) is built only for what the scan cannot find: list items, flow mappings.
        if (_positions is null && (_keys ??= new KeyScan(_input.Path, _input.Text)).Find(pointer) is { } found)
        {
            _diagnostics.Add(DiagnosticInfo.Create(descriptor, found, arguments));
            return;
        }

        _positions ??= YamlPositionIndex.Build(_input.Path, _input.Text);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _positions.Locate(pointer), arguments));
    }
}
