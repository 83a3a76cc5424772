using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace RJCloud.Api.GraphQL;

/// <summary>
/// Documents that have already parsed and passed the schema's validation rules, by their exact text. Clients send the
/// same few documents over and over (the web app's and each partner system's), and the schema's rules depend only on
/// the document: measured, parsing and validating them again was about a tenth of the service's CPU on the referral
/// inbox under load. The rules that depend on who is asking or on the variables (field access, page size, stated
/// purpose, complexity) are still judged on every request, through the document's <see cref="DocumentPlan"/>.
/// Bounded: once full, new documents are validated every time rather than evicting the common ones, so a client
/// inventing documents can neither grow memory nor push the others out.
/// </summary>
internal sealed class ValidatedDocuments
{
    public const int MaxDocuments = 1000;
    public const int MaxTotalCharacters = 4 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, (GraphQLDocument Document, DocumentPlan Plan)> documents = new(StringComparer.Ordinal);
    private int totalCharacters;

    public (GraphQLDocument Document, DocumentPlan Plan)? Find(string query) => documents.TryGetValue(query, out var known) ? known : null;

    public void Remember(string query, GraphQLDocument document, DocumentPlan plan)
    {
        if (documents.Count >= MaxDocuments || Volatile.Read(ref totalCharacters) + query.Length > MaxTotalCharacters) return;
        if (documents.TryAdd(query, (document, plan))) Interlocked.Add(ref totalCharacters, query.Length);
    }
}
