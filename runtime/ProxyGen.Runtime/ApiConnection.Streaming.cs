using System.Buffers;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ProxyGen.Runtime;

/// <summary>Streamed responses: Server-Sent Events and JSON Lines, read one event or record at a time.</summary>
public sealed partial class ApiConnection
{
    private static readonly byte[] Done = "[DONE]"u8.ToArray();

    /// <summary>
    /// Sends <paramref name="request"/> and reads its 2xx <c>text/event-stream</c> answer event by event, each event's
    /// data read with <paramref name="readData"/>. Nothing is sent until the caller enumerates.
    /// </summary>
    /// <remarks>
    /// The HttpClient's timeout covers the wait for the response headers; after them,
    /// <see cref="ApiClientOptions.StreamIdleTimeout"/> bounds the wait for each read and
    /// <see cref="ApiClientOptions.MaxResponseBytes"/> each event. Leaving the <c>await foreach</c> (or cancelling)
    /// disposes the response and frees the connection. A non-2xx answer is an <see cref="ApiException"/> as for any call.
    /// </remarks>
    /// <exception cref="ArgumentException">The request's path leaves the base address (thrown here, not when enumerating).</exception>
    public IAsyncEnumerable<ServerSentEvent<T>> StreamEventsAsync<T>(ApiRequest request, JsonValueReader<T> readData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readData);
        return ReadEventsAsync(request, Address(request), readData, cancellationToken);
    }

    /// <summary>
    /// Sends <paramref name="request"/> and reads its 2xx JSON Lines answer (<c>application/x-ndjson</c>,
    /// <c>application/jsonl</c>; <c>application/json-seq</c> records start with RS) record by record, each read with
    /// <paramref name="readRecord"/>. Blank lines are skipped. Bounds as for <see cref="StreamEventsAsync{T}"/>, per record.
    /// </summary>
    /// <exception cref="ArgumentException">The request's path leaves the base address (thrown here, not when enumerating).</exception>
    public IAsyncEnumerable<T> StreamRecordsAsync<T>(ApiRequest request, JsonValueReader<T> readRecord, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(readRecord);
        return ReadRecordsAsync(request, Address(request), readRecord, cancellationToken);
    }

    private async IAsyncEnumerable<ServerSentEvent<T>> ReadEventsAsync<T>(ApiRequest request, Uri address, JsonValueReader<T> readData, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var body = await OpenStreamAsync(request, address, events: true, cancellationToken).ConfigureAwait(false);
        var parser = SseParser.Create(body, (type, data) => EventData<T>.Read(data, readData));
        TimeSpan? retry = null;
        await foreach (var item in parser.EnumerateAsync(cancellationToken).ConfigureAwait(false))
        {
            body.Count++;
            var data = item.Data;
            if (data.IsDone)
            {
                yield break;
            }

            retry = item.ReconnectionInterval ?? retry;
            if (data.Error is { } error && item.EventType == SseParser.EventTypeDefault)
            {
                throw new ApiException(
                    $"{request.Method} {address.AbsolutePath} sent event {body.Count}{(parser.LastEventId is { Length: > 0 } id ? $" (id '{ApiException.Printable(id, 100)}')" : string.Empty)} whose data could not be read as {Readable(typeof(T))}: {ApiException.Printable(error.Message, 300)}",
                    body.StatusCode,
                    request.Method,
                    address,
                    data.Raw,
                    requestId: body.RequestId,
                    innerException: error,
                    kind: ApiErrorKind.InvalidBody);
            }

            yield return new ServerSentEvent<T>(data.Value, data.Raw, item.EventType, parser.LastEventId is { Length: > 0 } last ? last : null, retry);
        }
    }

    private async IAsyncEnumerable<T> ReadRecordsAsync<T>(ApiRequest request, Uri address, JsonValueReader<T> readRecord, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var body = await OpenStreamAsync(request, address, events: false, cancellationToken).ConfigureAwait(false);
        var separator = body.MediaType == "application/json-seq" ? (byte)0x1E : (byte)'\n';
        var limit = (int)Math.Min(_maxResponseBytes, Array.MaxLength - 1);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(limit + 1L, 16 * 1024));
        try
        {
            var start = 0;
            var end = 0;
            var ended = false;
            while (true)
            {
                var at = buffer.AsSpan(start, end - start).IndexOf(separator);
                if (at < 0 && !ended)
                {
                    // No whole record yet: keep what is left at the front, grow within the limit, read more.
                    if (end - start > limit)
                    {
                        throw body.Failure($"record {body.Count + 1} is larger than {limit} bytes (ApiClientOptions.MaxResponseBytes)", ApiErrorKind.ResponseTooLarge, null);
                    }

                    buffer = Compact(buffer, ref start, ref end, limit);
                    var read = await body.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
                    end += read;
                    ended = read == 0;
                    continue;
                }

                var length = at < 0 ? end - start : at;
                var record = new ArraySegment<byte>(buffer, start, length);
                start += at < 0 ? length : length + 1;
                if (TakeRecord(record, readRecord, request, address, body, last: at < 0, out var value))
                {
                    yield return value;
                }

                if (at < 0)
                {
                    yield break;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Moves the unread bytes to the front of the buffer, and grows it (within the limit) when it is full.</summary>
    private static byte[] Compact(byte[] buffer, ref int start, ref int end, int limit)
    {
        if (start > 0)
        {
            buffer.AsSpan(start, end - start).CopyTo(buffer);
            end -= start;
            start = 0;
        }

        if (end < buffer.Length)
        {
            return buffer;
        }

        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, limit + 1L));
        buffer.AsSpan(0, end).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
    }

    /// <summary>Reads one line; false for a blank one (skipped). The last line may lack its separator.</summary>
    private bool TakeRecord<T>(ArraySegment<byte> line, JsonValueReader<T> readRecord, ApiRequest request, Uri address, StreamGuard body, bool last, out T value)
    {
        var record = line.AsSpan().Trim(" \t\r\n\u001e"u8);
        if (record.IsEmpty)
        {
            value = default!;
            return false;
        }

        body.Count++;
        try
        {
            value = Read(record, readRecord);
            return true;
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            if (last && IsCutOff(record))
            {
                throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The stream ended in the middle of record {body.Count}.", exception);
            }

            throw new ApiException(
                $"{request.Method} {address.AbsolutePath} sent record {body.Count} that could not be read as {Readable(typeof(T))}: {ApiException.Printable(exception.Message, 300)}",
                body.StatusCode,
                request.Method,
                address,
                Encoding.UTF8.GetString(record[..Math.Min(record.Length, ApiException.MaxErrorBodyBytes)]),
                requestId: body.RequestId,
                innerException: exception,
                kind: ApiErrorKind.InvalidBody,
                isResponseBodyTruncated: record.Length > ApiException.MaxErrorBodyBytes);
        }
    }

    /// <summary>True when <paramref name="json"/> is the start of a JSON value the stream's end cut off (not a wrong one).</summary>
    private static bool IsCutOff(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock: false, default);
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName))
                {
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Sends the request and opens its 2xx body; the HttpClient's timeout covers this part only.</summary>
    private async Task<StreamGuard> OpenStreamAsync(ApiRequest request, Uri address, bool events, CancellationToken cancellationToken)
    {
        using var timeout = StartTimeout(cancellationToken);
        HttpResponseMessage response;
        try
        {
            response = await SendCheckedAsync(request, address, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (TimedOut(timeout, cancellationToken))
        {
            throw TimeoutError(exception);
        }

        try
        {
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (events && mediaType is not null && !string.Equals(mediaType, "text/event-stream", StringComparison.OrdinalIgnoreCase))
            {
                // A server that ignored Accept (a body flag such as `stream` left false): one JSON document, not events.
                var text = await BodyReader.ReadAsync(response.Content, ApiException.MaxErrorBodyBytes, timeout.Token).ConfigureAwait(false) is { } answer
                    ? Encoding.UTF8.GetString(answer.Buffer, 0, answer.Length)
                    : null;
                throw new ApiException(
                    $"{request.Method} {address.AbsolutePath} answered {(int)response.StatusCode} with {ApiException.Printable(mediaType, 100)} where text/event-stream was asked for.",
                    response.StatusCode,
                    request.Method,
                    address,
                    text,
                    requestId: ApiException.RequestIdOf(response),
                    kind: ApiErrorKind.InvalidBody,
                    isResponseBodyTruncated: text is null);
            }

            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new StreamGuard(stream, response, request, address, _streamIdleTimeout, _maxResponseBytes, events, cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>What the SSE item parser makes of one event's data: a value, the text it could not read, or the end.</summary>
    private readonly struct EventData<T>
    {
        private EventData(T? value, string? raw, Exception? error, bool isDone)
        {
            Value = value;
            Raw = raw;
            Error = error;
            IsDone = isDone;
        }

        public T? Value { get; }

        public string? Raw { get; }

        public Exception? Error { get; }

        public bool IsDone { get; }

        public static EventData<T> Read(ReadOnlySpan<byte> data, JsonValueReader<T> readData)
        {
            if (data.SequenceEqual(Done))
            {
                return new(default, null, null, isDone: true);
            }

            try
            {
                return new(ApiConnection.Read(data, readData), null, null, isDone: false);
            }
            catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
            {
                // Whole (one event is within MaxResponseBytes): an event type the spec does not describe is not lost.
                return new(default, Encoding.UTF8.GetString(data), exception, isDone: false);
            }
        }
    }
}
