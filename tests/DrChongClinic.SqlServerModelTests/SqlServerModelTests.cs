using DrChongClinic.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.Dac;
using Microsoft.SqlServer.Dac.Model;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using DatabaseOptions = DrChongClinic.Infrastructure.Data.DatabaseOptions;
using SqlIndex = Microsoft.SqlServer.Dac.Model.Index;

namespace DrChongClinic.SqlServerModelTests;

/// <summary>
/// SQL Server, proven without a server: the SQL Server migrations' script is built into a SQL Server 2022 model
/// with DacFx, which resolves every table, column, key and index the way SQL Server would.
/// </summary>
public sealed class SqlServerModelTests
{
    private static readonly Lazy<TSqlModel> Model = new(BuildModel);

    [Fact]
    public void The_sql_server_migration_script_builds_a_sql_server_2022_model_without_errors()
    {
        var errors = Model.Value.Validate().Where(m => m.MessageType == DacMessageType.Error).Select(m => m.ToString()).ToList();

        Assert.Empty(errors);
    }

    [Fact]
    public void The_model_has_the_clinics_tables()
    {
        var tables = Model.Value.GetObjects(DacQueryScopes.UserDefined, Table.TypeClass).Select(t => t.Name.Parts[^1]).ToList();

        Assert.Subset(tables.ToHashSet(), new HashSet<string>
        {
            "Treatments", "Practitioners", "WorkingHours", "Closures", "Appointments", "AppointmentSlots", "AppointmentChanges",
            "OutboxMessages", "AuditEntries", "AspNetUsers", "AspNetRoles", "AspNetUserRoles",
        });
    }

    [Theory]
    [InlineData("AppointmentSlots", "PractitionerId,CellStartUtc")] // the double-booking guard: one appointment per diary cell
    [InlineData("Appointments", "Reference")]
    [InlineData("Appointments", "ManageTokenHash")]
    [InlineData("Appointments", "SubmissionId")]
    [InlineData("Treatments", "Code")]
    public void The_model_has_the_unique_indexes_the_booking_rules_rely_on(string table, string columns)
    {
        var unique = Model.Value.GetObjects(DacQueryScopes.UserDefined, SqlIndex.TypeClass)
            .Where(index => index.GetProperty<bool>(SqlIndex.Unique))
            .Where(index => index.GetReferenced(SqlIndex.IndexedObject).Single().Name.Parts[^1] == table)
            .Select(index => string.Join(",", index.GetReferenced(SqlIndex.Columns).Select(column => column.Name.Parts[^1])))
            .ToList();

        Assert.Contains(columns, unique);
    }

    /// <summary>
    /// The plain (not idempotent) script of every SQL Server migration, as <c>dotnet ef migrations script</c> writes it,
    /// built into a model. A model holds object definitions, not a history of changes, so of each batch only the DDL
    /// is kept (CREATE TABLE, CREATE INDEX, ALTER TABLE), and a later migration's ALTER TABLE ... ADD column is folded
    /// into its table's CREATE TABLE (DacFx refuses columns added by ALTER TABLE: SQL70645). Left out: the
    /// <c>__EFMigrationsHistory</c> table and its INSERTs, BEGIN/COMMIT TRANSACTION, and the seed data's INSERTs and
    /// SET IDENTITY_INSERT (data, not schema).
    /// </summary>
    private static TSqlModel BuildModel()
    {
        var options = new DbContextOptionsBuilder<ClinicDbContext>();
        ClinicDatabase.Configure(options, new DatabaseOptions { Provider = DatabaseProvider.SqlServer, ConnectionString = "Server=unused;Database=unused" }, Path.GetTempPath());
        using var db = new ClinicDbContext(options.Options);
        var script = db.GetService<IMigrator>().GenerateScript();

        var parsed = (TSqlScript)new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(script), out var parseErrors);
        Assert.Empty(parseErrors.Select(e => $"line {e.Line}: {e.Message}"));
        var statements = parsed.Batches.SelectMany(batch => batch.Statements)
            .Where(s => s is CreateTableStatement or CreateIndexStatement or AlterTableStatement)
            .Where(s => !Name(s).Contains("__EFMigrationsHistory", StringComparison.Ordinal))
            .ToList();
        var tables = statements.OfType<CreateTableStatement>().ToDictionary(Name);
        foreach (var added in statements.OfType<AlterTableAddTableElementStatement>().Where(a => a.Definition.ColumnDefinitions.Count > 0).ToList())
        {
            var table = tables[Name(added)].Definition;
            foreach (var column in added.Definition.ColumnDefinitions)
            {
                table.ColumnDefinitions.Add(column);
            }

            Assert.Empty(added.Definition.TableConstraints); // EF adds a column on its own; constraints come in their own statements
            statements.Remove(added);
        }

        var model = new TSqlModel(SqlServerVersion.Sql160, new TSqlModelOptions());
        var generator = new Sql160ScriptGenerator();
        foreach (var statement in statements)
        {
            generator.GenerateScript(statement, out var sql);
            model.AddObjects(sql);
        }

        return model;
    }

    private static string Name(TSqlStatement statement) => statement switch
    {
        CreateTableStatement create => create.SchemaObjectName.BaseIdentifier.Value,
        AlterTableStatement alter => alter.SchemaObjectName.BaseIdentifier.Value,
        CreateIndexStatement index => index.OnName.BaseIdentifier.Value,
        _ => "",
    };
}
