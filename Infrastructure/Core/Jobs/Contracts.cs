namespace BoxOffice.Core.Jobs;

public sealed record OrderPlaced(string OrderId);

/// <summary>An object landed in file storage (an S3 event notification, or the local upload endpoint).</summary>
public sealed record FileUploaded(string Key, long Size);

public sealed record ShowCancelled(string ShowId);

public sealed record SalesReportRequested(string ReportId);

/// <summary>Time to look for orders left Pending (<see cref="Orders.OrderSweep"/>); sent on a schedule.</summary>
public sealed record OrdersSweep;
