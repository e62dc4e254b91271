package dev.reflex.db.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.AddDefaultValueChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropDefaultValueChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.DropTableChange;
import liquibase.change.core.ModifyDataTypeChange;
import liquibase.statement.DatabaseFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What reflex-db keeps of the changes Liquibase 4.33's comparison generates, as a table of Liquibase's own change
 * objects, as Alembic's test_autogen_diffs.py tests its comparison: no database. After a Liquibase upgrade a row that
 * changes says which of reflex-db's corrections no longer applies.
 */
class SchemaDiffFilterTest {
  private static final Set<String> PRIMARY_KEYS = Set.of(SchemaDiff.key("pet", "id"));
  private static final Set<String> IDENTITIES = Set.of(SchemaDiff.key("pet", "id"), SchemaDiff.key("visit", "id"));

  @ParameterizedTest(name = "{0}, allow drops {1}")
  @CsvSource(delimiter = '|', textBlock = """
      createTable pet                    | false | kept
      addColumn pet.name                 | false | kept
      createIndex pet_name               | false | kept
      dropNotNullConstraint pet.id       | false | gone
      dropNotNullConstraint pet.name     | false | left out
      dropNotNullConstraint pet.name     | true  | kept
      dropDefaultValue pet.name          | false | left out
      addDefaultValue pet.name           | false | gone
      addDefaultValue pet.name=NULL      | false | gone
      addDefaultValue pet.name=text:NULL | false | gone
      addDefaultValue pet.name='x'       | false | kept
      dropDefaultValue pet.name          | true  | kept
      dropTable owner                    | false | left out
      dropTable owner                    | true  | kept
      dropColumn pet.nickname            | false | left out
      dropColumn pet.nickname            | true  | kept
      dropForeignKeyConstraint fk_owner  | false | left out
      dropForeignKeyConstraint fk_owner  | true  | kept
      """)
  void eachChangeIsKeptLeftOutOrDropped(String change, boolean allowDrops, String expected) {
    Change liquibase = change(change);

    SchemaDiff diff = SchemaDiff.filter(List.of(liquibase), PRIMARY_KEYS, allowDrops, IDENTITIES, Map.of());

    String outcome = diff.changes().contains(liquibase) ? "kept" : diff.leftOut().contains(liquibase) ? "left out"
        : "gone";
    assertThat(outcome).isEqualTo(expected);
  }

  /**
   * A type change is written only when it provably widens the live column (issue 24 item 9: {@code text} to
   * {@code varchar(255)} was written without {@code --allow-drops} and cut values on update); the live types are as
   * Liquibase's snapshot of PostgreSQL and MariaDB reports them.
   */
  @ParameterizedTest(name = "{0} to {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      text              | VARCHAR(255)   | left out
      VARCHAR(255)      | TEXT           | kept
      VARCHAR(80)       | VARCHAR(120)   | kept
      VARCHAR(120)      | VARCHAR(80)    | left out
      varchar(255)      | CHAR(10)       | left out
      int4(10)          | BIGINT         | kept
      BIGINT(19)        | INT            | left out
      INT(10)           | INT            | kept
      numeric(19, 2)    | DECIMAL(19, 2) | kept
      numeric(19, 4)    | DECIMAL(19, 2) | left out
      numeric(10, 2)    | DECIMAL(12, 2) | kept
      numeric(12, 2)    | DECIMAL(12, 4) | left out
      float8(17, 17)    | REAL           | left out
      timestamp(29, 6)  | TIMESTAMP(6)   | kept
      DATETIME(26)      | TIMESTAMP      | kept
      jsonb(2147483647) | TEXT           | left out
      bytea(2147483647) | VARCHAR(255)   | left out
      """)
  void aTypeChangeIsWrittenOnlyWhenItWidens(String live, String proposed, String expected) {
    ModifyDataTypeChange change = new ModifyDataTypeChange();
    change.setTableName("pet");
    change.setColumnName("name");
    change.setNewDataType(proposed);

    SchemaDiff diff = SchemaDiff.filter(List.of(change), PRIMARY_KEYS, false, IDENTITIES,
        Map.of(SchemaDiff.key("pet", "name"), live));

    assertThat(diff.changes().contains(change) ? "kept" : "left out").isEqualTo(expected);
    assertThat(diff.lossy(change)).as("the reason shown").isEqualTo(expected.equals("kept") ? null
        : "values of " + live + " may not fit " + proposed);
  }

  @ParameterizedTest(name = "{0}.{1} named {2}")
  @CsvSource(delimiter = '|', textBlock = """
      pet   | id   | CONSTRAINT_8   | true  |
      visit | id   | PK_VISIT       | true  | PK_VISIT
      owner | id   | CONSTRAINT_4A  | false |
      owner | name |                | false |
      """)
  void aNewTableKeepsItsIdentitiesAndForgetsH2sGeneratedKeyNames(String table, String column, String keyName,
      boolean autoIncrement, String keptName) {
    CreateTableChange create = new CreateTableChange();
    create.setTableName(table);
    ColumnConfig config = new ColumnConfig().setName(column).setType("bigint");
    config.setConstraints(new ConstraintsConfig().setPrimaryKey(keyName != null).setPrimaryKeyName(keyName));
    create.addColumn(config);

    SchemaDiff.filter(List.of(create), Set.of(), false, IDENTITIES, Map.of());

    assertThat(config.isAutoIncrement()).as("autoIncrement").isEqualTo(autoIncrement ? Boolean.TRUE : null);
    assertThat(config.getConstraints().getPrimaryKeyName()).isEqualTo(keptName);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"visit, true", "pet_type, false"})
  void anAddedIdentityColumnIsWrittenAutoIncrement(String table, boolean autoIncrement) {
    AddColumnChange add = new AddColumnChange();
    add.setTableName(table);
    AddColumnConfig column = new AddColumnConfig();
    column.setName("id");
    add.addColumn(column);

    SchemaDiff.filter(List.of(add), Set.of(), false, IDENTITIES, Map.of());

    assertThat(column.isAutoIncrement()).isEqualTo(autoIncrement ? Boolean.TRUE : null);
  }

  /** @return a change object for "kind table[.column]" */
  private static Change change(String text) {
    String[] parts = text.split(" ");
    String table = parts[1].contains(".") ? parts[1].substring(0, parts[1].indexOf('.')) : parts[1];
    String column = parts[1].contains(".") ? parts[1].substring(parts[1].indexOf('.') + 1) : null;
    switch (parts[0]) {
      case "createTable": {
        CreateTableChange change = new CreateTableChange();
        change.setTableName(table);
        change.addColumn(new ColumnConfig().setName("id").setType("bigint"));
        return change;
      }
      case "addColumn": {
        AddColumnChange change = new AddColumnChange();
        change.setTableName(table);
        AddColumnConfig config = new AddColumnConfig();
        config.setName(column);
        change.addColumn(config);
        return change;
      }
      case "createIndex": {
        CreateIndexChange change = new CreateIndexChange();
        change.setIndexName(table);
        change.setTableName("pet");
        return change;
      }
      case "dropNotNullConstraint": {
        DropNotNullConstraintChange change = new DropNotNullConstraintChange();
        change.setTableName(table);
        change.setColumnName(column);
        return change;
      }
      case "addDefaultValue": {
        AddDefaultValueChange change = new AddDefaultValueChange();
        change.setTableName(table);
        String[] value = column.split("=", 2);
        change.setColumnName(value[0]);
        if (value.length > 1 && value[1].startsWith("text:")) {
          change.setDefaultValue(value[1].substring("text:".length()));
        } else if (value.length > 1 && value[1].equals("NULL")) {
          change.setDefaultValueComputed(new DatabaseFunction("NULL"));
        } else if (value.length > 1) {
          change.setDefaultValue(value[1]);
        }
        return change;
      }
      case "dropDefaultValue": {
        DropDefaultValueChange change = new DropDefaultValueChange();
        change.setTableName(table);
        change.setColumnName(column);
        return change;
      }
      case "dropTable": {
        DropTableChange change = new DropTableChange();
        change.setTableName(table);
        return change;
      }
      case "dropColumn": {
        DropColumnChange change = new DropColumnChange();
        change.setTableName(table);
        change.setColumnName(column);
        return change;
      }
      case "dropForeignKeyConstraint": {
        DropForeignKeyConstraintChange change = new DropForeignKeyConstraintChange();
        change.setConstraintName(table);
        change.setBaseTableName("pet");
        return change;
      }
      default:
        throw new IllegalArgumentException(text);
    }
  }
}
