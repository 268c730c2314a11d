namespace BoxOffice.Bench;

/// <summary>One order's calls: placing it, then the Worker's.</summary>
internal sealed record OrderLoad(int Number, int Show, int Quantity, IReadOnlyList<CallLoad> Calls);

/// <summary>What the scenario measured, and the calls whose recomputed units disagreed with DynamoDB Local.</summary>
internal sealed record ScenarioResult(IReadOnlyList<OrderLoad> Orders, IReadOnlyList<CallLoad> Listing, int ListedShows, IReadOnlyList<CallLoad> Mismatches, int CallCount);
