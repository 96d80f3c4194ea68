using System.ComponentModel;

namespace ProxyGen.Runtime;

/// <summary>
/// What a generated model knows about its own members beyond their values: which were set (by an object initializer
/// or by the reader, JSON <c>null</c> included) and so are written, and the text of values the server sent in the
/// other JSON form (a number as a string, a string as a number), so they are written back the way they came. Members
/// are numbered in the order the model writes them.
/// </summary>
/// <remarks>A mutable struct held in a field of the model and changed only through that field.</remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct JsonMembers
{
    private ulong _first;
    private ulong[]? _more;
    private Dictionary<int, string>? _sentAs;

    /// <summary>Marks member <paramref name="index"/> as set.</summary>
    public void Add(int index)
    {
        if (index < 64)
        {
            _first |= 1UL << index;
            return;
        }

        var word = (index >> 6) - 1;
        if (_more is null || _more.Length <= word)
        {
            Array.Resize(ref _more, word + 1);
        }

        _more[word] |= 1UL << (index & 63);
    }

    /// <summary>True when member <paramref name="index"/> was set: it is written, as JSON null when its value is null.</summary>
    public readonly bool Has(int index)
    {
        if (index < 64)
        {
            return (_first & (1UL << index)) != 0;
        }

        var word = (index >> 6) - 1;
        return _more is not null && word < _more.Length && (_more[word] & (1UL << (index & 63))) != 0;
    }

    /// <summary>
    /// Keeps the text of a member the server sent in the other JSON form: a number member sent as a string
    /// (<c>"price": "-0.05000"</c>), or a string member sent as a number (<c>"imei": 14931000129700</c>).
    /// </summary>
    public void KeepSentAs(int index, string text) => (_sentAs ??= new Dictionary<int, string>())[index] = text;

    /// <summary>The text of member <paramref name="index"/> when the server sent it in the other JSON form; otherwise null.</summary>
    public readonly string? SentAs(int index) => _sentAs is not null && _sentAs.TryGetValue(index, out var text) ? text : null;
}
