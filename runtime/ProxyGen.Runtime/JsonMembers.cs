using System.ComponentModel;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>
/// What a generated model knows about its own members beyond their values: which were set (by an object initializer
/// or by the reader, JSON <c>null</c> included) and so are written, and the text of values the server sent in the
/// other JSON form (a number as a string, a string as a number), so they are written back the way they came, and the
/// members the spec does not describe. Members are numbered in the order the model writes them.
/// </summary>
/// <remarks>A mutable struct held in a field of the model and changed only through that field.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonMembers
{
    // 24 bytes in every model: the first 64 members' bits, what few models need beyond them, and the members the spec
    // does not describe (null: none).
    private ulong _first;
    private Overflow? _overflow;
    private IReadOnlyDictionary<string, JsonElement>? _additional;

    /// <summary>Members past the 64th, and the text of values sent in the other JSON form: rare, so kept apart.</summary>
    private sealed class Overflow
    {
        public ulong[]? More;
        public Dictionary<int, string>? SentAs;
    }

    /// <summary>
    /// The JSON members the spec does not describe: those the reader met, or those an initializer set (the model's
    /// <c>AdditionalProperties</c>). Never null.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> AdditionalProperties
    {
        readonly get => _additional ?? JsonRead.NoAdditionalProperties;
        set => _additional = value;
    }

    /// <summary>Keeps a member the reader met that the spec does not describe (the last of a repeated name wins).</summary>
    internal void AddUnknown(string name, JsonElement value)
    {
        // Only a model being read gets here; never add to a dictionary someone else handed over.
        if (_additional is not Dictionary<string, JsonElement> read || ReferenceEquals(read, JsonRead.NoAdditionalProperties))
        {
            _additional = read = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        }

        read[name] = value;
    }

    /// <summary>Marks member <paramref name="index"/> as set.</summary>
    public void Add(int index)
    {
        if (index < 64)
        {
            _first |= 1UL << index;
            return;
        }

        var overflow = _overflow ??= new Overflow();
        var word = (index >> 6) - 1;
        if (overflow.More is null || overflow.More.Length <= word)
        {
            Array.Resize(ref overflow.More, word + 1);
        }

        overflow.More[word] |= 1UL << (index & 63);
    }

    /// <summary>True when member <paramref name="index"/> was set: it is written, as JSON null when its value is null.</summary>
    public readonly bool Has(int index)
    {
        if (index < 64)
        {
            return (_first & (1UL << index)) != 0;
        }

        var word = (index >> 6) - 1;
        var more = _overflow?.More;
        return more is not null && word < more.Length && (more[word] & (1UL << (index & 63))) != 0;
    }

    /// <summary>
    /// Keeps the text of a member the server sent in the other JSON form: a number member sent as a string
    /// (<c>"price": "-0.05000"</c>), or a string member sent as a number (<c>"imei": 14931000129700</c>).
    /// </summary>
    public void KeepSentAs(int index, string text) => ((_overflow ??= new Overflow()).SentAs ??= new Dictionary<int, string>())[index] = text;

    /// <summary>The text of member <paramref name="index"/> when the server sent it in the other JSON form; otherwise null.</summary>
    public readonly string? SentAs(int index) => _overflow?.SentAs is { } sentAs && sentAs.TryGetValue(index, out var text) ? text : null;
}
