using Amazon.Runtime;
using BoxOffice.Adapters.Aws.Sqs;

namespace BoxOffice.Api.Tests.Queue;

/// <summary>Checks the signer against vectors of AWS's published Signature Version 4 test suite.</summary>
public sealed class SqsRequestSignerTests
{
    private static readonly ImmutableCredentials SuiteCredentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTime SuiteTime = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);
    private const string Prefix = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=";

    [Theory]
    [InlineData("GET", "https://example.amazonaws.com/", "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31")]
    [InlineData("GET", "https://example.amazonaws.com/?Param2=value2&Param1=value1", "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500")]
    [InlineData("POST", "https://example.amazonaws.com/", "5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b")]
    public void Reproduces_the_suite_signature(string method, string url, string signature)
    {
        var uri = new Uri(url);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = SqsRequestSigner.HostOf(uri) };

        SqsRequestSigner.Sign(headers, method, uri, [], SuiteCredentials, "us-east-1", "service", SuiteTime);

        Assert.Equal("20150830T123600Z", headers["X-Amz-Date"]);
        Assert.Equal(Prefix + signature, headers["Authorization"]);
    }

    [Fact]
    public void Signs_the_body_and_the_session_token()
    {
        var uri = new Uri("http://127.0.0.1:5000/");
        var session = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token");
        string Sign(byte[] body)
        {
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Host"] = SqsRequestSigner.HostOf(uri) };
            SqsRequestSigner.Sign(headers, "POST", uri, body, session, "us-east-1", "sqs", SuiteTime);
            Assert.Equal("session-token", headers["X-Amz-Security-Token"]);
            Assert.Equal("127.0.0.1:5000", headers["Host"]);
            return headers["Authorization"];
        }

        var one = Sign("{\"a\":1}"u8.ToArray());
        var other = Sign("{\"a\":2}"u8.ToArray());

        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", one, StringComparison.Ordinal);
        Assert.NotEqual(one, other);
    }
}
