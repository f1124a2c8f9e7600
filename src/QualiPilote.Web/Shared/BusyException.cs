namespace QualiPilote.Web.Shared;

/// <summary>The operation could not get its turn in time (another writer holds what it needs); nothing was written.
/// Pages and the API answer 503 with the French <see cref="Exception.Message"/> and a Retry-After header.</summary>
public sealed class BusyException(string message, TimeSpan retryAfter) : Exception(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
