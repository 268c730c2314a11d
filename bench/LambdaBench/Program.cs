using BoxOffice.Bench;

// bench/lambda-coldstart.sh runs this: see docs/lambda.md.
var mode = args.ElementAtOrDefault(0);
switch (mode)
{
    case "api" when args.Length >= 2:
        await ColdStart.RunApiAsync(Path.GetFullPath(args[1]), runs: Argument(2, 5), warm: Argument(3, 1000));
        return 0;
    case "worker" when args.Length >= 2:
        await ColdStart.RunWorkerAsync(Path.GetFullPath(args[1]), runs: Argument(2, 5));
        return 0;
    case "official":
        await OfficialComparison.RunAsync(ComparisonSetup.Parse(args[1..]));
        return 0;
    case "warm" when args.Length >= 3:
        await WarmComparison.RunAsync(Path.GetFullPath(args[1]), Path.GetFullPath(args[2]), warm: Argument(3, 2000), path: args.ElementAtOrDefault(4) ?? "/shows?limit=20");
        return 0;
    case "bridge":
        await BridgeOverhead.RunAsync(Argument(1, 20_000));
        return 0;
    default:
        Console.Error.WriteLine("usage: LambdaBench api <bootstrap> [runs] [warm] | worker <bootstrap> [runs] | bridge [iterations]" +
            " | warm <bootstrap> <other bootstrap> [invocations] [path]" +
            " | official --api <bootstrap> --worker <bootstrap> --hello <bootstrap> [--baseline-worker <bootstrap>] [--runs N] [--warm N] [--zip <zip> ...]");
        return 2;
}

int Argument(int index, int fallback) => args.Length > index ? int.Parse(args[index], System.Globalization.CultureInfo.InvariantCulture) : fallback;
