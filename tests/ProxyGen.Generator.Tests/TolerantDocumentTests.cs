using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>
/// Documents with the mistakes server frameworks make every day still generate: a validation keyword of the wrong type
/// is a PXG0002 warning at its line and read as the document meant; a mistake that changes the C# shape still stops.
/// </summary>
public class TolerantDocumentTests
{
    private const string Path = "/specs/sloppy.yaml";

    private static GeneratorHarness.Run Generate(string yaml) => new GeneratorHarness().AddSpec(Path, yaml).Execute();

    private static List<(int Line, string Message)> Warnings(GeneratorHarness.Run run) => run.GeneratorDiagnostics
        .Where(d => d.Id == "PXG0002")
        .Select(d => (d.Location.GetLineSpan().StartLinePosition.Line + 1, d.GetMessage()))
        .ToList();

    [Fact]
    public void Validation_keywords_of_the_wrong_type_in_a_3_0_document_are_warnings_at_their_lines_and_the_client_generates()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Sloppy, version: '1' }
            paths:
              /things:
                post:
                  operationId: CreateThing
                  parameters:
                    - name: limit
                      in: query
                      schema: { type: integer, exclusiveMaximum: 100 }
                  requestBody:
                    content:
                      application/json:
                        schema: { $ref: '#/components/schemas/Thing' }
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } }
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    temperature:
                      type: number
                      format: float
                      exclusiveMinimum: 0
                    best_of:
                      type: integer
                      minimum: 1
                      exclusiveMinimum: 0
                    name: { type: string, maxLength: '64', minLength: -1, pattern: 7 }
                    tags: { type: array, items: { type: string, maxLength: 2.5 }, uniqueItems: 'yes' }
                    minimum: { type: string, description: A property named like a keyword is a property. }
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0001");
        Assert.Equal(
            [
                (10, "'sloppy.yaml': 'exclusiveMaximum: 100' is OpenAPI 3.1's form in a 3.0 document; it is read as 'maximum: 100, exclusiveMaximum: true'. The client is generated from the rest of the document."),
                (27, "'sloppy.yaml': 'exclusiveMinimum: 0' is OpenAPI 3.1's form in a 3.0 document; it is read as 'minimum: 0, exclusiveMinimum: true'. The client is generated from the rest of the document."),
                (31, "'sloppy.yaml': 'exclusiveMinimum: 0' is OpenAPI 3.1's form in a 3.0 document; 'minimum: 1' is tighter and is kept. The client is generated from the rest of the document."),
                (32, "'sloppy.yaml': 'maxLength' is the string '64'; it is read as the number 64. The client is generated from the rest of the document."),
                (32, "'sloppy.yaml': 'minLength' is -1, not a whole number of zero or more; it is left out. The client is generated from the rest of the document."),
                (32, "'sloppy.yaml': 'pattern' is 7, not a string; it is left out. The client is generated from the rest of the document."),
                (33, "'sloppy.yaml': 'maxLength' is 2.5, not a whole number of zero or more; it is left out. The client is generated from the rest of the document."),
                (33, "'sloppy.yaml': 'uniqueItems' is the string 'yes', not true or false; it is left out. The client is generated from the rest of the document."),
            ],
            Warnings(run).Order().ToList());
        var thing = run.Source("Models.Thing.g.cs");
        Assert.Contains("public float? Temperature", thing);
        Assert.Contains("public string? Minimum", thing);
        Assert.Contains("global::System.Collections.Generic.IReadOnlyList<string>? Tags", thing);
        run.AssertCompiles();
    }

    [Fact]
    public void The_3_0_boolean_form_in_a_3_1_document_is_read_as_3_1s_number_when_the_document_needs_mending()
    {
        var run = Generate("""
            openapi: 3.1.0
            info: { title: Sloppy, version: '1' }
            paths:
              /things:
                get:
                  operationId: ListThings
                  parameters:
                    - { name: page, in: query, schema: { type: integer, minimum: 0, exclusiveMinimum: true } }
                    - { name: size, in: query, schema: { type: integer, exclusiveMaximum: false, uniqueItems: 'yes' } }
                  responses: { '204': { description: ok } }
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0001");
        var warnings = Warnings(run);
        Assert.Equal(3, warnings.Count);
        Assert.Contains("'exclusiveMinimum: true' is OpenAPI 3.0's form in a 3.1 document; it is read as 'exclusiveMinimum: 0'", warnings[0].Message);
        Assert.Contains("'exclusiveMaximum: false' is OpenAPI 3.0's form in a 3.1 document; it is left out", warnings[1].Message);
        Assert.Contains("'uniqueItems' is the string 'yes', not true or false; it is left out", warnings[2].Message);
        Assert.Equal([8, 9, 9], warnings.Select(w => w.Line));
        run.AssertCompiles();
    }

    [Fact]
    public void A_mistake_that_changes_the_shape_still_stops_with_PXG0001_naming_it_not_the_one_mended()
    {
        var run = Generate("""
            openapi: 3.0.3
            info: { title: Sloppy, version: '1' }
            paths:
              /things:
                get:
                  operationId: ListThings
                  responses:
                    '200':
                      description: ok
                      content: { application/json: { schema: { type: object, exclusiveMinimum: 1, additionalProperties: 5 } } }
            """);

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0001");
        Assert.Contains("String '5' was not recognized as a valid Boolean", error.GetMessage());
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0002");
        Assert.Empty(run.Sources);
    }

    [SkippableFact]
    public void Text_Generation_Inference_generates_with_no_errors_and_compiles_warning_free()
    {
        var path = RepoPaths.Shared("public/text_generation_inference.2026-01-08.json");
        Skip.If(path is null, "../shared/specs/public/text_generation_inference.2026-01-08.json is not beside the repository (CI requires it).");

        var run = new GeneratorHarness().AddSpec(path!).Execute();

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0001");
        var mended = run.GeneratorDiagnostics.Where(d => d.Id == "PXG0002").ToList();
        Assert.Equal(9, mended.Count);
        Assert.All(mended, d => Assert.Contains("OpenAPI 3.1's form in a 3.0 document", d.GetMessage()));
        run.AssertCompiles();
        Assert.Contains(run.Sources, s => s.HintName.EndsWith(".ChatCompletions.g.cs", StringComparison.Ordinal));
    }
}
