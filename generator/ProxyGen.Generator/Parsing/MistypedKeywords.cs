using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ProxyGen.Generator.Parsing;

/// <summary>
/// The common mistakes of documents that server frameworks emit, in keywords that only validate and never change a C#
/// type: 3.1's numeric <c>exclusiveMinimum</c> in a 3.0 document (and 3.0's boolean in a 3.1 one), a number or flag
/// written as a string, a length that is not a whole number. Each is rewritten to what the document meant, or dropped
/// when nothing can be meant, and named in a <see cref="Fix"/> for a PXG0002 at its line. Keywords that shape the
/// C# (<c>type</c>, <c>format</c>, <c>nullable</c>, <c>required</c>, <c>readOnly</c>…) are never touched: a mistake
/// there still stops generation.
/// </summary>
internal static class MistypedKeywords
{
    /// <summary>One keyword rewritten or dropped: where, and what was done, in words for the diagnostic.</summary>
    public readonly record struct Fix(string Pointer, string Message);

    private static readonly string[] Numbers = ["minimum", "maximum", "multipleOf"];

    private static readonly string[] Counts = ["minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"];

    private static readonly string[] Flags = ["uniqueItems", "deprecated"];

    /// <summary>Members of a schema whose values are schemas, and members whose values are maps of schemas.</summary>
    private static readonly string[] SubSchemas = ["items", "additionalProperties", "not", "contains", "if", "then", "else", "propertyNames", "unevaluatedItems", "unevaluatedProperties", "additionalItems"];

    private static readonly string[] SchemaLists = ["allOf", "anyOf", "oneOf", "prefixItems"];

    private static readonly string[] SchemaMaps = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"];

    /// <summary>Rewrites the mistakes in <paramref name="document"/> in place and says what it did, in document order.</summary>
    public static List<Fix> Repair(JsonNode document, bool openApi31)
    {
        var fixes = new List<Fix>();
        WalkDocument(document, "#", openApi31, fixes, depth: 0);
        return fixes;
    }

    private static void WalkDocument(JsonNode? node, string pointer, bool openApi31, List<Fix> fixes, int depth)
    {
        if (depth > DocumentBudget.MaxDepth)
        {
            return;
        }

        switch (node)
        {
            case JsonObject map:
                foreach (var member in map.ToList())
                {
                    var at = pointer + "/" + YamlPositionIndex.Escape(member.Key);
                    if (member.Key.StartsWith("x-", StringComparison.Ordinal) || member.Key is "example" or "examples")
                    {
                        continue;
                    }

                    if (member.Key == "schema")
                    {
                        WalkSchema(member.Value, at, openApi31, fixes, depth + 1);
                    }
                    else if (member.Key == "schemas" && pointer == "#/components" && member.Value is JsonObject schemas)
                    {
                        foreach (var schema in schemas.ToList())
                        {
                            WalkSchema(schema.Value, at + "/" + YamlPositionIndex.Escape(schema.Key), openApi31, fixes, depth + 2);
                        }
                    }
                    else
                    {
                        WalkDocument(member.Value, at, openApi31, fixes, depth + 1);
                    }
                }

                break;
            case JsonArray list:
                for (var i = 0; i < list.Count; i++)
                {
                    WalkDocument(list[i], pointer + "/" + i.ToString(CultureInfo.InvariantCulture), openApi31, fixes, depth + 1);
                }

                break;
        }
    }

    private static void WalkSchema(JsonNode? node, string pointer, bool openApi31, List<Fix> fixes, int depth)
    {
        if (node is not JsonObject schema || depth > DocumentBudget.MaxDepth || schema.ContainsKey("$ref") && schema.Count == 1)
        {
            return;
        }

        RepairExclusive(schema, "exclusiveMinimum", "minimum", pointer, openApi31, fixes, lower: true);
        RepairExclusive(schema, "exclusiveMaximum", "maximum", pointer, openApi31, fixes, lower: false);
        foreach (var keyword in Numbers)
        {
            RepairNumber(schema, keyword, pointer, fixes, whole: false);
        }

        foreach (var keyword in Counts)
        {
            RepairNumber(schema, keyword, pointer, fixes, whole: true);
        }

        foreach (var keyword in Flags)
        {
            RepairFlag(schema, keyword, pointer, fixes);
        }

        if (schema.TryGetPropertyValue("pattern", out var pattern) && pattern is not null && !IsString(pattern))
        {
            schema.Remove("pattern");
            fixes.Add(new(pointer + "/pattern", $"'pattern' is {Describe(pattern)}, not a string; it is left out"));
        }

        foreach (var member in schema.ToList())
        {
            var at = pointer + "/" + YamlPositionIndex.Escape(member.Key);
            if (Array.IndexOf(SubSchemas, member.Key) >= 0)
            {
                WalkSchema(member.Value, at, openApi31, fixes, depth + 1);
            }
            else if (Array.IndexOf(SchemaLists, member.Key) >= 0 && member.Value is JsonArray list)
            {
                for (var i = 0; i < list.Count; i++)
                {
                    WalkSchema(list[i], at + "/" + i.ToString(CultureInfo.InvariantCulture), openApi31, fixes, depth + 1);
                }
            }
            else if (Array.IndexOf(SchemaMaps, member.Key) >= 0 && member.Value is JsonObject map)
            {
                foreach (var entry in map.ToList())
                {
                    WalkSchema(entry.Value, at + "/" + YamlPositionIndex.Escape(entry.Key), openApi31, fixes, depth + 2);
                }
            }
        }
    }

    /// <summary>
    /// 3.0 writes <c>minimum: 0, exclusiveMinimum: true</c>; 3.1 (JSON Schema 2020-12) writes <c>exclusiveMinimum: 0</c>.
    /// Either form in the other version is rewritten to the version's own, keeping the bound it states.
    /// </summary>
    private static void RepairExclusive(JsonObject schema, string keyword, string bound, string pointer, bool openApi31, List<Fix> fixes, bool lower)
    {
        if (!schema.TryGetPropertyValue(keyword, out var value) || value is null)
        {
            return;
        }

        var at = pointer + "/" + keyword;
        if (!openApi31 && Number(value) is { } limit)
        {
            // 3.1's form in a 3.0 document: the limit becomes the bound, exclusive unless an inclusive bound is tighter.
            var inclusive = schema.TryGetPropertyValue(bound, out var existing) && existing is not null ? Number(existing) : null;
            var tighter = inclusive is { } other && (lower ? other > limit : other < limit);
            if (tighter)
            {
                schema.Remove(keyword);
                fixes.Add(new(at, $"'{keyword}: {Text(limit)}' is OpenAPI 3.1's form in a 3.0 document; '{bound}: {Text(inclusive!.Value)}' is tighter and is kept"));
                return;
            }

            schema[bound] = JsonValue.Create(limit);
            schema[keyword] = JsonValue.Create(true);
            fixes.Add(new(at, $"'{keyword}: {Text(limit)}' is OpenAPI 3.1's form in a 3.0 document; it is read as '{bound}: {Text(limit)}, {keyword}: true'"));
            return;
        }

        if (openApi31 && Flag(value) is { } exclusive)
        {
            // 3.0's form in a 3.1 document: true moves the bound here; false says nothing.
            schema.Remove(keyword);
            if (exclusive && schema.TryGetPropertyValue(bound, out var existing) && existing is not null && Number(existing) is { } limit31)
            {
                schema.Remove(bound);
                schema[keyword] = JsonValue.Create(limit31);
                fixes.Add(new(at, $"'{keyword}: true' is OpenAPI 3.0's form in a 3.1 document; it is read as '{keyword}: {Text(limit31)}'"));
                return;
            }

            fixes.Add(new(at, $"'{keyword}: {(exclusive ? "true" : "false")}' is OpenAPI 3.0's form in a 3.1 document; it is left out"));
            return;
        }

        if (openApi31 ? Number(value) is null : Flag(value) is null)
        {
            schema.Remove(keyword);
            fixes.Add(new(at, $"'{keyword}' is {Describe(value)}, not {(openApi31 ? "a number" : "true or false")}; it is left out"));
        }
        else if (IsString(value))
        {
            schema[keyword] = openApi31 ? JsonValue.Create(Number(value)!.Value) : JsonValue.Create(Flag(value)!.Value);
            fixes.Add(new(at, $"'{keyword}' is the string {Quoted(value)}; it is read as {schema[keyword]!.ToJsonString()}"));
        }
    }

    private static void RepairNumber(JsonObject schema, string keyword, string pointer, List<Fix> fixes, bool whole)
    {
        if (!schema.TryGetPropertyValue(keyword, out var value) || value is null)
        {
            return;
        }

        var at = pointer + "/" + keyword;
        var number = Number(value);
        if (number is null || whole && (number < 0 || number != Math.Floor(number.Value) || number > long.MaxValue))
        {
            schema.Remove(keyword);
            fixes.Add(new(at, $"'{keyword}' is {Describe(value)}, not {(whole ? "a whole number of zero or more" : "a number")}; it is left out"));
        }
        else if (IsString(value))
        {
            schema[keyword] = whole ? JsonValue.Create((long)number.Value) : JsonValue.Create(number.Value);
            fixes.Add(new(at, $"'{keyword}' is the string {Quoted(value)}; it is read as the number {Text(number.Value)}"));
        }
    }

    private static void RepairFlag(JsonObject schema, string keyword, string pointer, List<Fix> fixes)
    {
        if (!schema.TryGetPropertyValue(keyword, out var value) || value is null)
        {
            return;
        }

        var at = pointer + "/" + keyword;
        if (Flag(value) is not { } flag)
        {
            schema.Remove(keyword);
            fixes.Add(new(at, $"'{keyword}' is {Describe(value)}, not true or false; it is left out"));
        }
        else if (IsString(value))
        {
            schema[keyword] = JsonValue.Create(flag);
            fixes.Add(new(at, $"'{keyword}' is the string {Quoted(value)}; it is read as {(flag ? "true" : "false")}"));
        }
    }

    /// <summary>A number, or a string that spells one (YAML scalars arrive as strings).</summary>
    private static decimal? Number(JsonNode node) => node is JsonValue value && value.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
        && decimal.TryParse(value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    /// <summary>true or false, or a string that spells one.</summary>
    private static bool? Flag(JsonNode node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => value.GetValue<string>() switch
            {
                "true" or "True" or "TRUE" => true,
                "false" or "False" or "FALSE" => false,
                _ => null,
            },
            _ => null,
        }
        : null;

    private static bool IsString(JsonNode node) => node is JsonValue value && value.GetValueKind() == JsonValueKind.String;

    private static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "the string " + Quoted(node),
        JsonValueKind.True or JsonValueKind.False => node.ToJsonString(),
        _ => node.ToJsonString(),
    };

    private static string Quoted(JsonNode node)
    {
        var text = node.GetValue<string>();
        return "'" + (text.Length > 40 ? text.Substring(0, 40) + "…" : text) + "'";
    }

    private static string Text(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
