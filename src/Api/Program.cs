using RJCloud.Api;
using RJCloud.Api.Database;
using RJCloud.Api.GraphQL;
using RJCloud.Api.Health;
using RJCloud.Api.Logging;
using RJCloud.Api.Web;
using RJCloud.Modules.Commissioning;
using RJCloud.Modules.Evaluation;
using RJCloud.Modules.Referrals;
using RJCloud.Modules.Volunteers;
using RJCloud.Shared.Modules;
using RJCloud.Tenancy;
using RJCloud.Tenancy.Billing;
using RJCloud.Tenancy.Identity;
using RJCloud.Tenancy.Portability;
using RJCloud.Tenancy.Resolution;

var builder = WebApplication.CreateBuilder(args);

builder.AddStructuredLogging();
builder.AddDatabase(); // first: its hosted services migrate before anything (the data-protection key ring) reads the database
builder.AddHosting();

builder.Services.AddModule<TenancyModule>(builder.Configuration);
builder.Services.AddModule<ReferralsModule>(builder.Configuration);
builder.Services.AddModule<VolunteersModule>(builder.Configuration);
builder.Services.AddModule<CommissioningModule>(builder.Configuration);
builder.Services.AddModule<EvaluationModule>(builder.Configuration);

builder.AddIdentityServices();
builder.AddGraphQLEndpoint();
builder.AddHealth();
builder.AddWebApp();

var app = builder.Build();

app.UseStructuredRequestLogging();
app.UseHosting();
app.UseTenantAddressing();
app.UseRouting();
app.UseAuthentication();
app.UseTenantFromToken();
app.UseAuthorization();
app.MapHealth();
app.MapGraphQLEndpoint();
app.MapIdentityEndpoints();
app.MapBillingEndpoints();
app.MapTenantPortability();
app.MapWebApp();

app.Run();

public partial class Program;
