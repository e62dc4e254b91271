package dev.reflex.db;

import java.sql.Types;
import org.hibernate.community.dialect.SQLiteDialect;

/**
 * Hibernate's SQLite dialect for its {@code validate}, knowing that SQLite's {@code INTEGER} holds a {@code Long}.
 * SQLite numbers the rows of an {@code INTEGER PRIMARY KEY} only, so a {@code Long} IDENTITY id must be declared
 * {@code INTEGER} there; Hibernate 7.4's dialect creates it so ({@code id integer}, or with no type at all) and then
 * rejects it ("found integer, expecting bigint"), whoever made the schema. Every other check stays Hibernate's.
 */
public class SqliteLongIdDialect extends SQLiteDialect {
  /** Hibernate makes the dialect by reflection. */
  public SqliteLongIdDialect() {}

  @Override
  public boolean equivalentTypes(int mapped, int found) {
    return super.equivalentTypes(mapped, found) || mapped == Types.BIGINT && found == Types.INTEGER;
  }
}
