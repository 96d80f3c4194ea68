using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>oneOf/anyOf become typed unions; what cannot be told apart degrades to a plain union, never to a crash.</summary>
public class UnionTests
{
    private static GeneratorHarness.Run Generate(string schemas) => new GeneratorHarness().AddSpec("/specs/unions.yaml", $$"""
        openapi: 3.0.3
        info: { title: Unions, version: '1' }
        paths:
          /a:
            get:
              operationId: GetA
              responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/shape' } } } } }
        components:
          schemas:
            circle: { type: object, required: [kind, radius], properties: { kind: { type: string }, radius: { type: number } } }
            square: { type: object, required: [kind, side], properties: { kind: { type: string }, side: { type: number } } }
        {{schemas}}
        """, clientName: "UnionsClient").Execute();

    [Fact]
    public void A_discriminated_union_is_an_abstract_class_with_a_variant_per_alternative_and_the_run_is_cached()
    {
        var run = Generate("""
                shape:
                  oneOf: [ { $ref: '#/components/schemas/circle' }, { $ref: '#/components/schemas/square' } ]
                  discriminator: { propertyName: kind }
            """);

        run.AssertNoProblems();
        var shape = run.Source("UnionsClient.Models.Shape.g.cs");
        Assert.Contains("public abstract partial class Shape", shape);
        Assert.Contains("public sealed partial class ShapeCircle : Shape", shape);
        Assert.Contains("public sealed partial class UnknownShape : Shape", shape);
        Assert.Contains("case \"circle\":", shape);
        Assert.Contains("Task<Shape> GetAAsync(", run.Source("UnionsClient.GetA.g.cs"));
        Cacheability.AssertAllCached(run.Driver.RunGenerators(run.Input.Clone()).GetRunResult().Results.Single());
        Cacheability.AssertPlainData(run.Result.Results.Single());
    }

    [Fact]
    public void Variant_names_that_a_schema_already_takes_are_made_unique()
    {
        var run = Generate("""
                shape:
                  oneOf: [ { $ref: '#/components/schemas/circle' }, { $ref: '#/components/schemas/square' } ]
                  discriminator: { propertyName: kind }
                shape_circle: { type: object, properties: { taken: { type: boolean } } }
                unknown_shape: { type: object, properties: { taken: { type: boolean } } }
            """);

        run.AssertNoProblems();
        var shape = run.Source("UnionsClient.Models.Shape.g.cs");
        Assert.Contains("public sealed partial class ShapeCircle2 : Shape", shape);
        Assert.Contains("public sealed partial class UnknownShape2 : Shape", shape);
    }

    [Fact]
    public void A_discriminator_over_alternatives_that_are_not_objects_gives_a_plain_union()
    {
        var run = Generate("""
                shape:
                  oneOf: [ { $ref: '#/components/schemas/circle' }, { type: string }, { type: array, items: { type: integer } } ]
                  discriminator: { propertyName: kind }
            """);

        run.AssertNoProblems();
        var shape = run.Source("UnionsClient.Models.Shape.g.cs");
        Assert.Contains("public sealed partial class Shape", shape);
        Assert.Contains("public bool TryGetCircle(", shape);
        Assert.Contains("public bool TryGetString(", shape);
        Assert.Contains("public bool TryGetListOfInt32(", shape);
        Assert.Contains("global::ProxyGen.Runtime.JsonRead.HasMembers(Json, \"kind\", \"radius\")", shape);
    }

    [Fact]
    public void A_union_that_contains_itself_and_one_of_only_nulls_compile()
    {
        var run = Generate("""
                shape:
                  oneOf: [ { $ref: '#/components/schemas/shape' }, { $ref: '#/components/schemas/node' } ]
                node: { type: object, properties: { next: { $ref: '#/components/schemas/shape' }, nothing: { anyOf: [ { type: 'null' }, { type: 'null' } ] } } }
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0008");
        run.AssertCompiles();
    }
}
