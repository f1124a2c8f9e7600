using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualiPilote.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ActionOriginUrl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginUrl",
                table: "ImprovementActions",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OriginUrl",
                table: "ImprovementActions");
        }
    }
}
