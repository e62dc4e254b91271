package dev.reflex.orm.hibernate;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexDatabaseBuilder;
import dev.reflex.orm.hibernate.model.Book;
import dev.reflex.orm.test.contract.ContractSchema;
import dev.reflex.orm.testing.Rows;
import java.sql.SQLException;

/** Builds a test database with the {@code book} table, created by the contract's changelog as migrations would. */
final class BookTable {
  private BookTable() {}

  static ReflexDatabase open(ReflexDatabaseBuilder builder) {
    ReflexDatabase db = builder.provider("hibernate").register(Book.class).build();
    try {
      ContractSchema.migrate(db.dataSource());
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }

  static int count(ReflexDatabase db) throws SQLException {
    return Rows.count(db);
  }
}
