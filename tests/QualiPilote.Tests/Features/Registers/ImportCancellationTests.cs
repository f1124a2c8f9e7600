using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QualiPilote.Tests.Infrastructure;
using QualiPilote.Web.Data;
using QualiPilote.Web.Features.Access;
using QualiPilote.Web.Features.Registers;
using static QualiPilote.Tests.Features.Registers.RegisterFiles;

namespace QualiPilote.Tests.Features.Registers;

/// <summary>An import stops when its request is aborted (the API and the pages pass HttpContext.RequestAborted down to the
/// row reader and the writer): the client that left costs no more processor time, and nothing is stored.</summary>
public class ImportCancellationTests(AppFactory factory) : IClassFixture<AppFactory>
{
    /// <summary>An upload arriving over the network (it cannot seek) whose client goes away once half of it has arrived.</summary>
    private sealed class LeavingClient(byte[] content, CancellationTokenSource leave) : Stream
    {
        private int _position;

        public int BytesRead => _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= content.Length / 2)
            {
                leave.Cancel();
            }
            var n = Math.Min(Math.Min(count, 4096), content.Length - _position);
            Array.Copy(content, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task An_import_whose_client_left_stops_reading_and_stores_nothing()
    {
        var csv = new StringBuilder(Header).Append('\n');
        for (var i = 0; i < 40_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"GONE-{i:00000};ACC;courrier;{Date(new DateOnly(2025, 1, 2).AddDays(i % 300))};;oui\n");
        }
        var content = Utf8(csv.ToString());
        var batches = await factory.WithDbAsync(db => db.Set<RegisterImport>().CountAsync());

        await using (var scope = factory.Scope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var structure = await db.Structures.AsNoTracking().SingleAsync(s => s.Code == "sp-albertville");
            using var leave = new CancellationTokenSource();
            var upload = new LeavingClient(content, leave);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => scope.ServiceProvider.GetRequiredService<CorrespondenceImporter>()
                .ImportAsync(structure, new UserScope("test", true, []), null, upload, "registre.csv", leave.Token));
            // The reader stopped within a few buffers of the client leaving, not at the end of the file.
            Assert.InRange(upload.BytesRead, content.Length / 2, content.Length / 2 + (1 << 18));
        }

        Assert.Equal(batches, await factory.WithDbAsync(db => db.Set<RegisterImport>().CountAsync()));
        Assert.False(await factory.WithDbAsync(db => db.Set<CorrespondenceItem>().AnyAsync(i => i.Reference.StartsWith("GONE-"))));
    }
}
