namespace RJCloud.Shared.Contracts;

/// <summary>How many practitioners the current office has at work (implemented by the Volunteers module): what per-practitioner billing charges for.</summary>
public interface IPractitionerCount
{
    Task<int> ActiveAsync(CancellationToken cancellationToken);
}
