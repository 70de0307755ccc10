using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShareFlow.Domain.Policy;
using ShareFlow.Workflows.Runtime;

namespace ShareFlow.Workflows.Cases;

public static class CaseServiceCollectionExtensions
{
    /// <summary>
    /// The regulated cases on top of the engine, under the configured policy profile. Register after the engine: the
    /// engine's default parameters become the profile's.
    /// </summary>
    public static IServiceCollection AddShareFlowCases(this IServiceCollection services, PolicyOptions options)
    {
        services.AddSingleton(options);
        services.Replace(ServiceDescriptor.Singleton<IPolicyParameters>(new ProfileParameters(PolicyProfiles.Get(options.Profile))));
        services.AddSingleton<PolicyProfileStore>();
        services.AddSingleton<SharingCases>();
        services.AddSingleton<Disputes>();
        services.AddSingleton<DataObjections>();
        services.AddSingleton<Projects>();
        services.AddSingleton<OpenDataRequests>();
        services.AddSingleton<RectificationOrders>();
        services.AddSingleton<CatalogChanges>();
        return services;
    }
}
