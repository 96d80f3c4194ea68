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
    private static readonly System.Text.RegularExpressions.Regex BrokenReference = new(
        "Invalid Reference identifier '(?<id>[^']+)'",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant,
        TimeSpan.FromSeconds(1));

    private readonly SpecInput _input;
    private readonly List<DiagnosticInfo> _diagnostics = new();
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
        catch (Exception exception) when (exception is FormatException or InvalidOperationException or ArgumentException or OverflowException or Microsoft.OpenApi.Exceptions.OpenApiException)
        {
            // OpenAPI.NET throws, instead of reporting, on some malformed values: still the document's fault, not ours.
            Report(DiagnosticDescriptors.InvalidDocument, null, _input.FileName, "OpenAPI.NET stopped reading it: " + exception.Message.TrimEnd('.'));
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
        _componentNames = Naming.ComponentNames(document.Components?.Schemas?.Keys ?? Enumerable.Empty<string>());
        _typeNames.Add(_input.ClientName);
        _typeNames.Add("I" + _input.ClientName);
        foreach (var name in _componentNames.Values)
        {
            _typeNames.Add(name);
        }

        var operations = new List<OperationSpec>();
        var methodNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in document.Paths)
        {
            foreach (var entry in path.Value.Operations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var method = entry.Key.ToString().ToUpperInvariant();
                var pointer = "#/paths/" + YamlPositionIndex.Escape(path.Key) + "/" + entry.Key.ToString().ToLowerInvariant();
                var operation = entry.Value;
                if (string.IsNullOrWhiteSpace(operation.OperationId))
                {
                    Report(DiagnosticDescriptors.MissingOperationId, pointer, method, path.Key);
                    continue;
                }

                var name = Naming.Pascal(operation.OperationId);
                if (methodNames.TryGetValue(name, out var existing))
                {
                    Report(DiagnosticDescriptors.DuplicateName, pointer + "/operationId", operation.OperationId, name + "Async", existing);
                    continue;
                }

                methodNames[name] = operation.OperationId;
                operations.Add(ReadOperation(path.Key, path.Value, method, operation, name, pointer));
            }
        }

        // Every component becomes a type, used by an operation or not: the spec names it, so users may expect it.
        if (document.Components?.Schemas is { } schemas)
        {
            foreach (var component in schemas)
            {
                ResolveComponent(component.Key, component.Value);
            }
        }

        var client = new ClientSpec(
            _input.Namespace,
            _input.ClientName,
            ReadVisibility(),
            document.Info?.Title ?? _input.ClientName,
            document.Info?.Description,
            DefaultServer(document),
            _input.FileName,
            _input.Path);

        return new ApiSpec(
            client,
            operations.ToEquatableArray(),
            _models.Values.OrderBy(m => m.Name, StringComparer.Ordinal).ToEquatableArray(),
            _enums.Values.OrderBy(e => e.Name, StringComparer.Ordinal).ToEquatableArray());
    }

    private string ReadVisibility()
    {
        switch (_input.Visibility?.ToLowerInvariant())
        {
            case null or "public":
                return "public";
            case "internal":
                return "internal";
            default:
                Report(DiagnosticDescriptors.InvalidOption, null, _input.FileName, "ProxyGenVisibility", _input.Visibility!, "public, internal");
                return "public";
        }
    }

    private static string? DefaultServer(OpenApiDocument document)
    {
        var url = document.Servers?.FirstOrDefault()?.Url
            ?? document.Paths.Values.SelectMany(p => p.Servers ?? Enumerable.Empty<OpenApiServer>()).FirstOrDefault()?.Url;
        return string.IsNullOrWhiteSpace(url) ? null : url!.TrimEnd('/');
    }

    private void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, string? pointer, params string[] arguments)
    {
        _positions ??= YamlPositionIndex.Build(_input.Path, _input.Text);
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, _positions.Locate(pointer), arguments));
    }
}
