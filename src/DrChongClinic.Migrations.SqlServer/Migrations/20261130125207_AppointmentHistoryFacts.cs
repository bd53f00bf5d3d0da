using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AppointmentHistoryFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FromStartUtc",
                table: "AppointmentChanges",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "AppointmentChanges",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Reason",
                table: "AppointmentChanges",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ToStartUtc",
                table: "AppointmentChanges",
                type: "datetime2",
                nullable: true);

            // History lines written before this migration held only text: read the facts back out of it.
            migrationBuilder.Sql(@"UPDATE AppointmentChanges SET Kind = CASE
                    WHEN What = 'Booking requested' THEN 'Requested'
                    WHEN What = 'Booked and confirmed' THEN 'BookedAndConfirmed'
                    WHEN What = 'Confirmed' THEN 'Confirmed'
                    WHEN What LIKE 'Rescheduled from %' THEN 'Rescheduled'
                    WHEN What LIKE 'Cancelled%' THEN 'Cancelled'
                    WHEN What = 'Marked completed' THEN 'Completed'
                    WHEN What = 'Marked no-show' THEN 'NoShow'
                    WHEN What = 'Internal notes cleared' THEN 'NotesCleared'
                    ELSE 'NotesEdited' END");
            migrationBuilder.Sql(@"UPDATE AppointmentChanges SET Reason = SUBSTRING(What, 12, 500) WHERE What LIKE 'Cancelled: %'");
            migrationBuilder.Sql(@"UPDATE AppointmentChanges SET FromStartUtc = CONVERT(datetime2, SUBSTRING(What, 18, 16) + ':00', 120), ToStartUtc = CONVERT(datetime2, SUBSTRING(What, 42, 16) + ':00', 120)
                WHERE What LIKE 'Rescheduled from %'");

            migrationBuilder.DropColumn(
                name: "What",
                table: "AppointmentChanges");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "What",
                table: "AppointmentChanges",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(@"UPDATE AppointmentChanges SET What = CASE Kind
                    WHEN 'Requested' THEN 'Booking requested'
                    WHEN 'BookedAndConfirmed' THEN 'Booked and confirmed'
                    WHEN 'Confirmed' THEN 'Confirmed'
                    WHEN 'Rescheduled' THEN 'Rescheduled from ' + CONVERT(varchar(16), FromStartUtc, 120) + ' UTC to ' + CONVERT(varchar(16), ToStartUtc, 120) + ' UTC'
                    WHEN 'Cancelled' THEN CASE WHEN Reason IS NULL THEN 'Cancelled' ELSE 'Cancelled: ' + Reason END
                    WHEN 'Completed' THEN 'Marked completed'
                    WHEN 'NoShow' THEN 'Marked no-show'
                    WHEN 'NotesCleared' THEN 'Internal notes cleared'
                    ELSE 'Internal notes edited' END");

            migrationBuilder.DropColumn(
                name: "FromStartUtc",
                table: "AppointmentChanges");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "AppointmentChanges");

            migrationBuilder.DropColumn(
                name: "Reason",
                table: "AppointmentChanges");

            migrationBuilder.DropColumn(
                name: "ToStartUtc",
                table: "AppointmentChanges");
        }
    }
}
