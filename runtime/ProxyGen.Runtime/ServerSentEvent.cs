namespace ProxyGen.Runtime;

/// <summary>
/// One Server-Sent Event of a streamed response: its <see cref="Data"/> read as the type the spec describes, and the
/// event's type, id and retry interval as the server sent them.
/// </summary>
/// <typeparam name="T">The type the spec gives the event's <c>data</c>.</typeparam>
/// <remarks>
/// <para>A struct, as <c>SseItem&lt;T&gt;</c> is: reading an event allocates only what its data holds.</para>
/// <para>
/// Every event's data is read as <typeparamref name="T"/>. When that fails for an event of a type other than
/// <c>message</c> (a <c>ping</c>, an <c>error</c> the spec does not describe), the event is still delivered, with
/// <see cref="Data"/> left null and the text in <see cref="RawData"/>: nothing the server sends is lost. Data that is
/// not a <typeparamref name="T"/> in a <c>message</c> event is an <see cref="ApiException"/> of kind
/// <see cref="ApiErrorKind.InvalidBody"/>. A <c>[DONE]</c> data line ends the stream.
/// </para>
/// </remarks>
public readonly struct ServerSentEvent<T>
{
    private readonly string? _eventType;

    internal ServerSentEvent(T? data, string? rawData, string eventType, string? id, TimeSpan? retry)
    {
        Data = data;
        RawData = rawData;
        _eventType = eventType;
        Id = id;
        Retry = retry;
    }

    /// <summary>The event's data read as <typeparamref name="T"/>; null only when <see cref="RawData"/> holds it instead.</summary>
    public T? Data { get; }

    /// <summary>The event's data as sent, when it could not be read as <typeparamref name="T"/> (see remarks); else null.</summary>
    public string? RawData { get; }

    /// <summary>The <c>event:</c> field; <c>message</c> when the server sent none.</summary>
    public string EventType => _eventType ?? "message";

    /// <summary>
    /// The last event id the server set (<c>id:</c>), carried over from earlier events as the standard says: send it
    /// back as <c>Last-Event-ID</c> to resume, if the API supports that. ProxyGen does not reconnect on its own.
    /// </summary>
    public string? Id { get; }

    /// <summary>The reconnection time the server asked for (<c>retry:</c>), if it has sent one.</summary>
    public TimeSpan? Retry { get; }

    /// <summary>The event type and id, never the data.</summary>
    public override string ToString() => $"{EventType}{(Id is null ? string.Empty : " #" + Id)}";
}
