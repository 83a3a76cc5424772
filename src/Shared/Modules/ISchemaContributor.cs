using GraphQL.Types;

namespace RJCloud.Shared.Modules;

/// <summary>A module's part of the one GraphQL schema: fields on the root query and mutation types.</summary>
public interface ISchemaContributor
{
    void AddQueries(ObjectGraphType query) { }

    void AddMutations(ObjectGraphType mutation) { }
}
