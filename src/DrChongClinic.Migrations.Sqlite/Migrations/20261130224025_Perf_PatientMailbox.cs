using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Perf_PatientMailbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PatientMailbox",
                table: "WaitlistEntries",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PatientMailbox",
                table: "Appointments",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PatientMailbox",
                table: "Appointments",
                column: "PatientMailbox");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PatientPhone",
                table: "Appointments",
                column: "PatientPhone");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_PatientMailbox",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_PatientPhone",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "PatientMailbox",
                table: "WaitlistEntries");

            migrationBuilder.DropColumn(
                name: "PatientMailbox",
                table: "Appointments");
        }
    }
}
