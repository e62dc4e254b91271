package dev.reflex.orm.test.internal;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.internal.UrlParser;

/**
 * On SQLite in memory ({@code sqlite:///:memory:}): a file migrated once, as for {@link SqliteTemplate}, and for
 * each test class or test a new in-memory database that SQLite's backup API fills from it ({@code restore from},
 * of the SQLite driver), so nothing runs a changeset again.
 */
final class SqliteMemoryTemplate extends Template {
  private final SqliteTemplate file;

  SqliteMemoryTemplate(Migrations migrations) {
    this.file = new SqliteTemplate(migrations);
  }

  @Override
  public Copy copy() {
    String name = uniqueName("reflex_test");
    // a named shared-cache database, as the library makes of sqlite:///:memory:, so the pool sees this one
    return inMemory(name, UrlParser.parse("jdbc:sqlite:file:" + name + "?mode=memory&cache=shared"),
        "restore from '" + file.file() + "'",
        "Unable to load the migrated SQLite template into memory (" + name + ")");
  }

  @Override
  public void close() {
    file.close();
  }
}
