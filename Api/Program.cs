using BoxOffice.Lambda;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddBoxOfficeLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
app.MapGet("/health", () => "ok");
app.Run();

public partial class Program;
