using System.Collections;

namespace BoxOffice.Hosting.Lambda.Logging;

/// <summary>
/// The logging scope pushed for each invocation: JSON formatters (Microsoft's and Serilog's provider alike) turn it
/// into an <c>AwsRequestId</c> property on every line logged while the invocation runs.
/// </summary>
internal sealed class AwsRequestIdScope(string awsRequestId) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string PropertyName = "AwsRequestId";

    public string AwsRequestId { get; } = awsRequestId;

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(PropertyName, AwsRequestId) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => $"{PropertyName}:{AwsRequestId}";
}
