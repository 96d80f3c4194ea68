using System.Threading;
using System.Threading.Tasks;
using ProxyGen.AotCheck.Proxy;

namespace ProxyGen.AotCheck;

/// <summary>Calls the generated client the way an application would, so the analyzers see every path.</summary>
public static class Usage
{
    /// <summary>Reserves a short code and counts the pool.</summary>
    public static async Task<int> ReserveAndCountAsync(IProxyV1Client client, string serviceSid, string shortCodeSid, CancellationToken cancellationToken)
    {
        await client.UpdateShortCodeAsync(serviceSid, shortCodeSid, new() { IsReserved = true }, cancellationToken);
        var count = 0;
        await foreach (var _ in client.ListShortCodeAllAsync(serviceSid, cancellationToken: cancellationToken))
        {
            count++;
        }

        return count;
    }
}
