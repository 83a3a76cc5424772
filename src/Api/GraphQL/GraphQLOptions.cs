using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RJCloud.Api.GraphQL;

/// <summary>Limits on every GraphQL request, on by default; all checked before any SQL runs.</summary>
internal sealed class GraphQLOptions
{
    public const string Section = "GraphQL";

    [Range(2, 50)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>Each field costs 1; a list's children cost once per row it may return (its first/last, else 5).</summary>
    [Range(10, 1_000_000)]
    public int MaxComplexity { get; set; } = 20000;

    [Range(1, 300)]
    public int ExecutionTimeoutSeconds { get; set; } = 20;

    [Range(1024, 10 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 100 * 1024;

    /// <summary>Adds X-Sql-Commands to responses: for tests and benchmarks, never in production.</summary>
    public bool ExposeSqlCommandCount { get; set; }

    /// <summary>Serve the explorer at GET /graphql to browsers; only ever honoured in Development.</summary>
    public bool EnableExplorer { get; set; } = true;

    /// <summary>Refuses limits out of range, naming each setting, as the start-up check would.</summary>
    public void ThrowIfInvalid()
    {
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(this, new ValidationContext(this), problems, validateAllProperties: true))
            throw new OptionsValidationException(Section, typeof(GraphQLOptions),
                problems.Select(p => $"{Section}:{string.Join(", ", p.MemberNames)}: {p.ErrorMessage}"));
    }
}
