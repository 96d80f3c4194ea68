using Microsoft.CodeAnalysis;
using ProxyGen.Generator.Tests.Infrastructure;
using Xunit;

namespace ProxyGen.Generator.Tests;

/// <summary>allOf: a subclass of the referenced model, merged parts, refinements, and what cannot be one type.</summary>
public class AllOfTests
{
    private static GeneratorHarness.Run Generate(string schemas) => new GeneratorHarness().AddSpec("/specs/allof.yaml", $$"""
        openapi: 3.0.3
        info: { title: AllOf, version: '1' }
        paths:
          /a:
            get:
              operationId: GetA
              responses: { '204': { description: ok } }
        components:
          schemas:
            base: { type: object, required: [id], properties: { id: { type: string }, meta: { type: object } } }
        {{schemas}}
        """, clientName: "AllOfClient").Execute();

    [Fact]
    public void A_reference_plus_inline_members_is_a_subclass_whose_reader_and_writer_cover_the_inherited_members()
    {
        var run = Generate("""
                derived:
                  allOf:
                    - $ref: '#/components/schemas/base'
                    - { type: object, properties: { size: { type: integer } } }
            """);

        run.AssertNoProblems();
        var derived = run.Source("AllOfClient.Models.Derived.g.cs");
        Assert.Contains("public sealed partial class Derived : Base", derived);
        Assert.Contains("public int? Size { get => ", derived);
        Assert.DoesNotContain("public required string Id", derived);
        Assert.Contains("public static new Derived ReadJson(", derived);
        Assert.Contains("JsonRead.Member(ref reader, \"id\"u8, ref value._members, 0)) value._id = ", derived);
        Assert.Contains("public override void WriteJson(", derived);
        Assert.Contains("public partial class Base", run.Source("AllOfClient.Models.Base.g.cs"));
        Assert.Contains("public virtual void WriteJson(", run.Source("AllOfClient.Models.Base.g.cs"));
    }

    [Fact]
    public void A_later_part_that_narrows_an_object_member_gives_it_its_type_and_a_real_disagreement_is_PXG0017_at_its_line()
    {
        var run = Generate("""
                merged:
                  allOf:
                    - { type: object, properties: { meta: { type: object }, count: { type: integer } } }
                    - { type: object, properties: { meta: { type: object, properties: { tag: { type: string } } } } }
                    - { type: object, properties: { count: { type: string } } }
            """);

        var conflict = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "PXG0017");
        Assert.Equal(DiagnosticSeverity.Warning, conflict.DefaultSeverity);
        Assert.Equal(14, conflict.Location.GetLineSpan().StartLinePosition.Line);
        Assert.Contains("'count' is string here but int32 in an earlier part", conflict.GetMessage());
        var merged = run.Source("AllOfClient.Models.Merged.g.cs");
        Assert.Contains("public MergedMeta? Meta { get => ", merged);
        Assert.Contains("public int? Count { get => ", merged);
        run.AssertCompiles();
    }

    [Fact]
    public void Models_that_extend_each_other_in_a_circle_are_said_so_and_still_compile()
    {
        var run = Generate("""
                left:
                  allOf: [ { $ref: '#/components/schemas/right' }, { properties: { l: { type: string } } } ]
                right:
                  allOf: [ { $ref: '#/components/schemas/left' }, { properties: { r: { type: string } } } ]
            """);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0008");
        run.AssertCompiles();
    }

    [Fact]
    public void A_wide_web_of_allOf_references_is_decided_once_per_schema()
    {
        // 40 schemas, each allOf the 39 others: deciding "is this an object?" naively would never end.
        var names = Enumerable.Range(0, 40).Select(i => "s" + i).ToList();
        var schemas = string.Join("\n", names.Select(n =>
            $"        {n}:\n          allOf: [ {string.Join(", ", names.Where(o => o != n).Select(o => $"{{ $ref: '#/components/schemas/{o}' }}"))}, {{ properties: {{ {n}_value: {{ type: string }} }} }} ]"));

        var run = Generate(schemas);

        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "PXG0008");
        run.AssertCompiles();
    }

    [Fact]
    public void An_allOf_of_an_object_and_a_string_is_raw_JSON_with_PXG0006()
    {
        var run = Generate("""
                odd:
                  allOf: [ { $ref: '#/components/schemas/base' }, { type: string } ]
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "PXG0006" && d.GetMessage().Contains("allOf", StringComparison.Ordinal));
        run.AssertCompiles();
    }

    [Fact]
    public void An_allOf_that_only_adds_a_description_to_a_reference_is_that_type_documented_with_it()
    {
        var run = Generate("""
                holder:
                  type: object
                  properties:
                    item:
                      allOf:
                        - $ref: '#/components/schemas/base'
                        - description: The item this holder keeps.
            """);

        run.AssertNoProblems();
        var holder = run.Source("AllOfClient.Models.Holder.g.cs");
        Assert.Contains("/// <summary>The item this holder keeps.</summary>", holder);
        Assert.Contains("public Base? Item { get => ", holder);
        Assert.DoesNotContain(run.Sources, s => s.HintName.Contains("HolderItem", StringComparison.Ordinal));
    }
}

