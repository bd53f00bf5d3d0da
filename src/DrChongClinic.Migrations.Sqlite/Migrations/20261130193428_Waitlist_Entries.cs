using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Waitlist_Entries : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WaitlistEntries",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TreatmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    PractitionerId = table.Column<int>(type: "INTEGER", nullable: true),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    FirstDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    LastDay = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Times = table.Column<int>(type: "INTEGER", nullable: false),
                    PatientName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PatientEmail = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    PatientPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    PatientNotes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    PatientLanguage = table.Column<string>(type: "TEXT", maxLength: 5, nullable: false),
                    PrivacyNoticeVersion = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    JoinedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaveTokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedLeaveToken = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitlistEntries_Treatments_TreatmentId",
                        column: x => x.TreatmentId,
                        principalTable: "Treatments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WaitlistOffers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    PractitionerId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ClosedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    OfferedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    TokenHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProtectedToken = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AppointmentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistOffers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitlistOffers_Appointments_AppointmentId",
                        column: x => x.AppointmentId,
                        principalTable: "Appointments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_WaitlistOffers_Practitioners_PractitionerId",
                        column: x => x.PractitionerId,
                        principalTable: "Practitioners",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WaitlistOffers_WaitlistEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "WaitlistEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WaitlistMessages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EntryId = table.Column<int>(type: "INTEGER", nullable: false),
                    OfferId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DueAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WaitlistMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WaitlistMessages_WaitlistEntries_EntryId",
                        column: x => x.EntryId,
                        principalTable: "WaitlistEntries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_WaitlistMessages_WaitlistOffers_OfferId",
                        column: x => x.OfferId,
                        principalTable: "WaitlistOffers",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_LeaveTokenHash",
                table: "WaitlistEntries",
                column: "LeaveTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_PractitionerId",
                table: "WaitlistEntries",
                column: "PractitionerId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_Status_JoinedAtUtc",
                table: "WaitlistEntries",
                columns: new[] { "Status", "JoinedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_SubmissionId",
                table: "WaitlistEntries",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistEntries_TreatmentId",
                table: "WaitlistEntries",
                column: "TreatmentId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistMessages_EntryId",
                table: "WaitlistMessages",
                column: "EntryId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistMessages_OfferId",
                table: "WaitlistMessages",
                column: "OfferId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistMessages_Status_DueAtUtc",
                table: "WaitlistMessages",
                columns: new[] { "Status", "DueAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_AppointmentId",
                table: "WaitlistOffers",
                column: "AppointmentId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_EntryId_PractitionerId_StartUtc",
                table: "WaitlistOffers",
                columns: new[] { "EntryId", "PractitionerId", "StartUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_OneOpenPerEntry",
                table: "WaitlistOffers",
                column: "EntryId",
                unique: true,
                filter: "[Status] = 'Open'");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_PractitionerId",
                table: "WaitlistOffers",
                column: "PractitionerId");

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_StartUtc_PractitionerId",
                table: "WaitlistOffers",
                columns: new[] { "StartUtc", "PractitionerId" });

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_SubmissionId",
                table: "WaitlistOffers",
                column: "SubmissionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WaitlistOffers_TokenHash",
                table: "WaitlistOffers",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WaitlistMessages");

            migrationBuilder.DropTable(
                name: "WaitlistOffers");

            migrationBuilder.DropTable(
                name: "WaitlistEntries");
        }
    }
}
