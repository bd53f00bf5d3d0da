using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.SqlServer.Migrations
{
    /// <summary>
    /// Nothing to do on SQL Server: the SQLite migration of this name adds a full-text index of trigrams for staff search
    /// (FTS5, SQLite's own). SQL Server searches names and e-mail addresses with LIKE over the filtered index
    /// IX_Appointments_PatientSearch. Kept so that both providers list the same migrations (MigrationsTests).
    /// </summary>
    public partial class Search_PatientTextIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
