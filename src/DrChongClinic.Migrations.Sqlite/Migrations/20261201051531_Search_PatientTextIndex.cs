using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Staff search by name or e-mail (BookingSearch) finds its bookings in a full-text index of trigrams instead of
    /// reading every booking that still holds personal data: PatientSearch holds each such booking's patient name and
    /// e-mail address under the booking's id, and three triggers keep it in step with Appointments (a new booking, a
    /// corrected name or address, anonymisation, deletion). It is SQLite's own kind of table (FTS5), so the model does
    /// not know it; SQL Server searches with LIKE and has no such table. Deleted text is wiped from the index at once
    /// ('secure-delete'), as a patient's erased data must be.
    /// A later migration that makes EF rebuild the Appointments table drops these triggers with the old table: it must
    /// create them again (PatientTextSearchTests fails if they are missing).
    /// </summary>
    public partial class Search_PatientTextIndex : Migration
    {
        private const string Text = "\"PatientName\" || char(10) || coalesce(\"PatientEmail\", '')";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "PatientSearch" USING fts5("Text", tokenize = 'trigram');""");
            migrationBuilder.Sql("""INSERT INTO "PatientSearch" ("PatientSearch", "rank") VALUES ('secure-delete', 1);""");
            migrationBuilder.Sql($"""
                INSERT INTO "PatientSearch" ("rowid", "Text")
                SELECT "Id", {Text} FROM "Appointments" WHERE "PatientName" <> '(anonymised)';
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Appointments_PatientSearch_Insert" AFTER INSERT ON "Appointments"
                WHEN new."PatientName" <> '(anonymised)'
                BEGIN
                    INSERT INTO "PatientSearch" ("rowid", "Text") VALUES (new."Id", {New(Text)});
                END;
                """);
            migrationBuilder.Sql($"""
                CREATE TRIGGER "Appointments_PatientSearch_Update" AFTER UPDATE OF "PatientName", "PatientEmail" ON "Appointments"
                BEGIN
                    DELETE FROM "PatientSearch" WHERE "rowid" = old."Id";
                    INSERT INTO "PatientSearch" ("rowid", "Text")
                    SELECT new."Id", {New(Text)} WHERE new."PatientName" <> '(anonymised)';
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Appointments_PatientSearch_Delete" AFTER DELETE ON "Appointments"
                BEGIN
                    DELETE FROM "PatientSearch" WHERE "rowid" = old."Id";
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "Appointments_PatientSearch_Delete";""");
            migrationBuilder.Sql("""DROP TRIGGER "Appointments_PatientSearch_Update";""");
            migrationBuilder.Sql("""DROP TRIGGER "Appointments_PatientSearch_Insert";""");
            migrationBuilder.Sql("""DROP TABLE "PatientSearch";""");
        }

        private static string New(string columns) => columns.Replace("\"Patient", "new.\"Patient", System.StringComparison.Ordinal);
    }
}
