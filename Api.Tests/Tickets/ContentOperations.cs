using System.Globalization;
using System.Text;

namespace BoxOffice.Api.Tests.Tickets;

/// <summary>A page content stream split into operators with their operands (numbers, names and decoded strings).</summary>
internal static class ContentOperations
{
    public sealed record Operation(string Operator, IReadOnlyList<string> Operands)
    {
        public double Number(int index) => double.Parse(Operands[index], CultureInfo.InvariantCulture);
    }

    public static IReadOnlyList<Operation> Parse(string content)
    {
        var operations = new List<Operation>();
        var operands = new List<string>();
        var i = 0;
        while (i < content.Length)
        {
            var c = content[i];
            if (char.IsWhiteSpace(c) || c is '[' or ']')
            {
                i++;
            }
            else if (c == '(')
            {
                operands.Add(ReadLiteral(content, ref i));
            }
            else
            {
                var start = i;
                while (i < content.Length && !char.IsWhiteSpace(content[i]) && content[i] is not '(' and not '[' and not ']')
                {
                    i++;
                }
                var token = content[start..i];
                if (token[0] == '/' || token[0] == '-' || token[0] == '.' || char.IsDigit(token[0]))
                {
                    operands.Add(token);
                }
                else
                {
                    operations.Add(new Operation(token, [.. operands]));
                    operands.Clear();
                }
            }
        }
        Assert.Empty(operands);
        return operations;
    }

    /// <summary>The strings shown with <c>Tj</c>, decoded from WinAnsi.</summary>
    public static IReadOnlyList<string> Texts(IReadOnlyList<Operation> operations) =>
        [.. operations.Where(o => o.Operator == "Tj").Select(o => o.Operands[0])];

    private static string ReadLiteral(string content, ref int i)
    {
        var bytes = new List<byte>();
        var depth = 0;
        i++;
        while (true)
        {
            var c = content[i++];
            if (c == '\\')
            {
                var next = content[i];
                if (char.IsAsciiDigit(next))
                {
                    bytes.Add(Convert.ToByte(content.Substring(i, 3), 8));
                    i += 3;
                }
                else
                {
                    bytes.Add((byte)next);
                    i++;
                }
            }
            else if (c == '(')
            {
                depth++;
                bytes.Add((byte)c);
            }
            else if (c == ')' && depth-- == 0)
            {
                break;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        return Windows1252.GetString([.. bytes]);
    }

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
}
