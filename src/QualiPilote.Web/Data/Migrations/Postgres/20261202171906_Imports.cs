using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualiPilote.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Imports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "UndoneAt",
                table: "RegisterImports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UndoneByName",
                table: "RegisterImports",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "UndoneByUserId",
                table: "RegisterImports",
                type: "character varying(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AttendancePreviousValues",
                columns: table => new
                {
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Month = table.Column<DateOnly>(type: "date", nullable: false),
                    Site = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Category = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    Visitors = table.Column<int>(type: "integer", nullable: false),
                    PreviousBatchId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttendancePreviousValues", x => new { x.BatchId, x.Month, x.Site, x.Category });
                });

            migrationBuilder.CreateTable(
                name: "CallPreviousValues",
                columns: table => new
                {
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    End = table.Column<DateOnly>(type: "date", nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    Presented = table.Column<int>(type: "integer", nullable: false),
                    Answered = table.Column<int>(type: "integer", nullable: false),
                    PreviousBatchId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallPreviousValues", x => new { x.BatchId, x.Start, x.End });
                });

            migrationBuilder.CreateTable(
                name: "CorrespondencePreviousValues",
                columns: table => new
                {
                    BatchId = table.Column<int>(type: "integer", nullable: false),
                    Reference = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    StructureId = table.Column<int>(type: "integer", nullable: false),
                    ServiceId = table.Column<int>(type: "integer", nullable: false),
                    Channel = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    HasContact = table.Column<bool>(type: "boolean", nullable: false),
                    InPerimeter = table.Column<bool>(type: "boolean", nullable: false),
                    PreviousBatchId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrespondencePreviousValues", x => new { x.BatchId, x.Reference });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AttendancePreviousValues");

            migrationBuilder.DropTable(
                name: "CallPreviousValues");

            migrationBuilder.DropTable(
                name: "CorrespondencePreviousValues");

            migrationBuilder.DropColumn(
                name: "UndoneAt",
                table: "RegisterImports");

            migrationBuilder.DropColumn(
                name: "UndoneByName",
                table: "RegisterImports");

            migrationBuilder.DropColumn(
                name: "UndoneByUserId",
                table: "RegisterImports");
        }
    }
}
