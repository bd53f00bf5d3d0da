using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Waitlist2_SentEmailIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WaitlistMessages_Status_SentAtUtc",
                table: "WaitlistMessages",
                columns: new[] { "Status", "SentAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_SentAtUtc",
                table: "OutboxMessages",
                columns: new[] { "Status", "SentAtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WaitlistMessages_Status_SentAtUtc",
                table: "WaitlistMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Status_SentAtUtc",
                table: "OutboxMessages");
        }
    }
}
