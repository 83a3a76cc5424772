using GraphQL.Types;

namespace RJCloud.Tenancy.Audit.SensitiveReads;

/// <summary>
/// Marks a GraphQL type whose records hold special-category data (UK GDPR articles 9 and 10:
/// health, sex life, criminal offences). Every record of it that a request reads is written to the
/// audit trail with the purpose the caller stated, and a request cannot select it without one.
/// </summary>
public static class SpecialCategoryData
{
    private const string RecordIdKey = "rjcloud.specialCategory.recordId";

    public static void HoldsSpecialCategoryData<TSource>(this ObjectGraphType<TSource> type, Func<TSource, Guid> recordId) =>
        type.Metadata[RecordIdKey] = new Func<object, Guid>(source => recordId((TSource)source));

    public static bool HoldsSpecialCategoryData(this IGraphType? type) => type?.HasMetadata(RecordIdKey) == true;

    /// <summary>How to find the id of a record of this type, or null for an unmarked type.</summary>
    public static Func<object, Guid>? RecordIdSelector(this IGraphType type) => type.GetMetadata<Func<object, Guid>>(RecordIdKey);
}
