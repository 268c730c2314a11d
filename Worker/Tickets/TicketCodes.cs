using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace BoxOffice.Worker.Tickets;

/// <summary>
/// Ticket codes for an order: a pure function of the order id and the ticket's index, so a redelivered
/// "order placed" job issues exactly the same set. Each code is 60 bits of SHA-256 written as 12 Crockford
/// base32 characters in three groups (<c>XXXX-XXXX-XXXX</c>): no I, L, O or U, easy to read out at a door.
/// </summary>
public static class TicketCodes
{
    public const int MaxQuantity = 100;

    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Characters = 12;
    private const int GroupSize = 4;
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("box-office/ticket-code/v1\0");

    public static IReadOnlyList<string> For(string orderId, int quantity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, MaxQuantity);

        var codes = new string[quantity];
        for (var index = 0; index < quantity; index++)
        {
            codes[index] = Code(orderId, index);
        }
        return codes;
    }

    private static string Code(string orderId, int index)
    {
        // Domain tag, order id, then a fixed-width index: the index's fixed width keeps
        // ("a1", 2) and ("a", 12) apart.
        var id = Encoding.UTF8.GetBytes(orderId);
        var input = new byte[Domain.Length + id.Length + sizeof(int)];
        Domain.CopyTo(input, 0);
        id.CopyTo(input, Domain.Length);
        BinaryPrimitives.WriteInt32BigEndian(input.AsSpan(Domain.Length + id.Length), index);

        var bits = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(input)) >> (64 - (Characters * 5));

        var code = new StringBuilder(Characters + 2);
        for (var position = Characters - 1; position >= 0; position--)
        {
            code.Append(Alphabet[(int)((bits >> (position * 5)) & 31)]);
            if (position > 0 && position % GroupSize == 0)
            {
                code.Append('-');
            }
        }
        return code.ToString();
    }
}
