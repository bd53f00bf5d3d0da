using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace DrChongClinic.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Scale_WorkLeasesAndCacheStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CacheStamps",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Value = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CacheStamps", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "WorkLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Holder = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    LeasedUntilUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkLeases", x => x.Name);
                });

            migrationBuilder.InsertData(
                table: "CacheStamps",
                columns: new[] { "Name", "Value" },
                values: new object[] { "schedule", new Guid("00000000-0000-0000-0000-000000000000") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CacheStamps");

            migrationBuilder.DropTable(
                name: "WorkLeases");
        }
    }
}
