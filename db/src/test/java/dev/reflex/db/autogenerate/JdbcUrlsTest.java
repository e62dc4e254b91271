package dev.reflex.db.autogenerate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The scratch database's URLs, derived from the target's. */
class JdbcUrlsTest {
  @Test
  void scratchDatabaseReplacesTheDatabaseAndKeepsTheParameters() {
    assertThat(JdbcUrls.withDatabase("jdbc:mariadb://db:3306/app?useSsl=true&x=/y", "s"))
        .isEqualTo("jdbc:mariadb://db:3306/s?useSsl=true&x=/y");
    assertThat(JdbcUrls.withDatabase("jdbc:mariadb://db:3306?x=/y", "s")).isEqualTo("jdbc:mariadb://db:3306/s?x=/y");
    assertThat(JdbcUrls.withDatabase("jdbc:mysql://db/app", "s")).isEqualTo("jdbc:mysql://db/s");
  }

  @Test
  void scratchSchemaReplacesAnyCurrentSchema() {
    assertThat(JdbcUrls.withParameter("jdbc:postgresql://db/app", "currentSchema", "s"))
        .isEqualTo("jdbc:postgresql://db/app?currentSchema=s");
    assertThat(JdbcUrls.withParameter("jdbc:postgresql://db/app?currentSchema=old&ssl=true", "currentSchema", "s"))
        .isEqualTo("jdbc:postgresql://db/app?ssl=true&currentSchema=s");
    assertThat(JdbcUrls.withParameter("jdbc:postgresql://db/app?ssl=true&currentSchema=old", "currentSchema", "s"))
        .isEqualTo("jdbc:postgresql://db/app?ssl=true&currentSchema=s");
  }
}
