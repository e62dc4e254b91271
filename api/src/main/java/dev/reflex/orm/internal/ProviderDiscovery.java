package dev.reflex.orm.internal;

import dev.reflex.orm.NoProviderException;
import dev.reflex.orm.UnknownProviderException;
import dev.reflex.orm.spi.ReflexProvider;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the provider to use with {@link ServiceLoader}, in the manner of SLF4J: a provider that fails to
 * load is reported and skipped; several providers without an explicit choice give one warning; none gives
 * an error that names the fix.
 *
 * <p>Thread-safe (stateless).
 */
public final class ProviderDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(ProviderDiscovery.class);

  static final String ARTIFACTS = "dev.reflex:reflex-orm-hibernate, dev.reflex:reflex-orm-mybatis or"
      + " dev.reflex:reflex-orm-jdbi";

  private ProviderDiscovery() {}

  /**
   * Chooses a provider among those the current thread's context class loader and the module graph offer.
   *
   * @param choice the explicit choice and where it came from, or {@code null} for the first found
   * @return the provider
   */
  public static ReflexProvider select(Settings.Value choice) {
    return select(ServiceLoader.load(ReflexProvider.class), choice);
  }

  static ReflexProvider select(ServiceLoader<ReflexProvider> loader, Settings.Value choice) {
    List<ReflexProvider> found = load(loader);
    if (choice != null) {
      for (ReflexProvider provider : found) {
        if (provider.name().equalsIgnoreCase(choice.value())) {
          return provider;
        }
      }
      throw new UnknownProviderException(choice.origin() + " names the provider \"" + choice.value()
          + "\", which is not on the class path or module path (found: " + describe(found)
          + "): set it to one of those, or add the jar of the provider \"" + choice.value() + "\"");
    }
    if (found.isEmpty()) {
      throw new NoProviderException("No reflex-orm provider found on the class path or module path: add "
          + ARTIFACTS + " (on the module path, also add 'requires dev.reflex.orm.hibernate;' or"
          + " dev.reflex.orm.mybatis or dev.reflex.orm.jdbi to your module-info.java)");
    }
    ReflexProvider chosen = found.get(0);
    if (found.size() > 1) {
      LOG.warn("Several reflex-orm providers found: {}; using {}. Choose one with REFLEX_ORM_PROVIDER,"
          + " -Dreflex.orm.provider or ReflexDatabase.builder().provider(name), or keep one provider jar",
          describe(found), chosen.name());
    }
    return chosen;
  }

  private static List<ReflexProvider> load(ServiceLoader<ReflexProvider> loader) {
    List<ReflexProvider> found = new ArrayList<>();
    Iterator<ReflexProvider> it = loader.iterator();
    for (int errors = 0; errors < 100; ) {
      try {
        if (!it.hasNext()) {
          return found;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        // report and go on: one broken jar must not hide the others (ServiceLoader resumes after an error)
        LOG.warn("Skipped a reflex-orm provider that failed to load: {}", rootMessage(e), e);
        errors++;
      }
    }
    return found;
  }

  private static String rootMessage(Throwable e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append(": ").append(cause);
    }
    return text.toString();
  }

  static String describe(List<ReflexProvider> providers) {
    if (providers.isEmpty()) {
      return "none";
    }
    return providers.stream().map(p -> p.name() + " (" + origin(p.getClass()) + ")")
        .collect(Collectors.joining(", "));
  }

  /** Where a class comes from: its module name, or its jar or folder on the class path. */
  static String origin(Class<?> type) {
    if (type.getModule().isNamed()) {
      return "module " + type.getModule().getName();
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "class path";
    }
    try {
      return Path.of(source.getLocation().toURI()).toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }
}
