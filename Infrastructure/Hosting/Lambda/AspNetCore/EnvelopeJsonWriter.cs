using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace BoxOffice.Hosting.Lambda.AspNetCore;

/// <summary>
/// Writes the JSON answer to API Gateway escaping only what JSON requires (quote, backslash, control characters), so
/// text stays as compact as its UTF-8 and base64 as long as base64 is: the default encoder's <c>\u00E9</c> and
/// <c>\u002B</c> escapes count against Lambda's 6 MB response limit. Lone surrogates in a .NET string become U+FFFD.
/// </summary>
internal sealed class EnvelopeJsonWriter(IBufferWriter<byte> output)
{
    private static readonly SearchValues<byte> NeedsEscape = SearchValues.Create(
        [.. Enumerable.Range(0, 256).Select(b => (byte)b).Where(IsEscaped)]);

    private const int EscapeBlockBytes = 4096;
    private const int ShortRunBytes = 32;

    private bool _first = true;

    public void StartObject()
    {
        Separate();
        Raw("{"u8);
        _first = true;
    }

    public void EndObject()
    {
        Raw("}"u8);
        _first = false;
    }

    public void StartArray()
    {
        Separate();
        Raw("["u8);
        _first = true;
    }

    public void EndArray()
    {
        Raw("]"u8);
        _first = false;
    }

    /// <summary>A name the caller knows needs no escaping.</summary>
    public void PropertyName(ReadOnlySpan<byte> utf8Name)
    {
        Separate();
        Raw("\""u8);
        Raw(utf8Name);
        Raw("\":"u8);
        _first = true;
    }

    public void PropertyName(string name)
    {
        String(name);
        Raw(":"u8);
        _first = true;
    }

    public void Number(int value)
    {
        Separate();
        var span = output.GetSpan(11);
        Utf8Formatter.TryFormat(value, span, out var written);
        output.Advance(written);
    }

    public void Boolean(bool value)
    {
        Separate();
        Raw(value ? "true"u8 : "false"u8);
    }

    public void Null()
    {
        Separate();
        Raw("null"u8);
    }

    public void String(string value)
    {
        Separate();
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(value, rented);
            Quoted(rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Text that is already valid UTF-8, written as it is but for the escapes JSON requires.</summary>
    public void Utf8String(ReadOnlySpan<byte> utf8)
    {
        Separate();
        Quoted(utf8);
    }

    public void Base64String(ReadOnlySpan<byte> bytes)
    {
        Separate();
        var span = output.GetSpan(Base64.GetMaxEncodedToUtf8Length(bytes.Length) + 2);
        span[0] = (byte)'"';
        Base64.EncodeToUtf8(bytes, span[1..], out _, out var written);
        span[written + 1] = (byte)'"';
        output.Advance(written + 2);
    }

    private void Quoted(ReadOnlySpan<byte> utf8)
    {
        Raw("\""u8);
        while (!utf8.IsEmpty)
        {
            // A block at a time into one span. An escape is at most six bytes (\u001f) per byte, so the block's worst
            // case fits.
            var block = utf8[..Math.Min(utf8.Length, EscapeBlockBytes)];
            utf8 = utf8[block.Length..];
            var span = output.GetSpan(block.Length * 6);
            var written = 0;
            var at = 0;
            while (at < block.Length)
            {
                // A JSON body has a quote every few bytes, where a vector search per piece costs more than it finds:
                // a short run is copied byte by byte, and only a run longer than that is searched for its end.
                var shortRun = Math.Min(block.Length, at + ShortRunBytes);
                while (at < shortRun && !IsEscaped(block[at])) span[written++] = block[at++];
                if (at == shortRun)
                {
                    var next = block[at..].IndexOfAny(NeedsEscape);
                    var plain = next < 0 ? block[at..] : block.Slice(at, next);
                    plain.CopyTo(span[written..]);
                    written += plain.Length;
                    at += plain.Length;
                    if (next < 0) break;
                }
                written += Escape(block[at], span[written..]);
                at++;
            }
            output.Advance(written);
        }
        Raw("\""u8);
    }

    /// <summary>What JSON requires escaped: the quote, the backslash and the control characters.</summary>
    private static bool IsEscaped(byte b) => b < 0x20 || b == (byte)'"' || b == (byte)'\\';

    private static int Escape(byte b, Span<byte> span)
    {
        ReadOnlySpan<byte> escape = b switch
        {
            (byte)'"' => "\\\""u8,
            (byte)'\\' => "\\\\"u8,
            (byte)'\n' => "\\n"u8,
            (byte)'\r' => "\\r"u8,
            (byte)'\t' => "\\t"u8,
            _ => default,
        };
        if (!escape.IsEmpty)
        {
            escape.CopyTo(span);
            return escape.Length;
        }
        "\\u00"u8.CopyTo(span);
        span[4] = (byte)"0123456789abcdef"[b >> 4];
        span[5] = (byte)"0123456789abcdef"[b & 0xF];
        return 6;
    }

    private void Separate()
    {
        if (!_first) Raw(","u8);
        _first = false;
    }

    private void Raw(ReadOnlySpan<byte> bytes) => output.Write(bytes);
}
