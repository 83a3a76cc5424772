namespace RJCloud.Tenancy.Registry;

public enum OfficeType
{
    /// <summary>Police and Crime Commissioner.</summary>
    Pcc,

    /// <summary>Police, Fire and Crime Commissioner.</summary>
    Pfcc,
}
