namespace ProxyGen.Client.Tests;

/// <summary>A clock a test sets by hand (token lifetimes, webhook timestamps).</summary>
internal sealed class ManualClock : TimeProvider
{
    public ManualClock()
    {
    }

    public ManualClock(DateTimeOffset now) => Now = now;

    public DateTimeOffset Now { get; set; } = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}
