namespace BoxOffice.Adapters.Local;

/// <summary>Section <c>BoxOffice:Local</c>: where the local shape keeps its data.</summary>
public sealed class LocalOptions
{
    public const string Section = "BoxOffice:Local";

    /// <summary>Folder for the SQLite database, stored files and generated keys; relative to the content root.</summary>
    public string DataPath { get; set; } = ".data";
}
