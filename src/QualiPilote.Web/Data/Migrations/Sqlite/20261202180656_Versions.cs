using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualiPilote.Web.Data.Migrations.Sqlite
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
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SpPlusCommitments",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "SelfAssessmentCampaigns",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "ResponseDeadlines",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Perimeters",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "NationalTargets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Milestones",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "LocalTargets",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "IndicatorValues",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Engagements",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Audits",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "EngagementCorrections",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EngagementId = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CorrectedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
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
