using System;
using System.Collections.Generic;
using System.Linq;

namespace ProxyGen.Generator.Model;

/// <summary>
/// Renames models, and every reference to them in other models, unions and operations: how identical inline models
/// become one and how an API baseline keeps an inline model's name. A pure function of the model: it returns new
/// collections and leaves what it was given alone.
/// </summary>
internal sealed class ModelRenames(IReadOnlyDictionary<string, string> renames)
{
    public bool IsEmpty => renames.Count == 0;

    /// <summary>
    /// The models renamed; of models that become one, only the <paramref name="representatives"/> stay, with the
    /// description in <paramref name="descriptions"/>. The order of <paramref name="models"/> is kept.
    /// </summary>
    public Dictionary<string, ModelSpec> Apply(
        IReadOnlyDictionary<string, ModelSpec> models,
        ICollection<string> representatives,
        IReadOnlyDictionary<string, string?> descriptions)
    {
        var renamed = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
        foreach (var model in models.Values)
        {
            if (renames.ContainsKey(model.Name) && !representatives.Contains(model.Name))
            {
                continue;
            }

            var name = renames.TryGetValue(model.Name, out var canonical) ? canonical : model.Name;
            var description = descriptions.TryGetValue(model.Name, out var merged) ? merged : model.Description;
            renamed[name] = name == model.Name && description == model.Description && !Mentions(model.Properties) && !Mentions(model.InheritedProperties)
                ? model
                : model with
                {
                    Name = name,
                    Description = description,
                    Properties = model.Properties.Select(p => p with { Type = Rename(p.Type) }).ToEquatableArray(),
                    InheritedProperties = model.InheritedProperties.Select(p => p with { Type = Rename(p.Type) }).ToEquatableArray(),
                };
        }

        return renamed;
    }

    public List<UnionSpec> Apply(IEnumerable<UnionSpec> unions) => unions.Select(union => union with
    {
        Alternatives = union.Alternatives.Select(a => a with { Type = Rename(a.Type) }).ToEquatableArray(),
    }).ToList();

    public List<OperationSpec> Apply(IEnumerable<OperationSpec> operations) => operations.Select(Rename).ToList();

    public List<WebhookSpec> Apply(IEnumerable<WebhookSpec> webhooks) => webhooks.Select(w => Mentions(w.Payload) ? w with { Payload = Rename(w.Payload) } : w).ToList();

    /// <summary>The name a model has after the renames.</summary>
    public string NameOf(string model) => renames.TryGetValue(model, out var name) ? name : model;

    private TypeRef Rename(TypeRef type) => type with
    {
        Name = type.Kind == TypeKind.Model && type.Name is { } name && renames.TryGetValue(name, out var canonical) ? canonical : type.Name,
        Element = type.Element is null ? null : Rename(type.Element),
    };

    private OperationSpec Rename(OperationSpec operation) => !Mentions(operation) ? operation : operation with
    {
        Response = operation.Response is null ? null : Rename(operation.Response),
        Body = operation.Body is null ? null : operation.Body with { Type = Rename(operation.Body.Type) },
        PathParameters = operation.PathParameters.Select(p => p with { Type = Rename(p.Type) }).ToEquatableArray(),
        Request = operation.Request is null ? null : operation.Request with
        {
            Fields = operation.Request.Fields.Select(f => f with { Type = Rename(f.Type) }).ToEquatableArray(),
        },
        Paging = operation.Paging is null ? null : operation.Paging with { ItemType = Rename(operation.Paging.ItemType) },
        Streamed = operation.Streamed is null ? null : operation.Streamed with { Item = Rename(operation.Streamed.Item) },
    };

    /// <summary>True when a type names, at any depth of lists and maps, a model being renamed.</summary>
    private bool Mentions(TypeRef? type)
    {
        for (; type is not null; type = type.Element)
        {
            if (type.Kind == TypeKind.Model && type.Name is { } name && renames.ContainsKey(name))
            {
                return true;
            }
        }

        return false;
    }

    private bool Mentions(EquatableArray<PropertySpec> properties) => properties.Any(p => Mentions(p.Type));

    private bool Mentions(OperationSpec operation) =>
        Mentions(operation.Response) || Mentions(operation.Body?.Type) || Mentions(operation.Paging?.ItemType) || Mentions(operation.Streamed?.Item)
        || operation.PathParameters.Any(p => Mentions(p.Type))
        || operation.Request?.Fields.Any(f => Mentions(f.Type)) == true;
}
