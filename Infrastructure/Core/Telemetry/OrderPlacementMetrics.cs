using BoxOffice.Core.Orders;

namespace BoxOffice.Core.Telemetry;

public static class OrderPlacementMetrics
{
    /// <summary>Counts an order placement's outcome: placed with its seats, or refused by outcome; a replay counts as nothing.</summary>
    public static void Record(this IBoxOfficeMetrics metrics, OrderPlacementResult result, int seats)
    {
        switch (result.Outcome)
        {
            case OrderPlacementOutcome.Placed:
                metrics.OrderPlaced(seats);
                break;
            case OrderPlacementOutcome.Replayed:
                break;
            default:
                metrics.OrderRefused(result.Outcome.ToString());
                break;
        }
    }
}
