using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types.Relay.DataObjects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace RJCloud.Shared.GraphQL.Relay;

/// <summary>
/// A Relay list whose pages are EF Core compiled queries: one for each shape of page asked for (its size, which cursors
/// it has, its direction), compiled on first use and kept for the process. For the lists read on every screen (the
/// referral inbox, a partner's own referrals).
/// <para>
/// An ordinary LINQ page costs EF Core a walk of its expression tree to find the parameters and a cache lookup that compares
/// trees, every time. Under load that was 14% of the service's CPU on a partner's list and 8% on the inbox (ADR 0027),
/// more than the SQL's own share of the request. A compiled query skips both; its query filters still read the office from
/// the context it runs on, each time it runs, and row-level security is unchanged.
/// </para>
/// <para>
/// The rows' values (the partner organisation, the inbox's filters) are the compiled query's argument
/// <typeparamref name="TArgs"/>, and the cursors' values its <see cref="PageBounds"/>: all are sent as SQL parameters, so
/// each shape has one SQL text and PostgreSQL one prepared plan. The page size is written into the SQL as before.
/// </para>
/// <para>
/// Shapes are few in practice (a screen asks for one page size), but a client chooses them, so the process compiles at
/// most <see cref="CompiledPageBudget.Limit"/> of them across all lists; past that a page is read as an ordinary LINQ
/// query, the same SQL.
/// </para>
/// </summary>
/// <typeparam name="TContext">The module's context.</typeparam>
/// <typeparam name="TArgs">The values the rows are chosen by.</typeparam>
/// <typeparam name="T">The rows paged.</typeparam>
/// <typeparam name="TNode">What each row of a page is read as.</typeparam>
public sealed class CompiledPages<TContext, TArgs, T, TNode> where TContext : DbContext
{
    private readonly Expression<Func<TContext, TArgs, IQueryable<T>>> rows;
    private readonly Expression<Func<T, TNode>> shape;
    private readonly PageOrder<T, TNode> order;
    private readonly ConcurrentDictionary<PageShape, Func<TContext, TArgs, PageBounds, IAsyncEnumerable<TNode>>?> compiled = new();
    private readonly Lazy<Func<TContext, TArgs, IQueryable<T>>> uncompiled;
    private readonly Func<bool> mayCompile;

    /// <param name="rows">The rows to page, as a query of the context and the arguments: <c>(db, args) => db.Items.AsNoTracking().Where(…)</c>.</param>
    /// <param name="shape">What each row of a page is read as (SQL reads only what it names).</param>
    /// <param name="order">The order the rows are paged in, and their cursors.</param>
    public CompiledPages(Expression<Func<TContext, TArgs, IQueryable<T>>> rows, Expression<Func<T, TNode>> shape, PageOrder<T, TNode> order)
        : this(rows, shape, order, CompiledPageBudget.TryTake)
    {
    }

    /// <param name="mayCompile">Whether another shape may be compiled (tests read every page as ordinary LINQ with <c>() => false</c>).</param>
    internal CompiledPages(Expression<Func<TContext, TArgs, IQueryable<T>>> rows, Expression<Func<T, TNode>> shape, PageOrder<T, TNode> order,
        Func<bool> mayCompile)
    {
        (this.rows, this.shape, this.order, this.mayCompile) = (rows, shape, order, mayCompile);
        uncompiled = new(() => rows.Compile());
    }

    /// <summary>The page of the rows <paramref name="args"/> choose, read on <paramref name="db"/>, as a Relay connection.</summary>
    public async Task<Connection<TNode>> ToConnectionAsync(TContext db, TArgs args, PageRequest page, CancellationToken cancellationToken)
    {
        var bounds = order.Bounds(page);
        var pageShape = bounds.ShapeOf(page);
        if (!compiled.TryGetValue(pageShape, out var query) && mayCompile()) query = compiled.GetOrAdd(pageShape, Compile);
        if (query is null) return await order.ToConnectionAsync(uncompiled.Value(db, args), shape, page, cancellationToken);

        var found = new List<TNode>(page.Size + 1);
        await foreach (var row in query(db, args, bounds).WithCancellation(cancellationToken)) found.Add(row);
        return order.Connect(found, page);
    }

    // (db, args, bounds) => rows(db, args) paged as pageShape, compiled by EF Core when it first runs. EF Core translates a
    // compiled query's parameters but not their members (bounds.AfterKey is refused), so each member read of the arguments
    // and the bounds becomes a parameter of its own: the query is compiled as (db, v1, …, vn) and called through a delegate
    // that reads v1…vn from them.
    // A query of more values than EF Core's compiled queries take is not compiled (null), and is read as ordinary LINQ.
    private Func<TContext, TArgs, PageBounds, IAsyncEnumerable<TNode>>? Compile(PageShape pageShape)
    {
        var (db, args) = (rows.Parameters[0], rows.Parameters[1]);
        var bounds = Expression.Parameter(typeof(PageBounds), "bounds");
        var values = new ValuesRead(args, bounds);
        var page = values.Visit(order.Page(rows.Body, shape, pageShape, bounds));
        if (values.Parameters.Count > MaxValues) return null;
        var query = CompileAsyncQuery(values.Parameters.Count).MakeGenericMethod([typeof(TContext), .. values.Parameters.Select(v => v.Type), typeof(TNode)])
            .Invoke(null, [Expression.Lambda(page, [db, .. values.Parameters])])!;
        var call = Expression.Invoke(Expression.Constant(query), [db, .. values.Reads]);
        return Expression.Lambda<Func<TContext, TArgs, PageBounds, IAsyncEnumerable<TNode>>>(call, db, args, bounds).Compile();
    }

    private const int MaxValues = 16;

    // EF.CompileAsyncQuery<TContext, TParam1, …, TParamN, TResult>(Expression<Func<TContext, TParam1, …, TParamN, IQueryable<TResult>>>).
    private static MethodInfo CompileAsyncQuery(int parameters) =>
        typeof(EF).GetMethods().Single(m => m.Name == nameof(EF.CompileAsyncQuery) && m.GetGenericArguments().Length == parameters + 2
            && m.GetParameters()[0].ParameterType.GetGenericArguments()[0].GetGenericArguments()[^1] is { IsGenericType: true } result
            && result.GetGenericTypeDefinition() == typeof(IQueryable<>));

    // Replaces each read of an argument's member (or of the argument itself, for a single value) with a parameter of its own.
    private sealed class ValuesRead(ParameterExpression args, ParameterExpression bounds) : ExpressionVisitor
    {
        private readonly Dictionary<Expression, ParameterExpression> found = new(new ReadComparer());

        public List<ParameterExpression> Parameters { get; } = [];

        public List<Expression> Reads { get; } = [];

        protected override Expression VisitMember(MemberExpression node) =>
            node.Expression == args || node.Expression == bounds ? ParameterFor(node) : base.VisitMember(node);

        protected override Expression VisitParameter(ParameterExpression node) => node == args ? ParameterFor(node) : node;

        private ParameterExpression ParameterFor(Expression read)
        {
            if (found.TryGetValue(read, out var parameter)) return parameter;
            parameter = Expression.Parameter(read.Type, read is MemberExpression member ? member.Member.Name : "args");
            found.Add(read, parameter);
            Parameters.Add(parameter);
            Reads.Add(read);
            return parameter;
        }
    }

    // Two reads are the same when they read the same member of the same parameter.
    private sealed class ReadComparer : IEqualityComparer<Expression>
    {
        public bool Equals(Expression? x, Expression? y) => (x, y) switch
        {
            (MemberExpression a, MemberExpression b) => a.Expression == b.Expression && a.Member == b.Member,
            _ => ReferenceEquals(x, y),
        };

        public int GetHashCode(Expression read) => read is MemberExpression member ? HashCode.Combine(member.Expression, member.Member) : read.GetHashCode();
    }
}

/// <summary>How many page queries the process may compile (<see cref="CompiledPages{TContext,TArgs,T,TNode}"/>), across all lists.</summary>
public static class CompiledPageBudget
{
    /// <summary>
    /// Far more than the screens use (each list, order and filter combination a screen asks for, at its page size, with and
    /// without a cursor), and few enough that a client trying every page size cannot grow the process's memory without end.
    /// </summary>
    public const int Limit = 512;

    private static int taken;

    internal static bool TryTake()
    {
        if (Volatile.Read(ref taken) >= Limit) return false;
        return Interlocked.Increment(ref taken) <= Limit;
    }
}

/// <summary>Composes the rows of a <see cref="CompiledPages{TContext,TArgs,T,TNode}"/> from filters that read the arguments.</summary>
public static class CompiledRows
{
    /// <summary><c>(db, args) => rows(db, args).Where(row => test(row, args))</c>.</summary>
    public static Expression<Func<TContext, TArgs, IQueryable<T>>> Where<TContext, TArgs, T>(
        this Expression<Func<TContext, TArgs, IQueryable<T>>> rows, Expression<Func<T, TArgs, bool>> test)
    {
        var args = rows.Parameters[1];
        var body = ReplacingExpressionVisitor.Replace(test.Parameters[1], args, test.Body);
        var filtered = Expression.Call(QueryableMethods.Where.MakeGenericMethod(typeof(T)), rows.Body,
            Expression.Quote(Expression.Lambda<Func<T, bool>>(body, test.Parameters[0])));
        return Expression.Lambda<Func<TContext, TArgs, IQueryable<T>>>(filtered, rows.Parameters);
    }
}
