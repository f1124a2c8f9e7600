using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualiPilote.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CorrespondenceReferenceByteOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Reference",
                table: "CorrespondenceItems",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Reference",
                table: "CorrespondenceItems",
                type: "character varying(60)",
                maxLength: 60,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(60)",
                oldMaxLength: 60,
                oldCollation: "C");
        }
    }
}
