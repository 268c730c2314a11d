using System.Diagnostics;
using System.Text.RegularExpressions;

namespace BoxOffice.Api.Tests.Repository;

/// <summary>What every committed text file must never hold: a merge left half-done, or a path of one machine.</summary>
public partial class SourceTreeTests
{
    [Fact]
    public void No_committed_file_holds_merge_conflict_markers() =>
        Assert.Empty(FilesMatching(ConflictMarker()));

    [Fact]
    public void No_committed_file_names_a_path_of_the_machine_it_was_written_on() =>
        Assert.Empty(FilesMatching(MachinePath()));

    /// <summary>
    /// Serilog destructures <c>{@value}</c> of a type it does not know by reading its properties by reflection, which
    /// the Native AOT build cannot keep: the one trim warning the Lambda package allows (scripts/package-lambda.sh)
    /// holds only as long as no template of ours asks for it.
    /// </summary>
    [Fact]
    public void No_log_message_template_of_the_app_destructures_a_value() =>
        Assert.DoesNotContain(
            CommittedTextFiles().Where(path => path.EndsWith(".cs", StringComparison.Ordinal) && !path.Contains($"{Path.DirectorySeparatorChar}Api.Tests{Path.DirectorySeparatorChar}", StringComparison.Ordinal)),
            path => Destructuring().IsMatch(File.ReadAllText(path)));

    [Fact]
    public void The_checks_see_the_committed_files() =>
        Assert.Contains("README.md", CommittedTextFiles().Select(Path.GetFileName));

    private static List<string> FilesMatching(Regex pattern) =>
        [.. CommittedTextFiles().Where(path => pattern.IsMatch(File.ReadAllText(path)))];

    private static IEnumerable<string> CommittedTextFiles()
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("git", "ls-files -z") { WorkingDirectory = root, RedirectStandardOutput = true };
        using var git = Process.Start(start)!;
        var listing = git.StandardOutput.ReadToEnd();
        git.WaitForExit();
        Assert.Equal(0, git.ExitCode);
        foreach (var relative in listing.Split('\0', StringSplitOptions.RemoveEmptyEntries))
        {
            var path = Path.Combine(root, relative);
            if (File.Exists(path) && !IsBinary(path)) yield return path;
        }
    }

    private static bool IsBinary(string path)
    {
        Span<byte> head = stackalloc byte[8000];
        using var file = File.OpenRead(path);
        return head[..file.Read(head)].Contains((byte)0);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Monolith.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("Monolith.sln not found above the test folder");
    }

    [GeneratedRegex(@"^(<{7} |>{7} |={7}$)", RegexOptions.Multiline)]
    private static partial Regex ConflictMarker();

    [GeneratedRegex(@"\{@[A-Za-z]")]
    private static partial Regex Destructuring();

    [GeneratedRegex(@"(?<![\w.])/(work|root|home/[a-z]+)/")]
    private static partial Regex MachinePath();
}
