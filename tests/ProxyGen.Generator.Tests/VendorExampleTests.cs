using System.Text.Json;
using System.Text.Json.Nodes;
using ProxyGen.Generator.Model;
using ProxyGen.Generator.Parsing;
using ProxyGen.Generator.Tests.Infrastructure;
using ProxyGen.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// Every JSON example the vendors put in their own documents, played through the generated code: a stub server
/// answers with the example, <c>ApiConnection.SendAsync</c> reads it with the generated reader the client method uses
/// (request-body and component examples are read the same way), the generated writer writes it back, and the two are
/// compared as JSON: members unordered, numbers by value, date-times by instant. Nothing may throw, be lost or change,
/// but for the .NET limits listed in <see cref="KnownLimits"/>.
/// </summary>
public class VendorExampleTests(ITestOutputHelper output)
{
    /// <summary>Examples that cannot come back the same, each with the reason (pointer → why).</summary>
    private static readonly Dictionary<string, string> KnownLimits = new(StringComparer.Ordinal);

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        foreach (var row in RealSpecTests.AllTwilioSpecs().Cast<object[]>().Concat(RealSpecTests.ProxyHistory().Cast<object[]>()))
        {
            data.Add((string)row[0]);
        }

        data.Add("public/box_platform.2026-06-29.json");
        data.Add("public/spotify_web_api.2026-08-21.yaml");
        data.Add("public/text_generation_inference.2026-01-08.json");
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Documents))]
    public async Task Every_vendor_example_is_read_and_written_back_unchanged(string relativePath)
    {
        var path = RepoPaths.Shared(relativePath);
        Skip.If(path is null, $"{relativePath} is not in ../shared/specs beside the repository (CI requires it).");

        const string Namespace = "Acme.Examples";
        var text = File.ReadAllText(path!);
        var parsed = SpecParser.Parse(new SpecInput(path!, text, SpecSniffer.OpenApiVersionOf(text)!, Namespace, SpecInput.DefaultClientName(path!), Visibility: null), CancellationToken.None);
        var spec = parsed.Spec!;
        var operations = spec.Operations.ToDictionary(o => parsed.Origins.OperationPointer(o.OperationId) ?? o.OperationId, StringComparer.Ordinal);
        using var client = LoadedClient.Load(new GeneratorHarness().AddSpec(path!, text, Namespace).Execute(), Namespace);

        var report = new Report(relativePath);
        foreach (var example in VendorExamples.Of(path!))
        {
            if (TypeOf(example, spec, parsed.Origins, operations) is not { } type)
            {
                report.NoType++;
                continue;
            }

            report.Examples++;
            var json = JsonSerializer.SerializeToUtf8Bytes(example.Json);
            object? value;
            try
            {
                value = await client.ReadResponseAsync(type, json);
            }
            catch (ApiException exception)
            {
                report.Add(example, "threw", exception.Message);
                continue;
            }

            report.Read++;
            byte[] written;
            try
            {
                written = client.Write(type, value);
            }
            catch (Exception exception) when (exception is not Xunit.Sdk.XunitException)
            {
                report.Add(example, "threw", "writing back: " + exception.Message);
                continue;
            }

            var (agreement, difference) = JsonComparison.Compare(example.Json, JsonNode.Parse(written));
            report.Add(example, agreement switch
            {
                JsonAgreement.Exact => "exact",
                JsonAgreement.SameValue => "same value",
                JsonAgreement.Changed => "changed",
                _ => "lost",
            }, difference);
        }

        output.WriteLine(report.Row());
        foreach (var line in report.Problems.Take(40))
        {
            output.WriteLine(line);
        }

        if (Environment.GetEnvironmentVariable("PROXYGEN_EXAMPLES_REPORT") is { Length: > 0 } reportFile)
        {
            File.AppendAllText(reportFile, report.Row() + "\n" + string.Concat(report.Problems.Concat(report.Notes).Select(p => "    " + p + "\n")));
        }

        Assert.True(report.Problems.Count == 0, $"{report.Row()}\n{string.Join("\n", report.Problems.Take(20))}");
    }

    /// <summary>The type the generated code reads the example as: the operation's response or body, or the component's type.</summary>
    private static TypeRef? TypeOf(VendorExample example, ApiSpec spec, SpecOrigins origins, Dictionary<string, OperationSpec> operations)
    {
        if (example.ComponentPointer is { } component)
        {
            var name = origins.TypeNames.FirstOrDefault(n => origins.PointersOf(n).Contains(component));
            return name is null ? null
                : spec.Models.Any(m => m.Name == name) ? new TypeRef(TypeKind.Model, false, name)
                : spec.Unions.Any(u => u.Name == name) ? new TypeRef(TypeKind.Union, false, name)
                : null;
        }

        if (!operations.TryGetValue(example.OperationPointer!, out var operation))
        {
            return null;
        }

        return example.IsRequest
            ? operation.Body is { Type.Kind: not (TypeKind.Stream or TypeKind.File) } body ? body.Type.WithNullable(false) : null
            : operation.ResponseFormat == ResponseFormat.Json ? operation.Response : null;
    }

    private sealed class Report(string document)
    {
        public int Examples, Read, NoType;
        private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
        public List<string> Problems { get; } = new();

        /// <summary>Examples that came back with the same values in another text form, or within a known limit.</summary>
        public List<string> Notes { get; } = new();

        public void Add(VendorExample example, string outcome, string? detail)
        {
            _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
            if (outcome is "threw" or "changed" or "lost" && !KnownLimits.ContainsKey(example.Pointer))
            {
                Problems.Add($"{outcome}: {example.Pointer}: {detail}");
            }
            else if (outcome != "exact")
            {
                Notes.Add($"{outcome}: {example.Pointer}: {detail}");
            }
        }

        public string Row() =>
            $"| {document} | {Examples} | {Read} | {_counts.GetValueOrDefault("exact")} | {_counts.GetValueOrDefault("same value")} | {_counts.GetValueOrDefault("changed")} | {_counts.GetValueOrDefault("lost")} | {_counts.GetValueOrDefault("threw")} | {NoType} |";
    }
}
