using System.Linq.Expressions;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>Puts one lambda's parameter in place of another's, to join lambdas written apart into one query.</summary>
internal sealed class ReplaceParameter(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}
