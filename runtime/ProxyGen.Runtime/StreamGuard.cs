namespace ProxyGen.Runtime;

/// <summary>
/// The body of a streamed response, as <c>SseParser</c> and the JSON Lines reader read it: a read that waits longer
/// than the idle timeout gives up, and for Server-Sent Events one event may not grow past the byte limit nor be cut
/// off by the end of the stream. Disposing it disposes the response, which frees the connection. Its errors name the
/// call, the response's status and request id.
/// </summary>
internal sealed class StreamGuard : Stream
{
    private readonly Stream _inner;
    private readonly HttpResponseMessage _response;
    private readonly CancellationTokenSource _idle;
    private readonly CancellationToken _caller;
    private readonly TimeSpan _idleTimeout;
    private readonly long _maxEventBytes;
    private readonly bool _events;

    // Where the scan of Server-Sent Events stands: bytes of the event so far, at the start of a line, after a CR.
    private long _eventBytes;
    private bool _lineStart = true;
    private bool _afterCarriageReturn;
    private bool _eventPending;

    private readonly ApiRequest _request;
    private readonly Uri _address;

    public StreamGuard(Stream inner, HttpResponseMessage response, ApiRequest request, Uri address, TimeSpan idleTimeout, long maxEventBytes, bool events, CancellationToken cancellationToken)
    {
        _inner = inner;
        _request = request;
        _address = address;
        MediaType = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        StatusCode = response.StatusCode;
        RequestId = ApiException.RequestIdOf(response);
        _response = response;
        _idleTimeout = idleTimeout;
        _maxEventBytes = maxEventBytes;
        _events = events;
        _caller = cancellationToken;
        _idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>The response's media type, lower-case, if it named one.</summary>
    public string? MediaType { get; }

    public System.Net.HttpStatusCode StatusCode { get; }

    public string? RequestId { get; }

    /// <summary>The error to throw, saying which call <paramref name="what"/> happened to.</summary>
    public ApiException Failure(string what, ApiErrorKind kind, Exception? innerException) => new(
        $"{_request.Method} {_address.AbsolutePath}: {what}.",
        StatusCode,
        _request.Method,
        _address,
        responseBody: null,
        requestId: RequestId,
        innerException: innerException,
        kind: kind);

    /// <summary>Events (or records) read so far, for messages: set by the reader.</summary>
    public long Count { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_idleTimeout != Timeout.InfiniteTimeSpan)
        {
            _idle.CancelAfter(_idleTimeout);
        }

        try
        {
            read = await _inner.ReadAsync(buffer, _idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (_idle.IsCancellationRequested && !_caller.IsCancellationRequested)
        {
            throw Failure(
                $"the stream sent nothing for {_idleTimeout} (ApiClientOptions.StreamIdleTimeout) after {Count} {(_events ? "events" : "records")}",
                ApiErrorKind.StreamIdle,
                new TimeoutException(exception.Message, exception));
        }
        finally
        {
            if (!_idle.IsCancellationRequested)
            {
                _idle.CancelAfter(Timeout.InfiniteTimeSpan);
            }
        }

        if (_events)
        {
            Scan(buffer.Span[..read]);
            if (read == 0 && _eventPending)
            {
                throw new HttpRequestException(HttpRequestError.ResponseEnded, $"The stream ended in the middle of an event, after {Count} events.");
            }
        }

        return read;
    }

    /// <summary>Follows lines and blank lines (CR, LF or CRLF) to bound one event's bytes and see one left unfinished.</summary>
    private void Scan(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            var b = bytes[0];
            if (b is (byte)'\n' or (byte)'\r')
            {
                if (b == (byte)'\n' && _afterCarriageReturn)
                {
                    // The LF of a CRLF: the CR already ended the line.
                    _afterCarriageReturn = false;
                }
                else
                {
                    if (_lineStart || !_eventPending)
                    {
                        // A blank line ends the event; a comment line outside an event leaves nothing behind.
                        _eventPending &= !_lineStart;
                        _eventBytes = 0;
                    }

                    _lineStart = true;
                    _afterCarriageReturn = b == (byte)'\r';
                }

                bytes = bytes[1..];
                continue;
            }

            _afterCarriageReturn = false;
            if (_lineStart)
            {
                _lineStart = false;
                _eventPending |= b != (byte)':';
            }

            // The rest of the line at once.
            var run = bytes.IndexOfAny((byte)'\r', (byte)'\n');
            run = run < 0 ? bytes.Length : run;
            _eventBytes += run;
            if (_eventBytes > _maxEventBytes)
            {
                throw Failure($"event {Count + 1} is larger than {_maxEventBytes} bytes (ApiClientOptions.MaxResponseBytes)", ApiErrorKind.ResponseTooLarge, null);
            }

            bytes = bytes[run..];
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _idle.Dispose();
            _inner.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
