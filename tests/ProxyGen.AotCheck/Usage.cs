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

    /// <summary>Reads a stream of events and one of JSON Lines to the end.</summary>
    public static async Task<long> SumStreamsAsync(Exports.IExportsClient client, CancellationToken cancellationToken)
    {
        var sum = 0L;
        await foreach (var item in client.WatchRowsAsync(cancellationToken))
        {
            sum += item.Data?.Id ?? 0;
        }

        await foreach (var row in client.ExportRowsAsync(cancellationToken))
        {
            sum += row.Id ?? 0;
        }

        return sum;
    }
}
