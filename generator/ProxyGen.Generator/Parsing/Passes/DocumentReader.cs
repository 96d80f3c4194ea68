using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using ProxyGen.Generator.Diagnostics;

namespace ProxyGen.Generator.Parsing.Passes;

/// <summary>
/// Pass 1, read: the spec's text into OpenAPI.NET's document, within <see cref="DocumentBudget"/>, with every finding of
/// the reader reported where the document says it. Null when nothing usable was read.
/// </summary>
internal static class DocumentReader
{
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

    public static OpenApiDocument? Read(SpecInput input, SpecDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        if (!SpecSniffer.IsSupported(input.OpenApiVersion))
        {
            var swagger = input.OpenApiVersion.StartsWith(SpecSniffer.SwaggerVersionPrefix, StringComparison.Ordinal);
            diagnostics.Report(
                DiagnosticDescriptors.UnsupportedVersion,
                swagger ? "#/swagger" : "#/openapi",
                input.FileName,
                swagger ? input.OpenApiVersion + " (OpenAPI 2.0)" : "OpenAPI " + input.OpenApiVersion);
            return null;
        }

        // JSON and over-long text are checked up front (cheaply). YAML is read by OpenAPI.NET under the same limits
        // (depth, nodes, aliases expanded), which stop it early; only when it fails is the document walked again, to
        // say which limit it broke and where. A sound document is parsed once.
        if ((input.IsJson || input.Text.Length > DocumentBudget.MaxCharacters) && ReportOverBudget(input, diagnostics, cancellationToken))
        {
            return null;
        }

        ReadResult read;
        try
        {
            read = OpenApiDocument.Parse(input.Text, input.IsJson ? OpenApiConstants.Json : OpenApiConstants.Yaml, ReaderSettings());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            if (!input.IsJson && ReportOverBudget(input, diagnostics, cancellationToken))
            {
                return null;
            }

            // OpenAPI.NET throws, instead of reporting, on some malformed shapes (a scalar where it expects a map, a
            // number where it expects true or false). A validation keyword of the wrong type is mended and read again;
            // anything else is still the document's fault, not ProxyGen's.
            if (ReadMended(input, diagnostics, ref exception, cancellationToken) is not { } mended)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidDocument,
                    diagnostics.Positions.LocateMisplacedReference() ?? diagnostics.Positions.Locate(null),
                    input.FileName,
                    "OpenAPI.NET stopped reading it (" + exception.GetType().Name + ": " + exception.Message.TrimEnd('.') + ")"));
                return null;
            }

            read = mended;
        }

        cancellationToken.ThrowIfCancellationRequested();

        var document = read.Document;
        var findings = read.Diagnostic;
        // A document of webhooks alone (OpenAPI 3.1 allows no paths) is read for its webhooks.
        var unreadable = (document?.Paths is null || document.Paths.Count == 0) && document?.Webhooks is not { Count: > 0 };
        if (unreadable && !input.IsJson && ReportOverBudget(input, diagnostics, cancellationToken))
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
                var location = diagnostics.Positions.LocateReference(reference.Groups["id"].Value) ?? diagnostics.Positions.Locate(null);
                diagnostics.Add(DiagnosticInfo.Create(descriptor, location, input.FileName, error.Message.TrimEnd('.')));
                continue;
            }

            var (pointer, message) = Position(error);
            diagnostics.Report(descriptor, pointer, input.FileName, message);
        }

        if (unreadable)
        {
            if (findings is null || findings.Errors.Count + findings.Warnings.Count == 0)
            {
                diagnostics.Report(DiagnosticDescriptors.InvalidDocument, "#/paths", input.FileName, "it has no paths");
            }

            return null;
        }

        return document;
    }

    /// <summary>
    /// The document read again with <see cref="MistypedKeywords"/> mended, each mend a PXG0002 at its line; null when
    /// there was nothing to mend, or when the mended document still cannot be read (then <paramref name="failure"/> is
    /// why: the mistake that is left, not the one mended).
    /// </summary>
    private static ReadResult? ReadMended(SpecInput input, SpecDiagnostics diagnostics, ref Exception failure, CancellationToken cancellationToken)
    {
        System.Text.Json.Nodes.JsonNode? root;
        try
        {
            if (input.IsJson)
            {
                root = System.Text.Json.Nodes.JsonNode.Parse(input.Text, documentOptions: new System.Text.Json.JsonDocumentOptions { MaxDepth = DocumentBudget.MaxDepth + 1 });
            }
            else
            {
                var yaml = new SharpYaml.Serialization.YamlStream();
                yaml.Load(new System.IO.StringReader(input.Text));
                root = yaml.Documents.Count == 1 ? Microsoft.OpenApi.YamlReader.YamlConverter.ToJsonNode(yaml.Documents[0]) : null;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        if (root is null)
        {
            return null;
        }

        var fixes = MistypedKeywords.Repair(root, input.OpenApiVersion.StartsWith("3.1", StringComparison.Ordinal));
        if (fixes.Count == 0)
        {
            return null;
        }

        ReadResult read;
        try
        {
            read = new OpenApiJsonReader().Read(root, new Uri(OpenApiConstants.BaseRegistryUri), ReaderSettings());
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            failure = exception;
            return null;
        }

        foreach (var fix in fixes)
        {
            diagnostics.Report(DiagnosticDescriptors.DocumentProblem, fix.Pointer, input.FileName, fix.Message);
        }

        return read;
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
    private static bool ReportOverBudget(SpecInput input, SpecDiagnostics diagnostics, CancellationToken cancellationToken)
    {
        if (DocumentBudget.Check(input.Text, cancellationToken, input.IsJson) is not { } excess)
        {
            return false;
        }

        // No position index here: building one would walk the very document that is too costly.
        var text = Microsoft.CodeAnalysis.Text.SourceText.From(input.Text);
        var span = Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(excess.Start, Math.Max(excess.Start, Math.Min(excess.End, text.Length)));
        diagnostics.Add(DiagnosticInfo.Create(
            DiagnosticDescriptors.DocumentOverBudget,
            new LocationInfo(input.Path, span, text.Lines.GetLinePositionSpan(span)),
            input.FileName,
            excess.Reason));
        return true;
    }
}
