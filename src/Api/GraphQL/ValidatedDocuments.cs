using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Documents that have already parsed and passed the schema's validation rules, by their exact text. Clients send the
/// same few documents over and over (the web app's and each partner system's), and the schema's rules depend only on
/// the document: measured, parsing and validating them again was about a tenth of the service's CPU on the referral
/// inbox under load. The rules that depend on who is asking or on the variables (field access, page size, stated
/// purpose, complexity) still run on every request, as GraphQL.NET's own document cache does it.
/// Bounded: once full, new documents are validated every time rather than evicting the common ones, so a client
/// inventing documents can neither grow memory nor push the others out.
/// </summary>
internal sealed class ValidatedDocuments
{
    public const int MaxDocuments = 1000;
    public const int MaxTotalCharacters = 4 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, GraphQLDocument> documents = new(StringComparer.Ordinal);
    private int totalCharacters;

    public GraphQLDocument? Find(string query) => documents.GetValueOrDefault(query);

    public void Remember(string query, GraphQLDocument document)
    {
        if (documents.Count >= MaxDocuments || Volatile.Read(ref totalCharacters) + query.Length > MaxTotalCharacters) return;
        if (documents.TryAdd(query, document)) Interlocked.Add(ref totalCharacters, query.Length);
    }
}
