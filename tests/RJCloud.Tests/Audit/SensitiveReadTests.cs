using System.Net;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy.Audit.SensitiveReads;
using RJCloud.Tenancy.Authorization;
using RJCloud.Tenancy.Context;
using RJCloud.Tenancy.Persistence;
using RJCloud.Tenancy.Registry;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Audit;

/// <summary>Reading a record that holds special-category data needs a stated purpose, and leaves a trace with it.</summary>
public sealed class SensitiveReadTests(SensitiveReadTests.CaseFileApp app) : IClassFixture<SensitiveReadTests.CaseFileApp>
{
    private const string Selection = "probeCaseFiles { identifier }";

    [Fact]
    public async Task Given_no_stated_purpose_Then_nothing_is_read_and_the_caller_is_told_to_state_one()
    {
        var office = await app.OfficeAsync();

        var response = await app.GraphQLAs(office.Id, Roles.Coordinator).PostAsync($"query CaseFiles {{ {Selection} }}");

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal(PurposeCode, response.FirstErrorCode);
        Assert.Contains("@purpose", response.FirstErrorMessage);
        Assert.Empty(await app.ReadsAsync(office));
    }

    [Fact]
    public async Task Given_a_stated_purpose_Then_each_record_read_is_in_the_audit_trail_with_it()
    {
        var office = await app.OfficeAsync();

        var response = await app.GraphQLAs(office.Id, Roles.Coordinator).PostAsync($"query CaseFiles @purpose(reason: CASE_WORK) {{ {Selection} }}");

        response.AssertStatus(HttpStatusCode.OK);
        var shown = response.Data.GetProperty("probeCaseFiles").EnumerateArray().Select(f => f.GetProperty("identifier").GetString()).ToList();
        var read = Assert.Single(await app.ReadsAsync(office));
        Assert.Equal("read:ProbeCaseFile", read.Operation);
        Assert.Equal("CASE_WORK", read.Purpose);
        Assert.Equal(shown.Count, read.RecordIds.Length);
        Assert.Equal((await app.IdsOfAsync(shown!)).Order(), read.RecordIds.Order());
    }

    [Fact]
    public async Task Given_a_purpose_with_detail_in_a_variable_Then_the_trail_keeps_reason_and_detail()
    {
        var office = await app.OfficeAsync();

        var response = await app.GraphQLAs(office.Id, Roles.ServiceManager).PostAsync(
            $"query CaseFiles($ref: String) @purpose(reason: COMPLAINT, detail: $ref) {{ {Selection} }}", new { @ref = "CMP-2026-014" });

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("COMPLAINT: CMP-2026-014", Assert.Single(await app.ReadsAsync(office)).Purpose);
    }

    [Fact]
    public async Task Given_an_overlong_detail_Then_the_request_is_refused_and_nothing_is_read()
    {
        var office = await app.OfficeAsync();

        var response = await app.GraphQLAs(office.Id, Roles.Coordinator).PostAsync(
            $"query CaseFiles($ref: String) @purpose(reason: COMPLAINT, detail: $ref) {{ {Selection} }}", new { @ref = new string('x', 201) });

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("PURPOSE_DETAIL_TOO_LONG", response.FirstErrorCode);
        Assert.Empty(await app.ReadsAsync(office));
    }

    [Fact]
    public async Task Given_a_document_that_has_run_before_When_its_detail_variable_is_overlong_Then_it_is_still_refused()
    {
        var office = await app.OfficeAsync();
        var coordinator = app.GraphQLAs(office.Id, Roles.Coordinator);
        var query = $"query CaseFilesAgain($ref: String) @purpose(reason: COMPLAINT, detail: $ref) {{ {Selection} }}";
        (await coordinator.PostAsync(query, new { @ref = "CMP-2026-015" })).AssertStatus(HttpStatusCode.OK);

        var response = await coordinator.PostAsync(query, new { @ref = new string('x', 201) });

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Equal("PURPOSE_DETAIL_TOO_LONG", response.FirstErrorCode);
        Assert.Equal(["COMPLAINT: CMP-2026-015"], (await app.ReadsAsync(office)).Select(r => r.Purpose).Distinct());
    }

    [Fact]
    public async Task Given_an_unknown_purpose_Then_the_request_is_refused()
    {
        var office = await app.OfficeAsync();

        var response = await app.GraphQLAs(office.Id, Roles.Coordinator).PostAsync($"query CaseFiles @purpose(reason: CURIOSITY) {{ {Selection} }}");

        response.AssertStatus(HttpStatusCode.BadRequest);
        Assert.Empty(await app.ReadsAsync(office));
    }

    [Fact]
    public async Task Given_a_query_of_ordinary_records_Then_no_purpose_is_needed_and_no_read_is_recorded()
    {
        var office = await app.OfficeAsync();

        var response = await app.GraphQLAs(office.Id, Roles.Coordinator).PostAsync("{ probeTenants(first: 2) { edges { node { identifier } } } }");

        response.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(await app.ReadsAsync(office));
    }

    [Fact]
    public async Task Given_a_role_the_type_does_not_admit_Then_its_records_in_a_list_are_refused_and_nothing_is_read()
    {
        var office = await app.OfficeAsync();

        var response = await app.GraphQLAs(office.Id, Roles.Analyst).PostAsync($"query CaseFiles @purpose(reason: CASE_WORK) {{ {Selection} }}");

        response.AssertStatus(HttpStatusCode.Forbidden);
        Assert.Empty(await app.ReadsAsync(office));
    }

    private const string PurposeCode = "PURPOSE_REQUIRED";

    public sealed class CaseFileApp : ProbeApp, IAsyncLifetime
    {
        async Task IAsyncLifetime.InitializeAsync()
        {
            await InitializeAsync();
            await SeedTenantsAsync(3);
        }

        public async Task<Tenant> OfficeAsync() => (await SeedTenantsAsync(1))[0];

        public async Task<List<(string Operation, string? Purpose, Guid[] RecordIds)>> ReadsAsync(Tenant office)
        {
            using var scope = Services.CreateScope();
            using var _ = scope.ServiceProvider.GetRequiredService<ITenantContext>().Enter(new CurrentTenant(office.Id, office.Identifier, office.Status));
            return (await scope.ServiceProvider.GetRequiredService<TenancyDbContext>().AuditLog.AsNoTracking()
                    .Where(e => e.Operation.StartsWith("read:")).ToListAsync())
                .Select(e => (e.Operation, e.Purpose, e.RecordIds)).ToList();
        }

        public async Task<List<Guid>> IdsOfAsync(IReadOnlyCollection<string> identifiers)
        {
            using var scope = Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<TenancyDbContext>().Tenants
                .Where(t => identifiers.Contains(t.Identifier)).Select(t => t.Id).ToListAsync();
        }

        protected override void ConfigureServices(IServiceCollection services)
        {
            base.ConfigureServices(services);
            services.AddSchemaContributor<CaseFileFields>();
            services.AddTransient<ProbeCaseFileType>();
        }
    }

    /// <summary>Stands for a module's special-category type: registry rows shown as "case files".</summary>
    private sealed class ProbeCaseFileType : ObjectGraphType<Tenant>
    {
        public ProbeCaseFileType()
        {
            Name = "ProbeCaseFile";
            Field(t => t.Identifier);
            this.HoldsSpecialCategoryData(t => t.Id);
            this.Authorize(Roles.Coordinator, Roles.ServiceManager);
        }
    }

    private sealed class CaseFileFields : ISchemaContributor
    {
        public void AddQueries(ObjectGraphType query) =>
            query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProbeCaseFileType>>>>("probeCaseFiles")
                .AuthorizeAnyMember()
                .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<TenancyDbContext>().Tenants
                    .AsNoTracking().Where(t => t.Kind == TenantKind.Office).OrderBy(t => t.Identifier).Take(3).ToListAsync());
    }
}
