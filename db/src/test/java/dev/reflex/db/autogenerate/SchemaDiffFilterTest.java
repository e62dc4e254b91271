package dev.reflex.db.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import liquibase.change.AddColumnConfig;
import liquibase.change.Change;
import liquibase.change.ColumnConfig;
import liquibase.change.ConstraintsConfig;
import liquibase.change.core.AddColumnChange;
import liquibase.change.core.CreateIndexChange;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.DropColumnChange;
import liquibase.change.core.DropForeignKeyConstraintChange;
import liquibase.change.core.DropNotNullConstraintChange;
import liquibase.change.core.DropTableChange;
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
      dropNotNullConstraint pet.name     | false | kept
      dropTable owner                    | false | left out
      dropTable owner                    | true  | kept
      dropColumn pet.nickname            | false | left out
      dropColumn pet.nickname            | true  | kept
      dropForeignKeyConstraint fk_owner  | false | left out
      dropForeignKeyConstraint fk_owner  | true  | kept
      """)
  void eachChangeIsKeptLeftOutOrDropped(String change, boolean allowDrops, String expected) {
    Change liquibase = change(change);

    SchemaDiff diff = SchemaDiff.filter(List.of(liquibase), PRIMARY_KEYS, allowDrops, IDENTITIES);

    String outcome = diff.changes().contains(liquibase) ? "kept" : diff.leftOut().contains(liquibase) ? "left out"
        : "gone";
    assertThat(outcome).isEqualTo(expected);
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

    SchemaDiff.filter(List.of(create), Set.of(), false, IDENTITIES);

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

    SchemaDiff.filter(List.of(add), Set.of(), false, IDENTITIES);

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
