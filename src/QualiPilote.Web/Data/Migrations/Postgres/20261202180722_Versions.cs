using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace QualiPilote.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Versions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SpPlusTargets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SpPlusCommitments",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SelfAssessmentCampaigns",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ResponseDeadlines",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Perimeters",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "NationalTargets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Milestones",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "LocalTargets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "IndicatorValues",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Engagements",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Audits",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "EngagementCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EngagementId = table.Column<int>(type: "integer", nullable: false),
                    CorrectedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CorrectedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementCorrections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementCorrections_Engagements_EngagementId",
                        column: x => x.EngagementId,
                        principalTable: "Engagements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.UpdateData(
                table: "SpPlusTargets",
                keyColumn: "Year",
                keyValue: 2023,
                column: "Version",
                value: 0);

            migrationBuilder.UpdateData(
                table: "SpPlusTargets",
                keyColumn: "Year",
                keyValue: 2026,
                column: "Version",
                value: 0);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementCorrections_EngagementId",
                table: "EngagementCorrections",
                column: "EngagementId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngagementCorrections");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SpPlusTargets");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SpPlusCommitments");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "SelfAssessmentCampaigns");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "ResponseDeadlines");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Perimeters");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "NationalTargets");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Milestones");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "LocalTargets");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "IndicatorValues");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Engagements");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Audits");
        }
    }
}
