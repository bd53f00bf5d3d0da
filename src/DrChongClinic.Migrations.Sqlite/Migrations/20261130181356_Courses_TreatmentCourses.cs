using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Courses_TreatmentCourses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CourseMaxWeeks",
                table: "Treatments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourseMinWeeks",
                table: "Treatments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourseSessions",
                table: "Treatments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourseId",
                table: "Appointments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CourseSession",
                table: "Appointments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_CourseId",
                table: "Appointments",
                column: "CourseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Appointments_CourseId",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "CourseMaxWeeks",
                table: "Treatments");

            migrationBuilder.DropColumn(
                name: "CourseMinWeeks",
                table: "Treatments");

            migrationBuilder.DropColumn(
                name: "CourseSessions",
                table: "Treatments");

            migrationBuilder.DropColumn(
                name: "CourseId",
                table: "Appointments");

            migrationBuilder.DropColumn(
                name: "CourseSession",
                table: "Appointments");
        }
    }
}
