using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// The request body size limit of one bridged request, with Kestrel's semantics: it starts at the server's
/// <see cref="LambdaHostingOptions.MaxRequestBodySize"/> (null: none), the app may change it until the body starts
/// being read, and a body over it is refused on its first read with a 413 <see cref="BadHttpRequestException"/>.
/// </summary>
internal sealed class RequestBodyLimit(long? maxRequestBodySize) : IHttpMaxRequestBodySizeFeature
{
    private long? _max = maxRequestBodySize;

    public bool IsReadOnly { get; private set; }

    public long? MaxRequestBodySize
    {
        get => _max;
        set
        {
            if (IsReadOnly) throw new InvalidOperationException("The maximum request body size cannot be changed once the request body is being read.");
            ArgumentOutOfRangeException.ThrowIfNegative(value ?? 0, nameof(value));
            _max = value;
        }
    }

    /// <summary>Fixes the limit and checks a body of <paramref name="length"/> bytes against it.</summary>
    public void OnReading(long length)
    {
        IsReadOnly = true;
        if (length > _max)
        {
            throw new BadHttpRequestException(
                $"Request body too large. The max request body size is {_max.Value.ToString(CultureInfo.InvariantCulture)} bytes.",
                StatusCodes.Status413PayloadTooLarge);
        }
    }
}
