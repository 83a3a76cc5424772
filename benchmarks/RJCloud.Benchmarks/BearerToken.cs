namespace RJCloud.Benchmarks;

/// <summary>
/// An access token issued by the service's own token endpoint, sent as-is on every request of a
/// path. Access tokens last 15 minutes, so before each stretch of requests it is renewed by the
/// flow that issued it when little of its life remains, and after each stretch the service must
/// show it still accepts it. An expired token would otherwise go unnoticed: the anonymous
/// tenant(identifier:) would simply answer as it does for path a.
/// </summary>
internal sealed class BearerToken(
    string holder, TokenReply issued, Func<CancellationToken, Task<TokenReply>> renew, Func<string, CancellationToken, Task<bool>> isAccepted)
{
    // Far longer than any stretch of requests between two checks takes.
    public static readonly TimeSpan RenewalMargin = TimeSpan.FromMinutes(5);
    private TokenReply current = issued;

    public string Holder => holder;

    public string Value => Volatile.Read(ref current).AccessToken;

    public int Renewals { get; private set; }

    public async Task KeepFreshAsync(CancellationToken cancellationToken)
    {
        if (current.ExpiresAt - DateTimeOffset.UtcNow > RenewalMargin) return;
        Volatile.Write(ref current, await renew(cancellationToken));
        Renewals++;
    }

    // A token stays valid until it expires, so one accepted after a stretch was accepted all through it.
    public async Task ConfirmAcceptedAsync(CancellationToken cancellationToken)
    {
        if (!await isAccepted(Value, cancellationToken))
            throw new InvalidOperationException($"The service no longer accepts the {holder}'s access token: its requests may have run anonymously.");
    }
}
