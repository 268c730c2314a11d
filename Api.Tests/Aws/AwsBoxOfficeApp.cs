using System.Net.Http.Headers;
using Amazon.Runtime;
using BoxOffice.Worker;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace BoxOffice.Api.Tests.Aws;

/// <summary>
/// The Api in the AWS shape against an <see cref="AwsStack"/> on moto, signed in with tokens from moto's Cognito;
/// the Worker runs beside it as its own host (in this shape the Api does not process jobs).
/// </summary>
public sealed class AwsBoxOfficeApp(AwsStack stack, Action<IServiceCollection>? testServices = null) : WebApplicationFactory<Program>
{
    public AwsStack Stack => stack;

    /// <summary>Follows S3 presigned URLs, checking them as S3 would (moto does not).</summary>
    public HttpClient S3Client { get; } = new(new PresignedUrlCheck(stack.Moto.Credentials));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in stack.Settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(stack.Moto.Credentials);
            testServices?.Invoke(services);
        });
    }

    public async Task<HttpClient> SignedInAsync(string username)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await stack.AccessTokenAsync(username));
        return client;
    }

    /// <summary>
    /// Starts the Worker (the polling entry of the Worker project) on the same settings, with <paramref name="services"/>
    /// added to its container (faults, say); dispose it to stop it.
    /// </summary>
    public async Task<IAsyncDisposable> StartWorkerAsync(Action<IServiceCollection>? services = null)
    {
        var builder = WorkerProgram.CreateBuilder([.. stack.Settings.Select(s => $"--{s.Key}={s.Value}")]);
        builder.Services.AddSingleton<AWSCredentials>(stack.Moto.Credentials);
        services?.Invoke(builder.Services);
        var worker = builder.Build();
        await worker.StartAsync();
        return new RunningWorker(worker);
    }

    private sealed class RunningWorker(IHost host) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await host.StopAsync();
            host.Dispose();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        S3Client.Dispose();
        await base.DisposeAsync();
    }
}
