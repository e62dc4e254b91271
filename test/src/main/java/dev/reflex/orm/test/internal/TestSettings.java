package dev.reflex.orm.test.internal;

import dev.reflex.orm.ReflexConfigurer;
import dev.reflex.orm.test.Isolation;
import java.util.List;

/**
 * What a test class asked for, from its annotation or the extension's builder.
 *
 * @param isolation how its tests are kept apart
 * @param changelog the changelog, or {@code null} for the default one
 * @param types the application's classes to register
 * @param configurers the configurers to pass to the ORM
 * @param provider the provider's name, or {@code null} to let discovery choose
 * @param url the database to run beside, or {@code null} for {@code REFLEX_TEST_DB_URL} or the embedded default
 */
public record TestSettings(Isolation isolation, String changelog, List<Class<?>> types,
    List<ReflexConfigurer> configurers, String provider, String url) {
  /**
   * Copies the lists, so the settings stay immutable.
   *
   * @param isolation how its tests are kept apart
   * @param changelog the changelog, or {@code null} for the default one
   * @param types the application's classes to register
   * @param configurers the configurers to pass to the ORM
   * @param provider the provider's name, or {@code null}
   * @param url the database to run beside, or {@code null}
   */
  public TestSettings {
    types = List.copyOf(types);
    configurers = List.copyOf(configurers);
  }
}
