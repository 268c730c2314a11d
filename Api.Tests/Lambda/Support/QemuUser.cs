namespace BoxOffice.Api.Tests.Lambda.Support;

/// <summary>
/// qemu's user-mode emulator for arm64 (Debian's qemu-user-static) and the arm64 C libraries it runs a glibc program
/// against. Without binfmt_misc (a container cannot register it) an arm64 executable cannot be exec'd directly, so
/// <see cref="Wrap"/> stands in for the kernel's handler.
/// </summary>
public static class QemuUser
{
    private const string Loader = "/lib/ld-linux-aarch64.so.1";
    private const string Ssl = "/usr/lib/aarch64-linux-gnu/libssl.so.3";

    /// <summary>The emulator's path; fails naming the packages to install when it or the arm64 libraries are missing.</summary>
    public static string Locate()
    {
        var emulator = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .SelectMany(dir => new[] { Path.Combine(dir, "qemu-aarch64-static"), Path.Combine(dir, "qemu-aarch64") })
            .FirstOrDefault(File.Exists);
        if (emulator is null)
        {
            throw new InvalidOperationException(
                "qemu-aarch64-static is not on PATH: the arm64 package is smoke-run under it. Install it with " +
                "`apt-get install -y qemu-user-static` (.ci/run does).");
        }
        if (!File.Exists(Loader) || !File.Exists(Ssl))
        {
            throw new InvalidOperationException(
                $"The arm64 C libraries are missing ({Loader}, {Ssl}): install them with `dpkg --add-architecture arm64 && " +
                "apt-get update && apt-get install -y libc6:arm64 libstdc++6:arm64 libssl3:arm64` (.ci/run does).");
        }
        return emulator;
    }

    /// <summary>
    /// Moves the arm64 executable <paramref name="executable"/> aside and puts a script in its place that runs it under
    /// <paramref name="emulator"/>, as binfmt_misc would; whatever execs the original path (the package's bootstrap)
    /// is left as it is.
    /// </summary>
    public static void Wrap(string executable, string emulator)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("qemu's user-mode emulation runs on Linux only.");
        var emulated = executable + ".arm64";
        File.Move(executable, emulated);
        File.WriteAllText(executable, $"#!/bin/sh\nexec \"{emulator}\" \"{emulated}\" \"$@\"\n");
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
