using System.Globalization;
using System.Text;

namespace BoxOffice.Bench;

/// <summary>
/// Prints the measured loads per order, their mean per kind of partition, and the ceilings they give under DynamoDB's
/// per-partition limits: a partition serves at most 1,000 WCU and 3,000 RCU per second.
/// </summary>
internal static class CapacityReport
{
    public const double PartitionWcu = 1000;
    public const double PartitionRcu = 3000;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Print(ScenarioResult result, PartitionLabels labels, int showCount, TextWriter output)
    {
        output.WriteLine("== per order: place (Api) + worker (get order, get show, confirm); WCU and RCU in the service's units");
        output.WriteLine("   (a transaction is charged twice per item, table and index entries alike: prepare and commit)");
        foreach (var order in result.Orders) output.WriteLine(OrderLine(order, labels));

        var means = result.Orders.SelectMany(o => o.Calls).SelectMany(c => c.Loads.Select(l => (c.Step, l.Where, Label: labels.Label(l.Partition), l.Wcu, l.Rcu)))
            .GroupBy(l => (l.Step, l.Where, l.Label))
            .Select(g => (g.Key.Step, g.Key.Where, g.Key.Label, Wcu: g.Sum(l => l.Wcu) / result.Orders.Count, Rcu: g.Sum(l => l.Rcu) / result.Orders.Count))
            .OrderBy(m => m.Step == "place" ? 0 : 1).ThenBy(m => m.Where, StringComparer.Ordinal).ThenBy(m => m.Label, StringComparer.Ordinal)
            .ToList();
        output.WriteLine();
        output.WriteLine($"== mean per order over {result.Orders.Count} orders, by partition");
        output.WriteLine($"   {"step",-7} {"where",-6} {"partition",-30} {"WCU",6} {"RCU",6}  orders that meet there");
        foreach (var m in means)
            output.WriteLine($"   {m.Step,-7} {m.Where,-6} {m.Label,-30} {N(m.Wcu),6} {N(m.Rcu),6}  {Meeting(PartitionLabels.KindOf(m.Label))}");

        var partitions = means.GroupBy(m => (m.Where, m.Label))
            .Select(g => new Partition(g.Key.Where, g.Key.Label, g.Sum(m => m.Wcu), g.Sum(m => m.Rcu), PartitionLabels.KindOf(g.Key.Label)))
            .Where(p => p.Wcu > 0 || p.Rcu > 0).ToList();
        output.WriteLine();
        output.WriteLine($"== ceilings: {Rate(PartitionWcu)} WCU/s and {Rate(PartitionRcu)} RCU/s per partition");
        var oneShow = Binding(partitions.Where(p => p.Kind is PartitionKind.PerShow or PartitionKind.Shared));
        output.WriteLine($"   one show:  {Rate(oneShow.Rate)} orders/s, bound by {Describe(oneShow.By)}");
        var shared = Binding(partitions.Where(p => p.Kind == PartitionKind.Shared));
        if (shared.By.Count > 0)
            output.WriteLine($"   all shows: {Rate(Math.Min(shared.Rate, oneShow.Rate * showCount))} orders/s in total however many shows sell, bound by {Describe(shared.By)}");
        else
            output.WriteLine($"   all shows: no partition takes every show's orders: {Rate(oneShow.Rate)} orders/s per show on sale ({Rate(oneShow.Rate * showCount)} for the {showCount} here), up to the table's own throughput quota");
        var buyer = Binding(partitions.Where(p => p.Kind == PartitionKind.PerBuyer));
        if (buyer.By.Count > 0) output.WriteLine($"   one buyer: {Rate(buyer.Rate)} orders/s, bound by {Describe(buyer.By)}");

        var transactions = result.Orders.SelectMany(o => o.Calls).Where(c => c.Transaction).ToList();
        if (transactions.Count > 0)
            output.WriteLine("   DynamoDB Local's own figures for the placing transaction, not used (they do not add up per item): " +
                string.Join(", ", transactions[0].Reported.Keys.Select(w => $"{w} {N(transactions.Average(t => t.Reported[w]))}")));

        output.WriteLine();
        output.WriteLine($"== listing: one on-sale page ({result.ListedShows} shows), GET /shows");
        foreach (var l in result.Listing.SelectMany(c => c.Loads.Select(l => (c.Operation, l))).GroupBy(x => (x.Operation, x.l.Where, Kind: PartitionLabels.KindOf(labels.Label(x.l.Partition)), Label: labels.Label(x.l.Partition))))
        {
            var rcu = l.Sum(x => x.l.Rcu);
            var perPartition = l.GroupBy(x => x.l.Partition).Max(g => g.Sum(x => x.l.Rcu));
            output.WriteLine($"   {l.Key.Operation,-12} {l.Key.Where,-6} {l.Key.Label,-24} {N(rcu),5} RCU" +
                (l.Key.Kind == PartitionKind.Shared ? $"  -> at most {Rate(PartitionRcu / perPartition)} pages/s on this one partition" : $"  over {l.GroupBy(x => x.l.Partition).Count()} partitions"));
        }
    }

    private static string OrderLine(OrderLoad order, PartitionLabels labels)
    {
        var loads = order.Calls.SelectMany(c => c.Loads).Select(l => l with { Partition = labels.Label(l.Partition) }).ToList();
        var line = new StringBuilder(string.Create(Invariant, $"   {order.Number,4}  show {order.Show:00}  q{order.Quantity}"));
        var table = loads.Where(l => l.Where == CallAttribution.Table).ToList();
        line.Append(Invariant, $" | table {N(table.Sum(l => l.Wcu)),3} WCU {N(table.Sum(l => l.Rcu)),3} RCU");
        var show = table.Where(l => l.Partition.StartsWith("SHOW#", StringComparison.Ordinal)).ToList();
        line.Append(Invariant, $" | show item {N(show.Sum(l => l.Wcu))} WCU {N(show.Sum(l => l.Rcu))} RCU");
        foreach (var index in loads.Where(l => l.Where != CallAttribution.Table).GroupBy(l => l.Where).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            line.Append(" | ").Append(index.Key).Append(' ');
            line.AppendJoin(", ", index.GroupBy(l => l.Partition).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {N(g.Sum(l => l.Wcu))}" + (g.Sum(l => l.Rcu) > 0 ? $"+{N(g.Sum(l => l.Rcu))}r" : "")));
        }
        return line.ToString();
    }

    private static (double Rate, List<Partition> By) Binding(IEnumerable<Partition> partitions)
    {
        var limits = partitions.Select(p => (Partition: p, Rate: Math.Min(p.Wcu > 0 ? PartitionWcu / p.Wcu : double.PositiveInfinity, p.Rcu > 0 ? PartitionRcu / p.Rcu : double.PositiveInfinity))).ToList();
        if (limits.Count == 0) return (double.PositiveInfinity, []);
        var lowest = limits.Min(l => l.Rate);
        return (lowest, [.. limits.Where(l => Math.Abs(l.Rate - lowest) < 1e-9).Select(l => l.Partition)]);
    }

    private static string Describe(List<Partition> partitions) => string.Join(" and ", partitions.Select(p =>
        $"{(p.Where == CallAttribution.Table ? "the table item" : p.Where)} {p.Label} ({(p.Wcu > 0 ? N(p.Wcu) + " WCU" : N(p.Rcu) + " RCU")} per order)"));

    private static string Meeting(PartitionKind kind) => kind switch
    {
        PartitionKind.PerOrder => "its own (spread)",
        PartitionKind.PerBuyer => "one buyer's",
        PartitionKind.PerShow => "every order of one show",
        _ => "every order of every show",
    };

    private static string N(double value) => value.ToString("0.##", Invariant);

    private static string Rate(double value) => double.IsPositiveInfinity(value) ? "unbounded" : Math.Floor(value).ToString("N0", Invariant);

    private sealed record Partition(string Where, string Label, double Wcu, double Rcu, PartitionKind Kind);
}
