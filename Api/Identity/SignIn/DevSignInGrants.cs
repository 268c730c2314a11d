using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace BoxOffice.Api.Identity.SignIn;

/// <summary>
/// What the dev issuer's sign-in hands out and later takes back: single-use authorization codes, refresh tokens and
/// browser sessions. Kept in memory (a restart signs everybody out), each with an expiry read from the app's clock.
/// </summary>
public sealed class DevSignInGrants(TimeProvider clock)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan RefreshTokenLifetime = TimeSpan.FromDays(30);
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    private readonly ConcurrentDictionary<string, Expiring<AuthorizationCode>> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Expiring<DevSignInUser>> _refreshTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Expiring<DevSignInUser>> _sessions = new(StringComparer.Ordinal);

    public string IssueCode(AuthorizationCode code) => Add(_codes, code, CodeLifetime);

    /// <summary>The code's grant, once: a second redemption, or one after expiry, finds nothing.</summary>
    public AuthorizationCode? RedeemCode(string code) => Take(_codes, code, remove: true);

    public string IssueRefreshToken(DevSignInUser user) => Add(_refreshTokens, user, RefreshTokenLifetime);

    public DevSignInUser? Refresh(string refreshToken) => Take(_refreshTokens, refreshToken, remove: false);

    public string StartSession(DevSignInUser user) => Add(_sessions, user, SessionLifetime);

    public DevSignInUser? Session(string? sessionId) => sessionId is null ? null : Take(_sessions, sessionId, remove: false);

    public void EndSession(string? sessionId)
    {
        if (sessionId is not null) _sessions.TryRemove(sessionId, out _);
    }

    private string Add<T>(ConcurrentDictionary<string, Expiring<T>> store, T value, TimeSpan lifetime)
    {
        var now = clock.GetUtcNow();
        foreach (var (key, entry) in store)
        {
            if (entry.ExpiresAt <= now) store.TryRemove(key, out _);
        }
        var handle = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        store[handle] = new Expiring<T>(value, now + lifetime);
        return handle;
    }

    private T? Take<T>(ConcurrentDictionary<string, Expiring<T>> store, string handle, bool remove) where T : class
    {
        var found = remove ? store.TryRemove(handle, out var entry) : store.TryGetValue(handle, out entry);
        return found && entry!.ExpiresAt > clock.GetUtcNow() ? entry.Value : null;
    }

    private sealed record Expiring<T>(T Value, DateTimeOffset ExpiresAt);
}

/// <summary>Who signed in on the dev issuer's page.</summary>
public sealed record DevSignInUser(string Username, IReadOnlyList<string> Groups);

/// <summary>What an authorization code stands for, and what its redemption must repeat.</summary>
public sealed record AuthorizationCode(DevSignInUser User, string ClientId, string RedirectUri, string CodeChallenge);
