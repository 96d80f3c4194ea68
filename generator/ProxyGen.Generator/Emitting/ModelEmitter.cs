using System.Collections.Generic;
using System.Linq;
using ProxyGen.Generator.Model;

namespace ProxyGen.Generator.Emitting;

/// <summary>
/// Writes a model: init-only properties, an <c>AdditionalProperties</c> bag, and a reflection-free JSON reader and
/// writer, so a model the server sent can be sent back exactly and a request body is written without reflection.
/// </summary>
internal static class ModelEmitter
{
    /// <summary>
    /// The field of the root class that records which members were set, numbers sent as strings, and the members the
    /// spec does not describe (<c>AdditionalProperties</c>).
    /// </summary>
    private const string Members = "_members";

    public static string Emit(EmitContext client, ModelSpec model)
    {
        var writer = FileHeader.Start(client.SpecFileName, client.Namespace, model.AllProperties.Any(p => p.Deprecated));
        writer.Summary(model.Description ?? $"The {model.Name} object of the {client.Title} API.");
        var declaration = $"{client.Visibility} {(model.IsSealed ? "sealed " : string.Empty)}partial class {model.Name} : "
            + (model.BaseName is null ? string.Empty : model.BaseName + ", ") + TypeNames.JsonModelOf(model.Name);
        TypeNames.JsonConverterAttribute(writer, model.Name);
        using (writer.Block(declaration))
        {
            // The state first, one line each: which members were set, and the value behind each property. A class
            // others extend lets them reach its state, for their readers.
            var fields = BackingFields(model.Properties);
            var access = model.IsSealed ? "private" : "private protected";
            if (model.BaseName is null)
            {
                writer.Line($"{access} {TypeNames.Runtime}.JsonMembers {Members};");
            }

            foreach (var property in model.Properties)
            {
                // A member the initializer must set (required) starts out unset, never observed.
                writer.Line($"{access} {TypeNames.Of(property.Type)} {fields[property.Name]}{(property.Type.Nullable ? string.Empty : " = default!")};");
            }

            writer.Line();
            writer.DocXml("summary", $"Creates an empty <see cref=\"{model.Name}\"/>: set its members in an object initializer.");
            writer.Line($"public {model.Name}() {{ }}");
            writer.Line();
            // The reader's constructor: it sets the fields itself, required ones included, and says which were there.
            var unsetBeforeReading = model.AllProperties.Any(p => !p.Type.Nullable);
            if (unsetBeforeReading)
            {
                writer.Line("#pragma warning disable CS8618 // The reader sets every member it reads; a missing one is its error, or empty.");
            }

            writer.Line("[global::System.Diagnostics.CodeAnalysis.SetsRequiredMembers]");
            writer.Line($"{(model.IsSealed ? "private" : "private protected")} {model.Name}({TypeNames.Runtime}.JsonMembers members){(model.BaseName is null ? $" => {Members} = members;" : " : base(members) { }")}");
            if (unsetBeforeReading)
            {
                writer.Line("#pragma warning restore CS8618");
            }

            writer.Line();

            var index = model.InheritedProperties.Count;
            foreach (var property in model.Properties)
            {
                WriteProperty(writer, property, fields[property.Name], index++);
            }

            if (model.BaseName is null)
            {
                writer.DocText("summary", "JSON members the spec does not describe, kept exactly as the server sent them, and written back by WriteJson.");
                writer.Line($"public global::System.Collections.Generic.IReadOnlyDictionary<string, {TypeNames.JsonElement}> AdditionalProperties {{ get => {Members}.AdditionalProperties; init => {Members}.AdditionalProperties = value; }}");
                writer.Line();
            }

            WriteReader(writer, model, client.Namespace);
            writer.Line();
            WriteWriter(writer, model, client.Namespace);
        }

        return writer.Finish();
    }

    /// <summary>The field behind each property of <paramref name="properties"/>: <c>_sid</c> for <c>Sid</c>.</summary>
    private static Dictionary<string, string> BackingFields(IEnumerable<PropertySpec> properties)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { Members };
        return properties.ToDictionary(p => p.Name, p => Naming.Unique("_" + Naming.Camel(p.Name).TrimStart('@'), taken), System.StringComparer.Ordinal);
    }

    /// <summary>
    /// One property: its documentation, wire name, and an <c>init</c> that records the member as set, so that an
    /// explicit null is written (a merge-patch clearing a field) while a member never set is left out.
    /// </summary>
    private static void WriteProperty(SourceWriter writer, PropertySpec property, string field, int index)
    {
        if (property.Description is { } description)
        {
            writer.Summary(description);
        }
        else
        {
            writer.DocXml("summary", $"The <c>{SourceWriter.XmlEscape(property.JsonName)}</c> member.");
        }

        if (property.Requirement == Requirement.Required && property.Type.Nullable)
        {
            writer.DocText("remarks", "The spec requires this member, so an initializer must set it; read from a server, it is null when the server left it out.");
        }

        if (property.Deprecated)
        {
            writer.DocText("remarks", "Deprecated: the spec marks this member deprecated.");
        }

        // The converter owns the wire names: no [JsonPropertyName]. C# refuses [Obsolete] on a required member (CS9042);
        // its documentation says it instead.
        if (property.Deprecated && !property.IsRequired)
        {
            writer.Line("[global::System.Obsolete(\"The spec marks this member deprecated.\")]");
        }

        var required = property.IsRequired ? "required " : string.Empty;
        writer.Line($"public {required}{TypeNames.Of(property.Type)} {property.Name} {{ get => {field}; init {{ {field} = value; {Members}.Add({index}); }} }}");
        writer.Line();
    }

    /// <summary>
    /// <c>ReadJson</c>: straight into the fields of an object made by the reading constructor, one line per member; then
    /// what a member that was left out (or null where it cannot be) gets: an empty list or map when read tolerantly, the
    /// strict reading's error otherwise.
    /// </summary>
    private static void WriteReader(SourceWriter writer, ModelSpec model, string @namespace)
    {
        var properties = model.AllProperties.ToList();
        var fields = BackingFields(model.InheritedProperties);
        foreach (var own in BackingFields(model.Properties))
        {
            fields[own.Key] = own.Value;
        }

        writer.DocXml("summary", $"Reads a <see cref=\"{model.Name}\"/> from the JSON object at the reader's position, without reflection.");
        var hides = model.BaseName is null ? string.Empty : "new ";
        using (writer.Block($"public static {hides}{model.Name} ReadJson(ref {TypeNames.Utf8JsonReader} reader)"))
        {
            writer.Line($"{TypeNames.JsonRead}.StartObject(ref reader, {SourceWriter.Literal(model.Name)});");
            writer.Line($"var value = new {model.Name}(default({TypeNames.Runtime}.JsonMembers));");

            // Member names are matched as UTF-8 where they lie in the input: only an unknown member's name becomes a string.
            using (writer.Block($"while ({TypeNames.JsonRead}.NextMember(ref reader))"))
            {
                for (var i = 0; i < properties.Count; i++)
                {
                    var property = properties[i];
                    var read = TypeNames.IsNumber(property.Type)
                        ? $"{TypeNames.JsonRead}.Number<{TypeNames.NonNullable(property.Type)}>(ref reader, {TypeNames.JsonRead}.{property.Type.Kind}, ref value.{Members}, {i})"
                        : property.Type.Kind == TypeKind.String
                            ? $"{TypeNames.JsonRead}.String(ref reader, ref value.{Members}, {i})"
                            : TypeNames.ReadExpression(property.Type, @namespace);
                    writer.Line($"{(i == 0 ? string.Empty : "else ")}if ({TypeNames.JsonRead}.Member(ref reader, {SourceWriter.Literal(property.JsonName)}u8, ref value.{Members}, {i})) value.{fields[property.Name]} = {read}{NullRead(property, model.Name)};");
                }

                writer.Line($"{(properties.Count == 0 ? string.Empty : "else ")}{TypeNames.JsonRead}.Unknown(ref reader, ref value.{Members});");
            }

            writer.Line();
            for (var i = 0; i < properties.Count; i++)
            {
                if (Missing(properties[i], i, $"value.{fields[properties[i].Name]}", model.Name) is { } line)
                {
                    writer.Line(line);
                }
            }

            writer.Line("return value;");
        }
    }

    private static string MissingMember(PropertySpec property, string modelName) =>
        $"{TypeNames.JsonRead}.MissingMember({SourceWriter.Literal(modelName)}, {SourceWriter.Literal(property.JsonName)})";

    /// <summary>
    /// What follows the read of a member that cannot be null: a null the schema forbids is the strict reading's error;
    /// a tolerant required list or map takes the null and becomes empty below.
    /// </summary>
    private static string NullRead(PropertySpec property, string modelName) => property.Type.Nullable
        ? string.Empty
        : property.Requirement == Requirement.Required && property.Type.Kind is TypeKind.Array or TypeKind.Map
            ? "!"
            : $" ?? throw {MissingMember(property, modelName)}";

    /// <summary>
    /// The line for a member the JSON may have left out: a required list or map read tolerantly becomes empty; read
    /// strictly, a required member must be there (a required member the schema lets be null too). Null: nothing to do.
    /// </summary>
    private static string? Missing(PropertySpec property, int index, string field, string modelName)
    {
        if (property.Type.Nullable)
        {
            return property.Requirement == Requirement.Strict ? $"if (!value.{Members}.Has({index})) throw {MissingMember(property, modelName)};" : null;
        }

        if (property.Requirement == Requirement.Required && property.Type.Kind is TypeKind.Array or TypeKind.Map)
        {
            var empty = property.Type.Kind == TypeKind.Array ? "EmptyList" : "EmptyMap";
            return $"{field} ??= {TypeNames.JsonRead}.{empty}<{TypeNames.Of(property.Type.Element!)}>();";
        }

        return $"if (!value.{Members}.Has({index})) throw {MissingMember(property, modelName)};";
    }

    /// <summary>
    /// <c>WriteJson</c>: every property that is not null under its JSON name exactly as the spec writes it, then the
    /// members kept in <c>AdditionalProperties</c>. A static overload makes the model a <c>JsonValueWriter</c> for lists.
    /// </summary>
    private static void WriteWriter(SourceWriter writer, ModelSpec model, string @namespace)
    {
        writer.DocXml("summary", "Writes this object as JSON, without reflection: every member that was set, by an initializer or the reader (set to null: written as null; never set: left out), then <c>AdditionalProperties</c>.");
        // A class others extend writes through a virtual method, so a derived object in a base-typed member is written whole.
        var modifier = model.BaseName is not null ? "override " : model.IsSealed ? string.Empty : "virtual ";
        using (writer.Block($"public {modifier}void WriteJson({TypeNames.Utf8JsonWriter} writer)"))
        {
            writer.Line("global::System.ArgumentNullException.ThrowIfNull(writer);");
            writer.Line("writer.WriteStartObject();");
            var index = 0;
            foreach (var property in model.AllProperties)
            {
                writer.Line($"if ({TypeNames.JsonWrite}.Member(writer, {SourceWriter.Literal(property.JsonName)}u8, this.{Members}, {index})) {WriteValue(property.Type, $"this.{property.Name}", index, @namespace)};");
                index++;
            }

            writer.Line($"{TypeNames.JsonWrite}.AdditionalProperties(writer, this.AdditionalProperties);");
            writer.Line("writer.WriteEndObject();");
        }

        writer.Line();
        TypeNames.StaticWriter(writer, model.Name);
    }

    /// <summary>The statement that writes one member's value, null included; a number the server sent as a string goes back as that string.</summary>
    private static string WriteValue(TypeRef type, string value, int index, string @namespace)
    {
        var nonNullable = type.WithNullable(false);
        // A value the server sent in the other JSON form (a number as a string, a string as a number) goes back in it.
        if (TypeNames.IsNumber(type))
        {
            return $"{TypeNames.JsonWrite}.Number<{TypeNames.Of(type)}>(writer, {value}, {TypeNames.JsonWrite}.{type.Kind}, this.{Members}.SentAs({index}))";
        }

        if (type.Kind == TypeKind.String)
        {
            return $"{TypeNames.JsonWrite}.String(writer, {value}, this.{Members}.SentAs({index}))";
        }

        if (!type.Nullable || type.Kind is not (TypeKind.Model or TypeKind.Union or TypeKind.Enum or TypeKind.HttpMethod))
        {
            // Lists, maps and every primitive have a writer that writes null for null.
            return $"{TypeNames.ValueWriter(nonNullable, @namespace)}(writer, {value})";
        }

        var helper = type.Kind is TypeKind.Enum or TypeKind.HttpMethod ? "Value" : "Object";
        return $"{TypeNames.JsonWrite}.{helper}(writer, {value}, {TypeNames.ValueWriter(nonNullable, @namespace)})";
    }
}
