using BoxOffice.Api.DeadLetters;
using BoxOffice.Api.Files;
using BoxOffice.Api.Health;
using BoxOffice.Api.Hosting;
using BoxOffice.Api.Identity;
using BoxOffice.Api.Orders;
using BoxOffice.Api.Posters;
using BoxOffice.Api.Reports;
using BoxOffice.Api.Shows;
using BoxOffice.Api.Site;
using BoxOffice.Hosting.Lambda;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.AddBoxOfficeApi();
builder.AddBoxOfficeSite();

var app = builder.Build();
app.UseBoxOfficeApi();
app.MapHealthApi();
app.MapIdentityApi();
app.MapShowsApi();
app.MapPostersApi();
app.MapOrdersApi();
app.MapReportsApi();
app.MapDeadLettersApi();
app.MapLocalFilesApi();
app.UseBoxOfficeSite();
app.Run();

public partial class Program;
