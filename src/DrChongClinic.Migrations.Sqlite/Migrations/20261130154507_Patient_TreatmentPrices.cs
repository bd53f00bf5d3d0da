using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Patient_TreatmentPrices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "IncludedEn",
                table: "Treatments",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IncludedMs",
                table: "Treatments",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Price",
                table: "Treatments",
                type: "TEXT",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PriceIsFrom",
                table: "Treatments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IncludedEn",
                table: "Treatments");

            migrationBuilder.DropColumn(
                name: "IncludedMs",
                table: "Treatments");

            migrationBuilder.DropColumn(
                name: "Price",
                table: "Treatments");

            migrationBuilder.DropColumn(
                name: "PriceIsFrom",
                table: "Treatments");
        }
    }
}
