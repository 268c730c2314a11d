using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace BoxOffice.Adapters.Aws.DynamoDb;

/// <summary>
/// Builds an UpdateItem (or its transaction twin) with a condition. Every attribute is referred to as <c>#Name</c>
/// so reserved words (Status, Capacity, ...) need no thought; values are <c>:name</c>.
/// </summary>
internal sealed class ItemUpdate(string table, Dictionary<string, AttributeValue> key)
{
    private readonly List<string> _set = [];
    private readonly List<string> _remove = [];
    private readonly List<string> _conditions = [];
    private readonly Dictionary<string, string> _names = [];
    private readonly Dictionary<string, AttributeValue> _values = [];

    /// <summary>SET #attribute = :attribute.</summary>
    public ItemUpdate Set(string attribute, AttributeValue value)
    {
        _set.Add($"{Name(attribute)} = {Value(attribute, value)}");
        return this;
    }

    /// <summary>SET #attribute = #attribute + :delta (negative to take away).</summary>
    public ItemUpdate Add(string attribute, long delta)
    {
        _set.Add($"{Name(attribute)} = {Name(attribute)} + {Value(attribute + "Delta", DynamoDbAttributes.Num(delta))}");
        return this;
    }

    public ItemUpdate Remove(string attribute)
    {
        _remove.Add(Name(attribute));
        return this;
    }

    /// <summary>SET when <paramref name="value"/> is given, REMOVE when it is null.</summary>
    public ItemUpdate SetOrRemove(string attribute, string? value) =>
        value is null ? Remove(attribute) : Set(attribute, DynamoDbAttributes.Str(value));

    /// <summary>A condition clause; all clauses must hold. Write <c>{Name}</c> for an attribute and pass the values by placeholder.</summary>
    public ItemUpdate When(string clause, params (string Placeholder, AttributeValue Value)[] values)
    {
        foreach (var (placeholder, value) in values) _values[placeholder] = value;
        _conditions.Add(System.Text.RegularExpressions.Regex.Replace(clause, @"\{(\w+)\}", m => Name(m.Groups[1].Value)));
        return this;
    }

    public UpdateItemRequest ToRequest(ReturnValue? returnValues = null) => new()
    {
        TableName = table,
        Key = key,
        UpdateExpression = Expression(),
        ConditionExpression = Condition(),
        ExpressionAttributeNames = _names,
        ExpressionAttributeValues = _values.Count == 0 ? null : _values,
        ReturnValues = returnValues ?? ReturnValue.NONE,
    };

    public TransactWriteItem ToTransactItem() => new()
    {
        Update = new Update
        {
            TableName = table,
            Key = key,
            UpdateExpression = Expression(),
            ConditionExpression = Condition(),
            ExpressionAttributeNames = _names,
            ExpressionAttributeValues = _values.Count == 0 ? null : _values,
            ReturnValuesOnConditionCheckFailure = ReturnValuesOnConditionCheckFailure.ALL_OLD,
        },
    };

    private string Expression() =>
        (_set.Count > 0 ? "SET " + string.Join(", ", _set) : "") + (_remove.Count > 0 ? " REMOVE " + string.Join(", ", _remove) : "");

    private string? Condition() => _conditions.Count == 0 ? null : string.Join(" AND ", _conditions.Select(c => $"({c})"));

    private string Name(string attribute)
    {
        _names["#" + attribute] = attribute;
        return "#" + attribute;
    }

    private string Value(string attribute, AttributeValue value)
    {
        var placeholder = ":v" + attribute;
        _values[placeholder] = value;
        return placeholder;
    }
}
