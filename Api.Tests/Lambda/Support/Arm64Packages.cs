using System.IO.Compression;

namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>
/// The Api and Worker packaged for arm64 as the template would deploy them (Native AOT, cross-compiled), built through
/// <see cref="LambdaPackages"/> once per state of the sources, and unzipped for qemu on demand.
/// </summary>
public sealed class Arm64Packages : IAsyncLifetime
{
    private readonly string _unpacked = Path.Combine(Path.GetTempPath(), "boxoffice-arm64-" + Guid.NewGuid().ToString("N"));

    public string Emulator { get; private set; } = "";

    /// <summary>The folder holding Api.zip and Worker.zip.</summary>
    public string Folder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Emulator = QemuUser.Locate(); // before a build of minutes, not after
        Folder = await LambdaPackages.GetAsync("aot-arm64", "--arch", "arm64", "--build", "aot");
    }

    /// <summary>Unzips <paramref name="function"/>'s package into a fresh folder, its executable wrapped for qemu.</summary>
    public string Unpack(string function)
    {
        var folder = Path.Combine(_unpacked, function + "-" + Guid.NewGuid().ToString("N"));
        ZipFile.ExtractToDirectory(Path.Combine(Folder, function + ".zip"), folder);
        QemuUser.Wrap(Path.Combine(folder, "BoxOffice." + function), Emulator);
        return folder;
    }

    public Task DisposeAsync()
    {
        if (Directory.Exists(_unpacked)) Directory.Delete(_unpacked, recursive: true);
        return Task.CompletedTask;
    }
}
