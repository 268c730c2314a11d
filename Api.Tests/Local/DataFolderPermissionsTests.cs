using System.Runtime.Versioning;
using System.Security.Cryptography;
using BoxOffice.Adapters.Local;
using BoxOffice.Adapters.Local.Files;
using BoxOffice.Adapters.Local.Identity;
using BoxOffice.Core.Paging;

namespace BoxOffice.Api.Tests.Local;

/// <summary>The local shape's keys mint admin tokens and sign URLs: nobody but the user running it may read them.</summary>
[SupportedOSPlatform("linux")]
public sealed class DataFolderPermissionsTests : IDisposable
{
    private const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly string[] Keys = ["cursor.key", "dev-issuer-rsa.key", "file-urls.key"];

    private readonly LocalShapes _shapes = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "boxoffice-tests", "perm-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_new_data_folder_and_the_keys_made_in_it_are_the_owners_alone()
    {
        var shape = Shape();

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(_folder));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(Path.Combine(_folder, "keys")));
        Assert.Equal(Keys, Directory.GetFiles(Path.Combine(_folder, "keys")).Select(Path.GetFileName).Order());
        Assert.All(Keys, key => Assert.Equal(PrivateFile, File.GetUnixFileMode(Path.Combine(_folder, "keys", key))));
        Assert.False(string.IsNullOrEmpty(shape.Get<DevTokenIssuer>().Mint("ada", ["admin"], null).AccessToken));
    }

    [Fact]
    public void A_folder_left_open_by_an_older_version_is_closed_on_start_and_keeps_its_keys()
    {
        const UnixFileMode open = PrivateFolder | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(Path.Combine(_folder, "keys"));
        File.SetUnixFileMode(_folder, open);
        File.SetUnixFileMode(Path.Combine(_folder, "keys"), open);
        var cursorKey = RandomNumberGenerator.GetBytes(32);
        var keyFile = Path.Combine(_folder, "keys", "cursor.key");
        File.WriteAllText(keyFile, Convert.ToBase64String(cursorKey));
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var issued = new CursorCodec(cursorKey).Encode("shows:on-sale", new Dictionary<string, string> { ["at"] = "1" });

        var shape = Shape();

        Assert.Equal(PrivateFolder, File.GetUnixFileMode(_folder));
        Assert.Equal(PrivateFolder, File.GetUnixFileMode(Path.Combine(_folder, "keys")));
        Assert.All(Keys, key => Assert.Equal(PrivateFile, File.GetUnixFileMode(Path.Combine(_folder, "keys", key))));
        Assert.Equal("1", shape.Get<CursorCodec>().Decode("shows:on-sale", issued)["at"]); // the same key, not a new one
    }

    /// <summary>The local shape over <see cref="_folder"/>, with every generated secret made.</summary>
    private LocalShape Shape()
    {
        var shape = _shapes.New(TimeProvider.System, new Dictionary<string, string?> { ["BoxOffice:Local:DataPath"] = _folder });
        _ = shape.Get<LocalDataFolder>();
        _ = shape.Get<CursorCodec>();
        _ = shape.Get<LocalUrlSigner>();
        _ = shape.Get<DevTokenIssuer>();
        return shape;
    }

    public void Dispose()
    {
        _shapes.Dispose();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
