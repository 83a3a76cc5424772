using GraphQL.Builders;
using GraphQL.Types;

namespace RJCloud.Tenancy.Authorization;

/// <summary>
/// Every GraphQL field says who may use it, and the authorization validation rule enforces it
/// before anything executes. A root field that says nothing is refused to everyone, and a test
/// fails the build for it, so a new field cannot be exposed by accident.
/// </summary>
public static class FieldAccess
{
    public const string RolesKey = "rjcloud:roles";
    public const string AnonymousKey = "rjcloud:anonymous";
    public const string AnyMemberKey = "rjcloud:any-member";
    public const string WhileReadOnlyKey = "rjcloud:while-read-only";

    /// <summary>Only signed-in members of the tenant holding one of these roles.</summary>
    public static FieldBuilder<TSource, TReturn> Authorize<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field, params string[] roles)
    {
        field.FieldType.Authorize(roles);
        return field;
    }

    /// <summary>Anyone signed in to the tenant, whatever their role.</summary>
    public static FieldBuilder<TSource, TReturn> AuthorizeAnyMember<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[AnyMemberKey] = true;
        return field;
    }

    /// <summary>No sign-in needed (the public self-referral form, the office's public name).</summary>
    public static FieldBuilder<TSource, TReturn> AllowAnonymous<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[AnonymousKey] = true;
        return field;
    }

    /// <summary>
    /// A mutation a read-only office may still run: only what gets it out of read-only (paying). Every
    /// other mutation of a read-only office is refused with TENANT_READ_ONLY.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> AllowWhileReadOnly<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
    {
        field.FieldType.Metadata[WhileReadOnlyKey] = true;
        return field;
    }

    public static bool AllowsWhileReadOnly(this IMetadataReader element) => element.GetMetadata(WhileReadOnlyKey, false);

    public static void Authorize(this FieldType field, params string[] roles)
    {
        if (roles.Length == 0) throw new ArgumentException("Name at least one role, or use AuthorizeAnyMember.", nameof(roles));
        field.Metadata[RolesKey] = roles;
    }

    /// <summary>Access for every field of a type, e.g. a Node type reachable through node(id:).</summary>
    public static void Authorize(this IGraphType type, params string[] roles)
    {
        if (roles.Length == 0) throw new ArgumentException("Name at least one role.", nameof(roles));
        type.Metadata[RolesKey] = roles;
    }

    public static string[]? RequiredRoles(this IMetadataReader element) => element.GetMetadata<string[]?>(RolesKey);

    public static bool AllowsAnonymous(this IMetadataReader element) => element.GetMetadata(AnonymousKey, false);

    public static bool AllowsAnyMember(this IMetadataReader element) => element.GetMetadata(AnyMemberKey, false);

    public static bool DeclaresAccess(this IMetadataReader element) =>
        element.AllowsAnonymous() || element.AllowsAnyMember() || element.RequiredRoles() is not null;

    /// <summary>Whether the actor satisfies what the element declares (true when it declares nothing).</summary>
    public static bool Permits(this IMetadataReader element, Actor actor)
    {
        if (element.AllowsAnonymous()) return true;
        if (element.AllowsAnyMember()) return actor.IsAuthenticated && actor.TenantId is not null;
        return element.RequiredRoles() is not { } roles || (actor.IsAuthenticated && actor.IsInAnyRole(roles));
    }
}
