using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace BoxOffice.Adapters.Local;

/// <summary>
/// The local shape's data folder, and the secrets it generates there on first use (kept across restarts). The
/// folder and its <c>keys/</c> are private to the user running the app (0700) and each key file is 0600, created
/// so from the start; looser modes found on start (an older version, a copied folder) are tightened.
/// </summary>
public sealed class LocalDataFolder
{
    private const UnixFileMode GroupAndOthers =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
    private const UnixFileMode PrivateFolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string KeyExtension = ".key";

    private readonly Lock _gate = new();

    public LocalDataFolder(IOptions<LocalOptions> options, IHostEnvironment environment)
    {
        Root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.DataPath));
        CreatePrivateFolder(Root);
        CreatePrivateFolder(KeysFolder);
        foreach (var key in Directory.EnumerateFiles(KeysFolder, "*" + KeyExtension)) MakePrivate(key);
    }

    public string Root { get; }

    private string KeysFolder => PathOf("keys");

    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>Reads the named secret, creating it with 32 random bytes the first time.</summary>
    public byte[] Secret(string name) => Secret(name, () => RandomNumberGenerator.GetBytes(32));

    /// <summary>Reads the named secret, creating it with <paramref name="create"/> the first time (first writer wins).</summary>
    public byte[] Secret(string name, Func<byte[]> create)
    {
        var path = Path.Combine(KeysFolder, name + KeyExtension);
        lock (_gate)
        {
            if (File.Exists(path)) return Convert.FromBase64String(File.ReadAllText(path).Trim());
            var temp = $"{path}.{Guid.NewGuid():N}.tmp";
            WritePrivateFile(temp, Encoding.ASCII.GetBytes(Convert.ToBase64String(create())));
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

    /// <summary>Creates the file with owner-only access in the same call: it is never readable by others, not even briefly.</summary>
    private static void WritePrivateFile(string path, byte[] content)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = PrivateFileMode;
        using var file = new FileStream(path, options);
        file.Write(content);
    }

    private static void CreatePrivateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        if (Directory.Exists(path)) MakePrivate(path);
        else Directory.CreateDirectory(path, PrivateFolderMode);
    }

    /// <summary>Takes away every permission of group and others (Unix; Windows folders keep their ACLs).</summary>
    private static void MakePrivate(string path)
    {
        if (OperatingSystem.IsWindows()) return;
        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupAndOthers) == 0) return;
        try
        {
            File.SetUnixFileMode(path, mode & ~GroupAndOthers);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new InvalidOperationException(
                $"{path} is open to other users ({mode}) and this user cannot restrict it; the local shape keeps signing keys there. " +
                $"Restrict it (chmod go-rwx) or point {LocalOptions.Section}:DataPath elsewhere.", ex);
        }
    }
}
