using Microsoft.Extensions.DependencyInjection;

namespace BoxOffice.Api.Tests.Support.Decorators;

public static class ServiceDecoration
{
    /// <summary>Wraps the last registration of <typeparamref name="T"/> in <paramref name="decorate"/>, keeping its lifetime.</summary>
    public static IServiceCollection Decorate<T>(this IServiceCollection services, Func<T, IServiceProvider, T> decorate) where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => decorate((T)Create(original, sp), sp), original.Lifetime));
        return services;
    }

    private static object Create(ServiceDescriptor original, IServiceProvider sp) =>
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!);
}
