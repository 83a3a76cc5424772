using RJCloud.Tenancy.Authorization;

namespace RJCloud.Modules.Volunteers.Features.BrowsePool;

/// <summary>The pool's records are for coordinators and service managers.</summary>
internal static class PoolAccess
{
    public static bool IsManager(IServiceProvider services) =>
        Actor.Of(services).IsInAnyRole(PractitionerGraphType.Managers);
}
