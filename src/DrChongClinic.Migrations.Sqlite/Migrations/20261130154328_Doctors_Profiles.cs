using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Doctors_Profiles : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BioEn",
                table: "Practitioners",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BioMs",
                table: "Practitioners",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gender",
                table: "Practitioners",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HoldsLcp",
                table: "Practitioners",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Languages",
                table: "Practitioners",
                type: "TEXT",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "MmcNumber",
                table: "Practitioners",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PhotoVersion",
                table: "Practitioners",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Slug",
                table: "Practitioners",
                type: "TEXT",
                maxLength: 80,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PractitionerPhotos",
                columns: table => new
                {
                    PractitionerId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PractitionerPhotos", x => x.PractitionerId);
                    table.ForeignKey(
                        name: "FK_PractitionerPhotos_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Existing doctors get a unique placeholder address; DatabaseInitializer then names each page after the doctor.
            migrationBuilder.Sql(@"UPDATE ""Practitioners"" SET ""Slug"" = 'doctor-' || ""Id"";");

            migrationBuilder.CreateIndex(
                name: "IX_Practitioners_Slug",
                table: "Practitioners",
                column: "Slug",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PractitionerPhotos");

            migrationBuilder.DropIndex(
                name: "IX_Practitioners_Slug",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "BioEn",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "BioMs",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "Gender",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "HoldsLcp",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "Languages",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "MmcNumber",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "PhotoVersion",
                table: "Practitioners");

            migrationBuilder.DropColumn(
                name: "Slug",
                table: "Practitioners");
        }
    }
}
