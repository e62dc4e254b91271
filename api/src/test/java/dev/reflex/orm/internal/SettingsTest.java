package dev.reflex.orm.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reflex.orm.InvalidConfigurationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings: precedence, defaults, and one line for each bad value. */
class SettingsTest {
  private static Settings settings(Map<String, String> environment, Map<String, String> properties) {
    return new Settings(environment::get, properties::get);
  }

  @Test
  void nothingSetGivesTheDefaults() {
    Settings settings = settings(Map.of(), Map.of());
    assertThat(settings.url()).isEqualTo(new Settings.Value("sqlite:///reflex.db", "default"));
    assertThat(settings.poolSize()).isEqualTo(10);
    assertThat(settings.poolTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.echo()).isFalse();
    assertThat(settings.provider()).isNull();
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironment() {
    Settings settings = settings(Map.of("REFLEX_DB_URL", "postgresql://env/db", "REFLEX_ORM_PROVIDER", "jdbi"),
        Map.of("reflex.db.url", "h2://", "reflex.orm.provider", "mybatis"));
    assertThat(settings.url()).isEqualTo(new Settings.Value("h2://", "system property reflex.db.url"));
    assertThat(settings.provider()).isEqualTo(new Settings.Value("mybatis", "system property reflex.orm.provider"));
  }

  @Test
  void theEnvironmentIsReadAndAnEmptyValueCountsAsUnset() {
    assertThat(settings(Map.of("REFLEX_DB_URL", "postgresql://env/db"), Map.of()).url())
        .isEqualTo(new Settings.Value("postgresql://env/db", "REFLEX_DB_URL"));
    assertThat(settings(Map.of("REFLEX_DB_URL", ""), Map.of("reflex.db.url", " ")).url().origin())
        .isEqualTo("default");
    Settings tuned = settings(Map.of("REFLEX_DB_POOL_SIZE", "3", "REFLEX_DB_POOL_TIMEOUT", "0.5",
        "REFLEX_DB_ECHO", "TRUE"), Map.of());
    assertThat(tuned.poolSize()).isEqualTo(3);
    assertThat(tuned.poolTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(tuned.echo()).isTrue();
  }

  @ParameterizedTest(name = "[{index}] {0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      REFLEX_DB_POOL_SIZE    | abc   | REFLEX_DB_POOL_SIZE must be a whole number from 1 to 1000, got "abc"
      REFLEX_DB_POOL_SIZE    | 0     | REFLEX_DB_POOL_SIZE must be a whole number from 1 to 1000, got 0
      REFLEX_DB_POOL_SIZE    | -1    | REFLEX_DB_POOL_SIZE must be a whole number from 1 to 1000, got -1
      REFLEX_DB_POOL_SIZE    | 1001  | REFLEX_DB_POOL_SIZE must be a whole number from 1 to 1000, got 1001
      REFLEX_DB_POOL_SIZE    | 2.5   | REFLEX_DB_POOL_SIZE must be a whole number from 1 to 1000, got "2.5"
      REFLEX_DB_POOL_TIMEOUT | abc   | REFLEX_DB_POOL_TIMEOUT must be a number of seconds from 0.25 to 3600, got "abc"
      REFLEX_DB_POOL_TIMEOUT | 0     | REFLEX_DB_POOL_TIMEOUT must be a number of seconds from 0.25 to 3600, got "0"
      REFLEX_DB_POOL_TIMEOUT | -5    | REFLEX_DB_POOL_TIMEOUT must be a number of seconds from 0.25 to 3600, got "-5"
      REFLEX_DB_POOL_TIMEOUT | 7200  | REFLEX_DB_POOL_TIMEOUT must be a number of seconds from 0.25 to 3600, got "7200"
      REFLEX_DB_POOL_TIMEOUT | NaN   | REFLEX_DB_POOL_TIMEOUT must be a number of seconds from 0.25 to 3600, got "NaN"
      REFLEX_DB_ECHO         | maybe | REFLEX_DB_ECHO must be true or false, got "maybe"
      """)
  void aBadValueFailsWithOneLineNamingTheSetting(String variable, String value, String message) {
    Settings settings = settings(Map.of(variable, value), Map.of());
    assertThatThrownBy(() -> {
      settings.poolSize();
      settings.poolTimeout();
      settings.echo();
    }).isInstanceOf(InvalidConfigurationException.class).hasMessage(message);
  }
}
