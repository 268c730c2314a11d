using System.Globalization;
using System.Text;
using BoxOffice.Core.Orders;
using BoxOffice.Core.Paging;
using BoxOffice.Core.Shows;

namespace BoxOffice.Worker.Reports;

/// <summary>One CSV row per show: seats, orders and tickets by status, and confirmed revenue.</summary>
public sealed class SalesReportBuilder(IShowStore shows, IOrderStore orders)
{
    public const string Header = "show_id,title,venue,starts_at,status,capacity,seats_available,orders_confirmed,tickets_confirmed,orders_pending,tickets_pending,orders_cancelled,revenue";

    public async Task<string> BuildCsvAsync(CancellationToken ct)
    {
        var csv = new StringBuilder().Append(Header).Append("\r\n");
        await foreach (var show in Pages.AllAsync(shows.ListAllAsync, ct))
        {
            int confirmed = 0, confirmedTickets = 0, pending = 0, pendingTickets = 0, cancelled = 0;
            decimal revenue = 0;
            await foreach (var order in Pages.AllAsync((page, c) => orders.ListByShowAsync(show.ShowId, page, c), ct))
            {
                switch (order.Status)
                {
                    case OrderStatus.Confirmed: confirmed++; confirmedTickets += order.Quantity; revenue += order.Total; break;
                    case OrderStatus.Pending: pending++; pendingTickets += order.Quantity; break;
                    default: cancelled++; break;
                }
            }
            string[] fields =
            [
                show.ShowId, show.Title, show.Venue, show.StartsAt.ToString("O", CultureInfo.InvariantCulture), show.Status.ToString(),
                Number(show.Capacity), Number(show.SeatsAvailable), Number(confirmed), Number(confirmedTickets), Number(pending),
                Number(pendingTickets), Number(cancelled), revenue.ToString("0.00", CultureInfo.InvariantCulture),
            ];
            csv.AppendJoin(',', fields.Select(Escape)).Append("\r\n");
        }
        return csv.ToString();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>RFC 4180 quoting; a leading formula character is neutralised so spreadsheets do not execute it.</summary>
    public static string Escape(string field)
    {
        if (field.Length > 0 && "=+-@\t\r".Contains(field[0], StringComparison.Ordinal) && !decimal.TryParse(field, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            field = "'" + field;
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : field;
    }
}
