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

    public static void Authorize(this FieldType field, params string[] roles)
    {
        if (roles.Length == 0) throw new ArgumentException("Name at least one role, or use AuthorizeAnyMember.", nameof(roles));
        field.Metadata[RolesKey] = roles;
    }

    public static string[]? RequiredRoles(this IFieldType field) => field.GetMetadata<string[]?>(RolesKey);

    public static bool AllowsAnonymous(this IFieldType field) => field.GetMetadata(AnonymousKey, false);

    public static bool AllowsAnyMember(this IFieldType field) => field.GetMetadata(AnyMemberKey, false);

    public static bool DeclaresAccess(this IFieldType field) =>
        field.AllowsAnonymous() || field.AllowsAnyMember() || field.RequiredRoles() is not null;
}
