using QualiPilote.Tests.Infrastructure;

namespace QualiPilote.Tests.Data;

/// <summary>docs/adr/0039: the operation classes own the transactions. Only the unit of work, the audit interceptor's save
/// and the registers' lock begin one; an editor, a page or an endpoint that wants one takes <c>UnitOfWork.BeginAsync</c>.</summary>
public class TransactionOwnersTests
{
    private static readonly string[] AllowedToBegin = ["Data/UnitOfWork.cs", "Data/AuditInterceptor.cs", "Features/Registers/SqliteRegisterDatabase.cs", "Features/Registers/PostgresRegisterDatabase.cs"];

    [Fact]
    public void Only_the_unit_of_work_the_audit_save_and_the_register_lock_begin_a_transaction()
    {
        var beginners = SourceTree.AppFiles()
            .Where(f => f.Text.Contains("BeginTransaction", StringComparison.Ordinal) || f.Text.Contains("TransactionScope", StringComparison.Ordinal))
            .Select(f => f.Path).Order().ToList();
        Assert.Equal(AllowedToBegin.Order(), beginners);
    }

    [Fact]
    public void Pages_and_endpoints_never_open_a_unit_of_work()
    {
        var openers = SourceTree.AppFiles()
            .Where(f => f.Path.EndsWith(".cshtml.cs", StringComparison.Ordinal) || f.Path.EndsWith("Api.cs", StringComparison.Ordinal))
            .Where(f => f.Text.Contains("UnitOfWork", StringComparison.Ordinal))
            .Select(f => f.Path).ToList();
        Assert.Empty(openers);
    }
}
