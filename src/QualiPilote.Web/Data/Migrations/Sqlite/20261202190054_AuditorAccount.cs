using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualiPilote.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AuditorAccount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AuditorUserId",
                table: "Audits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Audits_AuditorUserId",
                table: "Audits",
                column: "AuditorUserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Audits_AspNetUsers_AuditorUserId",
                table: "Audits",
                column: "AuditorUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Audits_AspNetUsers_AuditorUserId",
                table: "Audits");

            migrationBuilder.DropIndex(
                name: "IX_Audits_AuditorUserId",
                table: "Audits");

            migrationBuilder.DropColumn(
                name: "AuditorUserId",
                table: "Audits");
        }
    }
}
