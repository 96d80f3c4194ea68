using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace ProxyGen.Emulator;

/// <summary>
/// The emulator's in-memory data: ordered collections of JSON resources keyed by their collection path
/// (<c>/v1/Services/KS…/ShortCodes</c>). Thread-safe; callers get copies.
/// </summary>
internal sealed class ResourceStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<JsonObject>> _collections = new(StringComparer.Ordinal);

    /// <summary>A SID in Twilio's format: two-letter prefix and 32 lowercase hex digits.</summary>
    public static string NewSid(string prefix) => prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Now, in Twilio's date format (UTC, whole seconds).</summary>
    public static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public JsonObject Add(string collection, JsonObject resource)
    {
        lock (_gate)
        {
            if (!_collections.TryGetValue(collection, out var items))
            {
                _collections[collection] = items = new List<JsonObject>();
            }

            items.Add(resource);
            return (JsonObject)resource.DeepClone();
        }
    }

    public JsonObject? Find(string collection, string sid)
    {
        lock (_gate)
        {
            return (JsonObject?)FindLive(collection, sid)?.DeepClone();
        }
    }

    /// <summary>Applies <paramref name="change"/> to a resource and stamps <c>date_updated</c>; null when there is none.</summary>
    public JsonObject? Update(string collection, string sid, Action<JsonObject> change)
    {
        lock (_gate)
        {
            var resource = FindLive(collection, sid);
            if (resource is null)
            {
                return null;
            }

            change(resource);
            resource["date_updated"] = Now();
            return (JsonObject)resource.DeepClone();
        }
    }

    /// <summary>Removes a resource and everything below it.</summary>
    public bool Remove(string collection, string sid)
    {
        lock (_gate)
        {
            if (!_collections.TryGetValue(collection, out var items) || items.RemoveAll(r => (string?)r["sid"] == sid) == 0)
            {
                return false;
            }

            var prefix = collection + "/" + sid + "/";
            foreach (var child in _collections.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            {
                _collections.Remove(child);
            }

            return true;
        }
    }

    public IReadOnlyList<JsonObject> List(string collection)
    {
        lock (_gate)
        {
            return _collections.TryGetValue(collection, out var items)
                ? items.Select(r => (JsonObject)r.DeepClone()).ToList()
                : [];
        }
    }

    private JsonObject? FindLive(string collection, string sid) =>
        _collections.TryGetValue(collection, out var items) ? items.FirstOrDefault(r => (string?)r["sid"] == sid) : null;
}
