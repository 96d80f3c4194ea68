namespace ProxyGen.Demo;

/// <summary>Prints each request line, its form body and the answer's status. Never prints the Authorization header.</summary>
internal sealed class WireLog : DelegatingHandler
{
    public WireLog()
        : base(new HttpClientHandler())
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Console.ForegroundColor = ConsoleColor.DarkCyan;
        Console.WriteLine($"   → {request.Method} {request.RequestUri?.PathAndQuery}");
        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsStringAsync(cancellationToken);
            Console.WriteLine($"     {request.Content.Headers.ContentType}: {(body.Length == 0 ? "(empty body)" : body)}");
        }

        var response = await base.SendAsync(request, cancellationToken);
        Console.WriteLine($"   ← {(int)response.StatusCode} {response.ReasonPhrase}");
        Console.ResetColor();
        return response;
    }
}
