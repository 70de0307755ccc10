using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ShareFlow.Workflows.Persistence.Migrations;

/// <summary>
/// PostgreSQL only: <c>shareflow_expect_row(matched, statement)</c>, which raises <see cref="RowWriter.ConflictSqlState"/>,
/// with the statement's number as its hint, unless an update or delete found exactly one row (or an expectation held).
/// With it a state change's write detects, inside the server, that a row was changed or removed by someone else since
/// it was read, and the whole write fails there: so it can be sent with its commit in one round trip
/// (<see cref="RowWriter"/>). SQLite checks the rows in the client, inside its transaction.
/// </summary>
[DbContext(typeof(ShareFlowDbContext))]
[Migration("20261122000017_ExpectedRowFunction")]
public sealed class ExpectedRowFunction : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (!ColumnTypes.IsPostgres(migrationBuilder))
        {
            return;
        }

        migrationBuilder.Sql($"""
            CREATE FUNCTION shareflow_expect_row(matched bigint, statement integer) RETURNS integer LANGUAGE plpgsql AS $$
            BEGIN
                IF matched IS DISTINCT FROM 1 THEN
                    RAISE EXCEPTION 'Checked statement % of the write found no row.', statement
                        USING ERRCODE = '{RowWriter.ConflictSqlState}', HINT = statement::text;
                END IF;
                RETURN 1;
            END
            $$;
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        ArgumentNullException.ThrowIfNull(migrationBuilder);
        if (ColumnTypes.IsPostgres(migrationBuilder))
        {
            migrationBuilder.Sql("DROP FUNCTION shareflow_expect_row(bigint, integer);");
        }
    }
}
