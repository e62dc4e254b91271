package dev.reflex.orm.test;

import dev.reflex.orm.ReflexConfigurer;
import dev.reflex.orm.ReflexException;
import dev.reflex.orm.test.internal.TestSettings;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Builds a {@link ReflexExtension} with settings chosen in code, for {@code @RegisterExtension}. The
 * defaults are those of {@link ReflexTest}.
 *
 * <p>Not thread-safe; the extension built is immutable.
 */
public final class ReflexExtensionBuilder {
  private Isolation isolation = Isolation.ROLLBACK;
  private String changelog;
  private final List<Class<?>> types = new ArrayList<>();
  private final List<ReflexConfigurer> configurers = new ArrayList<>();
  private String provider;
  private String url;

  ReflexExtensionBuilder() {}

  /**
   * @param isolation how the tests are kept apart
   * @return this builder
   */
  public ReflexExtensionBuilder isolation(Isolation isolation) {
    this.isolation = Objects.requireNonNull(isolation, "isolation");
    return this;
  }

  /**
   * @param changelog a file under the working directory or a class path resource
   * @return this builder
   */
  public ReflexExtensionBuilder changelog(String changelog) {
    this.changelog = Objects.requireNonNull(changelog, "changelog");
    return this;
  }

  /**
   * @param classes the application's classes: entities, mapper interfaces, SqlObject types
   * @return this builder
   */
  public ReflexExtensionBuilder register(Class<?>... classes) {
    types.addAll(Arrays.asList(classes));
    return this;
  }

  /**
   * @param configurers configurers to pass to the ORM
   * @return this builder
   */
  public ReflexExtensionBuilder configure(ReflexConfigurer... configurers) {
    this.configurers.addAll(Arrays.asList(configurers));
    return this;
  }

  /**
   * @param name the provider to use when several are present
   * @return this builder
   */
  public ReflexExtensionBuilder provider(String name) {
    this.provider = Objects.requireNonNull(name, "name");
    return this;
  }

  /**
   * Chooses the database the tests run beside, in place of {@code REFLEX_TEST_DB_URL} and the embedded default:
   * a server (its databases are made beside the one named), {@code h2:mem:}, {@code sqlite:///:memory:} (each
   * class or test gets a database in memory) or any {@code sqlite:///} file URL (each gets a file of its own in
   * a temporary folder). For a suite that runs on several databases, one nested class each.
   *
   * @param url a URL as {@code REFLEX_TEST_DB_URL} takes it, checked when the extension first runs
   * @return this builder
   */
  public ReflexExtensionBuilder url(String url) {
    this.url = Objects.requireNonNull(url, "url");
    return this;
  }

  /** @return the extension */
  public ReflexExtension build() {
    return new ReflexExtension(new TestSettings(isolation, changelog, types, configurers, provider, url));
  }

  /** @return the settings of the {@link ReflexTest} on the test class, or on a class it is nested in */
  static TestSettings fromAnnotation(ExtensionContext context) {
    for (Class<?> type = context.getRequiredTestClass(); type != null; type = type.getEnclosingClass()) {
      ReflexTest annotation = type.getAnnotation(ReflexTest.class);
      if (annotation != null) {
        List<ReflexConfigurer> configurers = new ArrayList<>();
        for (Class<? extends ReflexConfigurer> configurer : annotation.configure()) {
          configurers.add(instantiate(configurer));
        }
        String changelog = annotation.changelog().isEmpty() ? null : annotation.changelog();
        String provider = annotation.provider().isEmpty() ? null : annotation.provider();
        return new TestSettings(annotation.isolation(), changelog, Arrays.asList(annotation.register()), configurers,
            provider, null);
      }
    }
    return new TestSettings(Isolation.ROLLBACK, null, List.of(), List.of(), null, null);
  }

  private static ReflexConfigurer instantiate(Class<? extends ReflexConfigurer> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (InvocationTargetException e) {
      throw new ReflexException("The configurer " + type.getName() + " failed in its constructor: "
          + e.getCause() + "; fix it, or pass an instance with ReflexExtension.builder().configure(...)", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new ReflexException("The configurer " + type.getName() + " named in @ReflexTest cannot be built: it"
          + " needs a public no-argument constructor (" + e + "); or pass an instance with"
          + " ReflexExtension.builder().configure(...)", e);
    }
  }
}
