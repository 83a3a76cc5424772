using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace RJCloud.Shared.Modules;

/// <summary>
/// A business area of RJCloud. The host composes modules; a module never sees another module's
/// internals and talks to it only through a public contract.
/// </summary>
public interface IModule
{
    /// <summary>The module's name as shown to operators, e.g. "Referrals".</summary>
    string Name { get; }

    /// <summary>The PostgreSQL schema the module owns.</summary>
    string Schema { get; }

    void AddServices(IServiceCollection services, IConfiguration configuration);
}
