using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoxOffice.Adapters.Local;

/// <summary>The local shape's data folder, and the secrets it generates there on first use (kept across restarts).</summary>
public sealed class LocalDataFolder(IOptions<LocalOptions> options, IHostEnvironment environment)
{
    private readonly Lock _gate = new();

    public string Root { get; } = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Reads the named secret, creating it with 32 random bytes the first time.</summary>
    public byte[] Secret(string name) => Secret(name, () => RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads the named secret, creating it with <paramref name="create"/> the first time (first writer wins).</summary>
    public byte[] Secret(string name, Func<byte[]> create)
    {
        var path = PathOf("keys", name + ".key");
        lock (_gate)
        {
            if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            File.WriteAllText(temp, Convert.ToBase64String(create()));
            try
            {
                File.Move(temp, path, overwrite: false);
            }
            catch (IOException) when (File.Exists(path))
            {
                File.Delete(temp); // another process created it first
            }
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }
    }
}
