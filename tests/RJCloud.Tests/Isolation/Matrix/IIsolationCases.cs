namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>
/// A module's part of the tenant-isolation matrix, kept next to the module's other tests and found
/// by reflection (it needs a public parameterless constructor). The matrix seeds one instance: it
/// puts the module's records in office A, then its cases say how office B probes each of the
/// module's Query and Mutation fields and Node types. A field or Node type of the live schema
/// without a case fails the matrix, naming it.
/// </summary>
public interface IIsolationCases
{
    /// <summary>
    /// Creates this module's records in office A, as A's people would. Runs once, in no particular
    /// order with other modules' seeding, so it must not rely on their records.
    /// </summary>
    Task SeedAsync(OfficeA a);

    /// <summary>
    /// The cases. Their names must not depend on seeded data: they are read before seeding to name
    /// the tests. Their arguments are read after seeding, when the tests run.
    /// </summary>
    IEnumerable<IsolationCase> Cases { get; }
}
