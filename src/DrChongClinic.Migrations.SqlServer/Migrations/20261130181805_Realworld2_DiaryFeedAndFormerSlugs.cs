using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Realworld2_DiaryFeedAndFormerSlugs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DiaryFeedIssuedAtUtc",
                table: "Practitioners",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DiaryFeedTokenHash",
                table: "Practitioners",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PractitionerFormerSlugs",
                columns: table => new
                {
                    Slug = table.Column<string>(type: "nvarchar(80)", maxLength: 80, nullable: false),
                    PractitionerId = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PractitionerFormerSlugs", x => x.Slug);
                    table.ForeignKey(
                        name: "FK_PractitionerFormerSlugs_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Practitioners_DiaryFeedTokenHash",
                table: "Practitioners",
                column: "DiaryFeedTokenHash",
                unique: true,
                filter: "[DiaryFeedTokenHash] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_PractitionerFormerSlugs_PractitionerId",
                table: "PractitionerFormerSlugs",
                column: "PractitionerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PractitionerFormerSlugs");

            migrationBuilder.DropIndex(
                name: "IX_Practitioners_DiaryFeedTokenHash",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "DiaryFeedIssuedAtUtc",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "DiaryFeedTokenHash",
                table: "Practitioners");
        }
    }
}
