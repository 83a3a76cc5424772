using System.Collections;
using System.Data;
using System.Data.Common;
using Npgsql;

namespace RJCloud.Shared.Persistence;

/// <summary>
/// One result set of a <see cref="ReadBatch"/>'s reader, as EF Core reads a command's own: closing it leaves the batch's
/// reader open for the next read. With no reader it is the empty answer a recorded command gets.
/// </summary>
internal sealed class ResultSet(NpgsqlDataReader? rows) : DbDataReader
{
    private NpgsqlDataReader Rows => rows ?? throw new InvalidOperationException("A recorded read has no rows.");

    public override bool Read() => rows?.Read() ?? false;

    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => rows?.ReadAsync(cancellationToken) ?? Task.FromResult(false);

    public override bool NextResult() => false;

    public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public override void Close() { }

    protected override void Dispose(bool disposing) { }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public override int Depth => 0;

    public override int FieldCount => rows?.FieldCount ?? 0;

    public override bool HasRows => rows?.HasRows ?? false;

    public override bool IsClosed => false;

    public override int RecordsAffected => -1;

    public override object this[int ordinal] => Rows[ordinal];

    public override object this[string name] => Rows[name];

    public override bool GetBoolean(int ordinal) => Rows.GetBoolean(ordinal);

    public override byte GetByte(int ordinal) => Rows.GetByte(ordinal);

    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) =>
        Rows.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);

    public override char GetChar(int ordinal) => Rows.GetChar(ordinal);

    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) =>
        Rows.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);

    public override string GetDataTypeName(int ordinal) => Rows.GetDataTypeName(ordinal);

    public override DateTime GetDateTime(int ordinal) => Rows.GetDateTime(ordinal);

    public override decimal GetDecimal(int ordinal) => Rows.GetDecimal(ordinal);

    public override double GetDouble(int ordinal) => Rows.GetDouble(ordinal);

    public override Type GetFieldType(int ordinal) => Rows.GetFieldType(ordinal);

    public override float GetFloat(int ordinal) => Rows.GetFloat(ordinal);

    public override Guid GetGuid(int ordinal) => Rows.GetGuid(ordinal);

    public override short GetInt16(int ordinal) => Rows.GetInt16(ordinal);

    public override int GetInt32(int ordinal) => Rows.GetInt32(ordinal);

    public override long GetInt64(int ordinal) => Rows.GetInt64(ordinal);

    public override string GetName(int ordinal) => Rows.GetName(ordinal);

    public override int GetOrdinal(string name) => Rows.GetOrdinal(name);

    public override string GetString(int ordinal) => Rows.GetString(ordinal);

    public override object GetValue(int ordinal) => Rows.GetValue(ordinal);

    public override int GetValues(object[] values) => Rows.GetValues(values);

    public override bool IsDBNull(int ordinal) => Rows.IsDBNull(ordinal);

    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => Rows.IsDBNullAsync(ordinal, cancellationToken);

    public override T GetFieldValue<T>(int ordinal) => Rows.GetFieldValue<T>(ordinal);

    public override Task<T> GetFieldValueAsync<T>(int ordinal, CancellationToken cancellationToken) => Rows.GetFieldValueAsync<T>(ordinal, cancellationToken);

    public override Stream GetStream(int ordinal) => Rows.GetStream(ordinal);

    public override TextReader GetTextReader(int ordinal) => Rows.GetTextReader(ordinal);

    public override Type GetProviderSpecificFieldType(int ordinal) => Rows.GetProviderSpecificFieldType(ordinal);

    public override object GetProviderSpecificValue(int ordinal) => Rows.GetProviderSpecificValue(ordinal);

    public override DataTable? GetSchemaTable() => Rows.GetSchemaTable();

    public override IEnumerator GetEnumerator() => Rows.GetEnumerator();
}
