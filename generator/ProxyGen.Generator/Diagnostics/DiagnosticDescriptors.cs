using System;
using Microsoft.CodeAnalysis;

namespace ProxyGen.Generator.Diagnostics;

/// <summary>The catalogue of every diagnostic ProxyGen reports. Ids are stable: never reuse or renumber one.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "ProxyGen";

    /// <summary>The category of the spec-update diagnostics (PXG0021–PXG0029), so an .editorconfig can set them all at once.</summary>
    private const string DriftCategory = "ProxyGen.ApiDrift";

    public static readonly DiagnosticDescriptor InvalidDocument = new(
        "PXG0001",
        "The OpenAPI document cannot be read",
        "'{0}' cannot be read: {1}. Fix the document; no client is generated from it until then.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DocumentProblem = new(
        "PXG0002",
        "The OpenAPI document has a problem",
        "'{0}': {1}. The client is generated from the rest of the document.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedVersion = new(
        "PXG0003",
        "Unsupported OpenAPI version",
        "'{0}' declares {1}; ProxyGen reads OpenAPI 3.0 and 3.1 documents. Convert the document to OpenAPI 3.0 or 3.1, or set ProxyGen=\"false\" on the AdditionalFiles item.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor MissingOperationId = new(
        "PXG0004",
        "Operation has no operationId",
        "{0} {1} has no operationId, so it gets no method. Add an operationId to the operation.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateName = new(
        "PXG0005",
        "Two operations would get the same method name",
        "operationId '{0}' gives the method name '{1}', which {2} already has; {3}. Give one of them a different operationId.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSchema = new(
        "PXG0006",
        "Schema is read as raw JSON",
        "The schema at {0} uses {1}, which ProxyGen does not map to a C# type yet; the value is exposed as JsonElement",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GeneratorFailure = new(
        "PXG0008",
        "ProxyGen failed unexpectedly",
        "ProxyGen failed while generating {0} from '{1}': {2}. Please report this with the spec; the rest of the build continues.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidOption = new(
        "PXG0009",
        "Unknown option value",
        "'{0}': {1}=\"{2}\" is not {3}; the default is used",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor TypeCollision = new(
        "PXG0010",
        "Two specs generate the same type",
        "'{0}' and '{1}' both generate the type {2}.{3}. Give one of them its own namespace with ProxyGenNamespace=\"…\" on its AdditionalFiles item.",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DocumentOverBudget = new(
        "PXG0011",
        "The OpenAPI document costs more than ProxyGen reads",
        "'{0}' is not read: {1}. Split or simplify the document (YAML aliases count as the nodes they stand for).",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameShortened = new(
        "PXG0012",
        "A name is too long for C#",
        "The name taken from {0} has {1} characters; it is shortened to '{2}' (C# allows 512, and file names must stay short)",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnusableServerUrl = new(
        "PXG0013",
        "The server URL is not an absolute address",
        "'{0}': the server URL '{1}' {2}; the client has no default base address. Set ApiClientOptions.BaseAddress, or fix servers[0].url.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidPathTemplate = new(
        "PXG0014",
        "The path template is malformed",
        "The path '{0}' {1}; its operations are not generated. Fix the path so each parameter is written '{{name}}'.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnresolvedPathItem = new(
        "PXG0015",
        "A path item reference is not resolved",
        "The path '{0}' refers to '{1}', which ProxyGen cannot resolve; the path has no operations to generate. Write the operations under the path itself.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor WebhookNotGenerated = new(
        "PXG0016",
        "A webhook or callback is not generated",
        "The webhook or callback '{0}' gets no handler method: {1}",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor AllOfConflict = new(
        "PXG0017",
        "allOf parts disagree about a member",
        "{0}: the member '{1}' is {2} here but {3} in an earlier part of the allOf; the earlier one is kept. Make the parts agree.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor NameChanged = new(
        "PXG0018",
        "A name is changed so the generated code compiles",
        "{0}: '{1}' is generated as '{2}' because {3}",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedStyle = new(
        "PXG0019",
        "A parameter style is not defined for its location",
        "{0}: OpenAPI defines no '{1}' style for {2} parameters; the value is sent in the '{3}' style",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PartHeadersIgnored = new(
        "PXG0020",
        "Encoding headers are not sent",
        "{0}: the encoding of '{1}' declares headers ({2}); ProxyGen sends a part's Content-Type and Content-Disposition only",
        Category,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OperationRemoved = new(
        "PXG0021",
        "An operation was removed from the spec",
        "{0} was removed from {2} ({1}); calls to it fail with CS0619 until you update them, then the baseline",
        DriftCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor OperationChanged = new(
        "PXG0022",
        "An operation's method, path or signature changed",
        "{0} changed in {2}: {1}",
        DriftCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RequestFieldChanged = new(
        "PXG0023",
        "A request field was removed, became required or changed type",
        "{0}: {1} in {2}",
        DriftCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RequiredFieldAdded = new(
        "PXG0024",
        "A new request field is required",
        "{0}: {1} ({2})",
        DriftCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor PropertyChanged = new(
        "PXG0025",
        "A model property was removed or changed type",
        "{0}: {1} in {2}",
        DriftCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor EnumValueRemoved = new(
        "PXG0026",
        "An enum value was removed",
        "{0}: the value {1} was removed from {2}",
        DriftCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ModelRemoved = new(
        "PXG0027",
        "A model was removed from the spec",
        "{0} was removed from {2} (a {1}); code that uses it fails with CS0619 until you update it, then the baseline",
        DriftCategory,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BecameDeprecated = new(
        "PXG0028",
        "Something became deprecated",
        "{0} {1} in {2}",
        DriftCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ApiAdded = new(
        "PXG0029",
        "Something was added to the spec",
        "{0} was added to {2} ({1})",
        DriftCategory,
        DiagnosticSeverity.Info,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedSecurityScheme = new(
        "PXG0030",
        "A security scheme cannot be applied",
        "The security scheme '{0}' ({1}) cannot be applied by ProxyGen: {2}. Operations that require only it fail before sending until their requirement can be met.",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor SelectionMatchesNothing = new(
        "PXG0031",
        "An operation selection pattern matches nothing",
        "{0}=\"{1}\" on '{2}' matches no operation; check its spelling (paths: * within a segment, ** across segments, #GET to pick methods; tags and operationIds as the document writes them)",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true);

    private static readonly DiagnosticDescriptor[] All =
    [
        InvalidDocument, DocumentProblem, UnsupportedVersion, MissingOperationId, UnsupportedSecurityScheme, SelectionMatchesNothing,
        DuplicateName, UnsupportedSchema, GeneratorFailure,
        InvalidOption, TypeCollision, DocumentOverBudget, NameShortened,
        UnusableServerUrl, InvalidPathTemplate, UnresolvedPathItem, WebhookNotGenerated,
        AllOfConflict, NameChanged, UnsupportedStyle, PartHeadersIgnored,
        OperationRemoved, OperationChanged, RequestFieldChanged, RequiredFieldAdded, PropertyChanged,
        EnumValueRemoved, ModelRemoved, BecameDeprecated, ApiAdded,
    ];

    public static DiagnosticDescriptor ById(string id) =>
        Array.Find(All, d => d.Id == id) ?? throw new ArgumentException($"Unknown diagnostic id '{id}'.", nameof(id));
}
