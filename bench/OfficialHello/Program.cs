// One route on the official library's minimal-API hosting, as its blueprint sets it up; the bench sends HTTP API
// (payload 2.0) events, so that is the event source.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);

var app = builder.Build();
app.MapGet("/", () => "Hello");
app.Run();
