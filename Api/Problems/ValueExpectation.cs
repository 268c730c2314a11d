namespace BoxOffice.Api.Problems;

/// <summary>What a value of a simple type must be, in a client's words ("must be a whole number"); null for others.</summary>
public static class ValueExpectation
{
    public static string? Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(DateTimeOffset)) return "must be a date and time with its offset, such as 2031-06-01T19:30:00+02:00";
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64
                => "must be a whole number",
            TypeCode.Decimal or TypeCode.Double or TypeCode.Single => "must be a number",
            TypeCode.String => "must be a string",
            TypeCode.Boolean => "must be true or false",
            _ => null,
        };
    }

    /// <summary>"must be a number" as a message of its own: "Must be a number."</summary>
    public static string AsMessage(string expectation) => string.Concat(char.ToUpperInvariant(expectation[0]).ToString(), expectation.AsSpan(1), ".");
}
