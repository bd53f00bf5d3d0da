using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Perf_AppointmentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_PractitionerId",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CreatedAtUtc_Id",
                table: "Appointments",
                columns: new[] { "CreatedAtUtc", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PatientSearch",
                table: "Appointments",
                columns: new[] { "PatientName", "PatientEmail", "PatientPhone" },
                filter: "[PatientName] <> '(anonymised)'");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PractitionerId_StartUtc",
                table: "Appointments",
                columns: new[] { "PractitionerId", "StartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_CreatedAtUtc_Id",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_PatientSearch",
                table: "Appointments");

            migrationBuilder.DropIndex(
                name: "IX_Appointments_PractitionerId_StartUtc",
                table: "Appointments");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_PractitionerId",
                table: "Appointments",
                column: "PractitionerId");
        }
    }
}
