using System.Runtime.InteropServices;
using SQLitePCL;

namespace QualiPilote.Web.Features.Registers;

/// <summary>The three SQLite calls a bulk import makes once per value, called straight into the native library that
/// SQLitePCLRaw ships and loads (same name, same file). Through SQLitePCLRaw each call also takes a SafeHandle reference
/// count, an interface dispatch and a copy of every text; straight, none of these, and a text that stays in memory is not
/// copied. Eight values for each of a million rows made the binds the largest cost of the import after the
/// inserts themselves (figures: bench/README.md, « Import of 1,000,000 rows », what changed since a89cda9).
/// Statements are prepared, stepped and finalized through SQLitePCLRaw as everywhere else.</summary>
internal static class SqliteBindings
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_STATIC: the bytes stay where they are until the statement has run (pinned arrays kept by the caller).</summary>
    private static readonly IntPtr Static = IntPtr.Zero;

    /// <summary>SQLITE_TRANSIENT: SQLite copies the bytes before the call returns.</summary>
    private static readonly IntPtr Transient = new(-1);

    public static void Int(sqlite3_stmt statement, int index, int value) => Check(sqlite3_bind_int(statement.DangerousGetHandle(), index, value));

    public static void Null(sqlite3_stmt statement, int index) => Check(sqlite3_bind_null(statement.DangerousGetHandle(), index));

    /// <summary>UTF-8 text that SQLite copies at once: for bytes on the stack.</summary>
    public static void Text(sqlite3_stmt statement, int index, ReadOnlySpan<byte> utf8) =>
        Check(sqlite3_bind_text(statement.DangerousGetHandle(), index, ref MemoryMarshal.GetReference(utf8), utf8.Length, Transient));

    /// <summary>UTF-8 text that SQLite reads where it is, when the statement runs: only for arrays made with
    /// <see cref="Pinned"/> and kept alive by the caller.</summary>
    public static void PinnedText(sqlite3_stmt statement, int index, byte[] utf8) =>
        Check(sqlite3_bind_text(statement.DangerousGetHandle(), index, ref MemoryMarshal.GetArrayDataReference(utf8), utf8.Length, Static));

    /// <summary>A copy of the bytes in memory the garbage collector never moves.</summary>
    public static byte[] Pinned(ReadOnlySpan<byte> utf8)
    {
        var array = GC.AllocateUninitializedArray<byte>(utf8.Length, pinned: true);
        utf8.CopyTo(array);
        return array;
    }

    private static void Check(int result)
    {
        if (result != raw.SQLITE_OK)
        {
            throw new InvalidOperationException($"SQLite : liaison d'un paramètre refusée ({result}).");
        }
    }

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_bind_int(IntPtr statement, int index, int value);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_bind_null(IntPtr statement, int index);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sqlite3_bind_text(IntPtr statement, int index, ref byte text, int length, IntPtr destructor);
}
