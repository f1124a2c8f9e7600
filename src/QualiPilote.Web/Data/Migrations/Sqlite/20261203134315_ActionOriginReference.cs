using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QualiPilote.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ActionOriginReference : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "OriginId",
                table: "ImprovementActions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OriginKind",
                table: "ImprovementActions",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            // Each action raised from a record is found from the record's side: the record kept the action's id.
            // A campaign that carries answers over copies that id, so an assessment's action belongs to its earliest campaign.
            migrationBuilder.Sql("""
                UPDATE "ImprovementActions" SET "OriginKind" = 'Assessment', "OriginId" = (
                    SELECT ra."Id" FROM "RequirementAssessments" ra JOIN "SelfAssessmentCampaigns" c ON c."Id" = ra."CampaignId"
                    WHERE ra."ActionId" = "ImprovementActions"."Id" ORDER BY c."Year", ra."Id" LIMIT 1)
                WHERE EXISTS (SELECT 1 FROM "RequirementAssessments" ra WHERE ra."ActionId" = "ImprovementActions"."Id");
                """);
            migrationBuilder.Sql("""
                UPDATE "ImprovementActions" SET "OriginKind" = 'AuditFinding', "OriginId" = (
                    SELECT MIN(f."Id") FROM "AuditFindings" f WHERE f."ActionId" = "ImprovementActions"."Id")
                WHERE "OriginId" IS NULL AND EXISTS (SELECT 1 FROM "AuditFindings" f WHERE f."ActionId" = "ImprovementActions"."Id");
                """);
            migrationBuilder.Sql("""
                UPDATE "ImprovementActions" SET "OriginKind" = 'IndicatorAlert', "OriginId" = (
                    SELECT MIN(a."Id") FROM "IndicatorAlerts" a WHERE a."ActionId" = "ImprovementActions"."Id")
                WHERE "OriginId" IS NULL AND EXISTS (SELECT 1 FROM "IndicatorAlerts" a WHERE a."ActionId" = "ImprovementActions"."Id");
                """);
            // An address no record claims (one an API client sent) is kept in words rather than lost.
            migrationBuilder.Sql("""
                UPDATE "ImprovementActions"
                SET "OriginDetail" = substr(COALESCE("OriginDetail" || ' – ', '') || 'lien d''origine : ' || "OriginUrl", 1, 1000)
                WHERE "OriginId" IS NULL AND "OriginUrl" IS NOT NULL;
                """);

            migrationBuilder.DropColumn(
                name: "OriginUrl",
                table: "ImprovementActions");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OriginUrl",
                table: "ImprovementActions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            // The addresses the pages had when the column was dropped.
            migrationBuilder.Sql("""
                UPDATE "ImprovementActions" SET "OriginUrl" = (
                    SELECT '/structures/' || s."Code" || '/auto-diagnostic/' || c."Year" || '#exigence-' || e."Number" || '-' || r."Number"
                    FROM "RequirementAssessments" ra
                    JOIN "SelfAssessmentCampaigns" c ON c."Id" = ra."CampaignId"
                    JOIN "Requirements" r ON r."Id" = ra."RequirementId"
                    JOIN "Engagements" e ON e."Id" = r."EngagementId"
                    JOIN "Structures" s ON s."Id" = ra."StructureId"
                    WHERE ra."Id" = "ImprovementActions"."OriginId")
                WHERE "OriginKind" = 'Assessment';
                """);
            migrationBuilder.Sql("""
                UPDATE "ImprovementActions" SET "OriginUrl" = (
                    SELECT '/structures/' || s."Code" || '/audits/' || f."AuditId" || '#constat-' || f."Id"
                    FROM "AuditFindings" f JOIN "Structures" s ON s."Id" = f."StructureId"
                    WHERE f."Id" = "ImprovementActions"."OriginId")
                WHERE "OriginKind" = 'AuditFinding';
                """);
            migrationBuilder.Sql("""
                UPDATE "ImprovementActions" SET "OriginUrl" = (
                    SELECT '/structures/' || s."Code" || '/indicateurs/' || i."Code" || '/' || a."Period"
                    FROM "IndicatorAlerts" a JOIN "Indicators" i ON i."Id" = a."IndicatorId" JOIN "Structures" s ON s."Id" = a."StructureId"
                    WHERE a."Id" = "ImprovementActions"."OriginId")
                WHERE "OriginKind" = 'IndicatorAlert';
                """);

            migrationBuilder.DropColumn(
                name: "OriginId",
                table: "ImprovementActions");

            migrationBuilder.DropColumn(
                name: "OriginKind",
                table: "ImprovementActions");
        }
    }
}
