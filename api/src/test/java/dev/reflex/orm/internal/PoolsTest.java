package dev.reflex.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The pool's settings for each kind of database, as built, before any connection. */
class PoolsTest {
  private static HikariConfig config(String url) {
    DatabaseUrl parsed = UrlParser.parse(url);
    return Pools.config(parsed, Pools.poolUrl(parsed), 4, Duration.ofSeconds(30));
  }

  @ParameterizedTest
  @CsvSource({
      "postgresql://app@db:5432/app, 300",
      "mariadb://app@db:3306/app, 300000",
      "mysql://app@db:3306/app, 300000",
      "jdbc:postgresql://db:5432/app, 300"})
  void aServerConnectionWaitsForAnAnswerAtMostFiveMinutesByDefault(String url, String socketTimeout) {
    assertThat(config(url).getDataSourceProperties().getProperty("socketTimeout")).isEqualTo(socketTimeout);
  }

  @ParameterizedTest
  @CsvSource({
      "postgresql://app@db:5432/app?socketTimeout=0, socketTimeout=0",
      "mariadb://app@db:3306/app?socketTimeout=2000, socketTimeout=2000",
      "jdbc:postgresql://db:5432/app?sockettimeout=7, sockettimeout=7"})
  void aSocketTimeoutInTheUrlWins(String url, String written) {
    HikariConfig config = config(url);
    assertThat(config.getDataSourceProperties()).doesNotContainKey("socketTimeout");
    assertThat(config.getJdbcUrl()).contains(written);
  }

  @ParameterizedTest
  @CsvSource({"sqlite:///:memory:", "h2:///:memory:"})
  void anEmbeddedDatabaseHasNoSocket(String url) {
    assertThat(config(url).getDataSourceProperties()).doesNotContainKey("socketTimeout");
  }
}
