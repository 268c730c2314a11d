namespace BoxOffice.Worker.Tickets.Pdf;

/// <summary>
/// WinAnsiEncoding (Windows-1252), the encoding every PDF reader has for the standard fonts. Characters it cannot
/// represent become '?', control characters a space.
/// </summary>
internal static class WinAnsi
{
    private static readonly Dictionary<char, byte> Extras = new()
    {
        ['€'] = 0x80, ['‚'] = 0x82, ['ƒ'] = 0x83, ['„'] = 0x84, ['…'] = 0x85, ['†'] = 0x86, ['‡'] = 0x87,
        ['ˆ'] = 0x88, ['‰'] = 0x89, ['Š'] = 0x8A, ['‹'] = 0x8B, ['Œ'] = 0x8C, ['Ž'] = 0x8E, ['‘'] = 0x91,
        ['’'] = 0x92, ['“'] = 0x93, ['”'] = 0x94, ['•'] = 0x95, ['–'] = 0x96, ['—'] = 0x97, ['˜'] = 0x98,
        ['™'] = 0x99, ['š'] = 0x9A, ['›'] = 0x9B, ['œ'] = 0x9C, ['ž'] = 0x9E, ['Ÿ'] = 0x9F,
    };

    public static byte[] Encode(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                bytes.Add((byte)'?');
            }
            else if (char.IsControl(c))
            {
                bytes.Add((byte)' ');
            }
            else if (c is (>= ' ' and <= '~') or (>= '\u00A0' and <= '\u00FF'))
            {
                bytes.Add((byte)c);
            }
            else
            {
                bytes.Add(Extras.TryGetValue(c, out var b) ? b : (byte)'?');
            }
        }
        return [.. bytes];
    }
}
