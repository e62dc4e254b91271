package dev.reflex.orm.hibernate;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexDatabaseBuilder;
import dev.reflex.orm.hibernate.model.Book;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Builds a test database with the {@code book} table, created with plain SQL as migrations would. */
final class BookTable {
  private BookTable() {}

  static ReflexDatabase open(ReflexDatabaseBuilder builder) throws SQLException {
    ReflexDatabase db = builder.provider("hibernate").register(Book.class).build();
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("create table book (id bigint primary key, title varchar(200) not null)");
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    }
    return db;
  }

  static int count(ReflexDatabase db) throws SQLException {
    try (Connection connection = db.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("select count(*) from book")) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
