using System.Reflection;
using System.Xml.Linq;
using RJCloud.Tests.Infrastructure;
using RJCloud.Shared.Modules;

namespace RJCloud.Tests.Architecture;

/// <summary>Modules stay independent: only the host composes them, and they meet only through Shared contracts.</summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly Host = typeof(Program).Assembly;
    private static readonly Assembly Shared = typeof(IModule).Assembly;
    private static readonly Assembly Tenancy = typeof(RJCloud.Tenancy.TenancyModule).Assembly;

    private static readonly Assembly[] BusinessModules =
    [
        typeof(RJCloud.Modules.Referrals.ReferralsModule).Assembly,
        typeof(RJCloud.Modules.Volunteers.VolunteersModule).Assembly,
        typeof(RJCloud.Modules.Commissioning.CommissioningModule).Assembly,
        typeof(RJCloud.Modules.Evaluation.EvaluationModule).Assembly,
    ];

    public static TheoryData<string> ModuleNames => [.. BusinessModules.Select(m => m.GetName().Name!)];

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Given_a_business_module_Then_it_references_no_other_module(string module)
    {
        var assembly = BusinessModules.Single(m => m.GetName().Name == module);

        var references = OurReferences(assembly);

        Assert.Empty(references.Except(["RJCloud.Shared", "RJCloud.Tenancy"]));
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Given_a_business_module_project_Then_it_references_only_the_platform_projects(string module)
    {
        var project = Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src", "Modules"), $"{module}.csproj", SearchOption.AllDirectories).Single();

        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .ToList();

        Assert.Empty(references.Except(["RJCloud.Shared", "RJCloud.Tenancy"]));
    }

    [Fact]
    public void Given_the_platform_assemblies_Then_they_reference_no_business_module()
    {
        Assert.Empty(OurReferences(Shared));
        Assert.Equal(["RJCloud.Shared"], OurReferences(Tenancy));
    }

    [Fact]
    public void Given_the_host_Then_it_is_the_only_assembly_that_composes_every_module()
    {
        var references = OurReferences(Host);

        foreach (var module in BusinessModules.Append(Tenancy))
            Assert.Contains(module.GetName().Name!, references);
    }

    [Fact]
    public void Given_every_module_Then_it_registers_itself_with_its_own_schema()
    {
        var modules = BusinessModules.Append(Tenancy)
            .Select(a => a.GetTypes().Single(t => typeof(IModule).IsAssignableFrom(t)))
            .Select(t => (IModule)Activator.CreateInstance(t)!)
            .ToList();

        Assert.Equal(modules.Count, modules.Select(m => m.Schema).Distinct().Count());
        Assert.All(modules, m => Assert.Equal(m.Name.ToLowerInvariant(), m.Schema));
    }

    [Fact]
    public void Given_our_classes_Then_each_is_sealed_abstract_or_static()
    {
        var open = BusinessModules.Append(Tenancy).Append(Shared).Append(Host)
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsClass && !t.IsAbstract && !t.IsSealed && t.Namespace?.StartsWith("RJCloud") == true)
            .Where(t => !t.Namespace!.EndsWith(".Migrations") && !t.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute)))
            .Where(t => t != typeof(Program))
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    private static string[] OurReferences(Assembly assembly) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("RJCloud", StringComparison.Ordinal))];
}
