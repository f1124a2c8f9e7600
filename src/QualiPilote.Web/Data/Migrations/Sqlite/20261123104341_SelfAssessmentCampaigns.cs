using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace QualiPilote.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SelfAssessmentCampaigns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Evidence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    FileKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 150, nullable: true),
                    FileLength = table.Column<long>(type: "INTEGER", nullable: true),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    IndicatorCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    IndicatorPeriod = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    DocumentVersion = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    DocumentDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AddedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    AddedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Evidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Evidence_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessmentCampaigns",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    ReferentialId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CopiedFromYear = table.Column<int>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ClosedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ClosingNote = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessmentCampaigns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentCampaigns_Referentials_ReferentialId",
                        column: x => x.ReferentialId,
                        principalTable: "Referentials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessmentCampaigns_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SpPlusTargets",
                columns: table => new
                {
                    Year = table.Column<int>(type: "INTEGER", nullable: false),
                    Percent = table.Column<double>(type: "REAL", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpPlusTargets", x => x.Year);
                });

            migrationBuilder.CreateTable(
                name: "RequirementAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CampaignId = table.Column<int>(type: "INTEGER", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false),
                    RequirementId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    AssessedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    AssessedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    AssessedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CarriedOver = table.Column<bool>(type: "INTEGER", nullable: false),
                    ActionId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequirementAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequirementAssessments_ImprovementActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "ImprovementActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RequirementAssessments_Requirements_RequirementId",
                        column: x => x.RequirementId,
                        principalTable: "Requirements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequirementAssessments_SelfAssessmentCampaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "SelfAssessmentCampaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RequirementAssessments_Structures_StructureId",
                        column: x => x.StructureId,
                        principalTable: "Structures",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "AssessmentEvidence",
                columns: table => new
                {
                    AssessmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    EvidenceId = table.Column<int>(type: "INTEGER", nullable: false),
                    StructureId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentEvidence", x => new { x.AssessmentId, x.EvidenceId });
                    table.ForeignKey(
                        name: "FK_AssessmentEvidence_Evidence_EvidenceId",
                        column: x => x.EvidenceId,
                        principalTable: "Evidence",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessmentEvidence_RequirementAssessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "RequirementAssessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "SpPlusTargets",
                columns: new[] { "Year", "Percent", "Source" },
                values: new object[,]
                {
                    { 2023, 50.0, "Année de référence 2023 : 50 % de mise en œuvre des engagements (bilan 2023 de la préfecture de la Savoie)." },
                    { 2026, 100.0, "Le programme SP+ doit être mis en œuvre dans sa totalité en 2026 (politique qualité de la préfecture de la Savoie, avril 2024)." }
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentEvidence_EvidenceId",
                table: "AssessmentEvidence",
                column: "EvidenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Evidence_StructureId_Kind",
                table: "Evidence",
                columns: new[] { "StructureId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAssessments_ActionId",
                table: "RequirementAssessments",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAssessments_CampaignId_RequirementId",
                table: "RequirementAssessments",
                columns: new[] { "CampaignId", "RequirementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAssessments_RequirementId",
                table: "RequirementAssessments",
                column: "RequirementId");

            migrationBuilder.CreateIndex(
                name: "IX_RequirementAssessments_StructureId",
                table: "RequirementAssessments",
                column: "StructureId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentCampaigns_ReferentialId",
                table: "SelfAssessmentCampaigns",
                column: "ReferentialId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessmentCampaigns_StructureId_Year",
                table: "SelfAssessmentCampaigns",
                columns: new[] { "StructureId", "Year" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessmentEvidence");

            migrationBuilder.DropTable(
                name: "SpPlusTargets");

            migrationBuilder.DropTable(
                name: "Evidence");

            migrationBuilder.DropTable(
                name: "RequirementAssessments");

            migrationBuilder.DropTable(
                name: "SelfAssessmentCampaigns");
        }
    }
}
