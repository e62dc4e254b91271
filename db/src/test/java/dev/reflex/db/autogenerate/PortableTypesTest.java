package dev.reflex.db.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import org.hibernate.engine.jdbc.Size;
import org.hibernate.type.SqlTypes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The types a revision written on SQLite carries, and when two SQLite declarations are the same type, as tables:
 * no database. A row that changes says which type a changeset written on SQLite now gives PostgreSQL and MariaDB.
 */
class PortableTypesTest {
  @ParameterizedTest(name = "{0} {1}/{2}/{3}: {4}")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      BOOLEAN         | -   | -  | -  | BOOLEAN
      BIT             | -   | -  | -  | BOOLEAN
      TINYINT         | -   | -  | -  | TINYINT
      INTEGER         | -   | -  | -  | INT
      BIGINT          | -   | -  | -  | BIGINT
      NUMERIC         | -   | 12 | 2  | DECIMAL(12, 2)
      VARCHAR         | 80  | -  | -  | VARCHAR(80)
      DATE            | -   | -  | -  | DATE
      TIMESTAMP       | -   | -  | -  | TIMESTAMP(6)
      TIMESTAMP_UTC   | -   | 9  | -  | TIMESTAMP(6)
      TIMESTAMP_UTC   | -   | 3  | -  | TIMESTAMP(3)
      ARRAY           | -   | -  | -  | -
      """)
  void eachMappedTypeHasOneLiquibaseName(String jdbcType, Long length, Integer precision, Integer scale,
      String expected) throws ReflectiveOperationException {
    int code = SqlTypes.class.getField(jdbcType).getInt(null);

    assertThat(PortableTypes.of(code, new Size(precision, scale, length))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} ~ {1}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      numeric(12,2)  | DECIMAL(12, 2) | true
      integer        | INT            | true
      timestamp      | TIMESTAMP      | true
      boolean        | BOOLEAN        | true
      varchar(80)    | VARCHAR(80)    | true
      varchar(80)    | VARCHAR(120)   | false
      integer        | BIGINT         | false
      timestamp      | TEXT           | false
      """)
  void twoSqliteDeclarationsAreOneTypeWhenTheirNamesAndSizesAgree(String hibernate, String liquibase,
      boolean same) {
    assertThat(PortableTypes.canonical(hibernate).equals(PortableTypes.canonical(liquibase))).isEqualTo(same);
  }
}
