using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.SqlServer.Migrations
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
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IncludedMs",
                table: "Treatments",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "Price",
                table: "Treatments",
                type: "decimal(10,2)",
                precision: 10,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PriceIsFrom",
                table: "Treatments",
                type: "bit",
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
