package dev.reflex.orm.test.internal;

import dev.reflex.orm.migrations.Migrations;
import dev.reflex.orm.InvalidUrlException;
import dev.reflex.orm.internal.DatabaseUrl;
import dev.reflex.orm.internal.UrlParser;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds the template for a test class: one per database and changelog for the whole run, kept in JUnit's
 * root store, which closes (drops) it when the run ends; a shutdown hook does so where JUnit does not.
 *
 * <p>Thread-safe.
 */
public final class Templates {
  /** The environment variable naming the database the tests run beside. */
  public static final String URL_VARIABLE = "REFLEX_TEST_DB_URL";
  /** The system property naming it, which wins over the variable. */
  public static final String URL_PROPERTY = "reflex.test.db.url";

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Templates.class);

  private Templates() {}

  /**
   * Returns the template for a test class, migrating it when the run has none for its database and changelog.
   *
   * @param settings the class's settings
   * @param context the class's context
   * @return the template
   */
  public static Template forClass(TestSettings settings, ExtensionContext context) {
    DatabaseUrl base = settings.url() != null ? parse(settings.url(), "ReflexExtension.builder().url(...)")
        : baseUrl();
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    String key = (base == null ? "embedded" : base.jdbcUrl() + "|" + base.user()) + "|" + settings.changelog()
        + "|" + System.identityHashCode(loader);
    return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(key, k -> {
      Migrations migrations = settings.changelog() == null ? Migrations.ofDefaultChangelog()
          : Migrations.of(settings.changelog());
      Template template = Template.create(base, migrations.classLoader(loader));
      Runtime.getRuntime().addShutdownHook(new Thread(template::close, "reflex-test-drop-template"));
      return template;
    }, Template.class);
  }

  /** @return the database named by {@value #URL_PROPERTY} or {@value #URL_VARIABLE}, or {@code null} */
  static DatabaseUrl baseUrl() {
    String origin = URL_PROPERTY;
    String url = System.getProperty(URL_PROPERTY);
    if (url == null || url.isBlank()) {
      origin = URL_VARIABLE;
      url = System.getenv(URL_VARIABLE);
    }
    if (url == null || url.isBlank()) {
      return null;
    }
    return parse(url, origin);
  }

  private static DatabaseUrl parse(String url, String origin) {
    try {
      return UrlParser.parse(url.strip());
    } catch (InvalidUrlException e) {
      throw new InvalidUrlException(e.getMessage() + " (set by " + origin + ")", e);
    }
  }
}
