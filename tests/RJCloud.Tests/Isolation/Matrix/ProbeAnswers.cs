using System.Net;
using RJCloud.Tests.Infrastructure;

namespace RJCloud.Tests.Isolation.Matrix;

/// <summary>B's two answers to one probe: to A's arguments and to arguments naming nothing.</summary>
/// <param name="Seen">Each answer as compared: status and body, with echoes and minted values set aside.</param>
/// <param name="Leaked">A's values found in the answer to A's arguments.</param>
public sealed record ProbeAnswers(
    Caller Caller, IReadOnlySet<string> Sent, GraphQLResponse ToForeign, GraphQLResponse ToMissing,
    string ForeignSeen, string MissingSeen, IReadOnlyList<string> Leaked)
{
    public bool Succeeded => ToForeign.Status == HttpStatusCode.OK && ToForeign.Errors.Count == 0;

    /// <summary>What every probe requires: the same answer either way, and nothing of A's in it.</summary>
    public IEnumerable<string> Problems(string probe)
    {
        if (MissingSeen != ForeignSeen)
            yield return $"{probe}, as {Caller}: A's records answer differently from records that do not exist.\n  For A's:  {ForeignSeen}\n  For none: {MissingSeen}";
        if (Leaked.Count > 0)
            yield return $"{probe}, as {Caller}: the answer shows A's {string.Join(", ", Leaked)}: {ToForeign.Body}";
    }

    public void AssertIndistinguishable(string probe)
    {
        var problems = Problems(probe).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
