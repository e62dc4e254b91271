package dev.reflex.orm.internal;

import java.lang.reflect.InvocationTargetException;
import java.sql.Driver;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * The MariaDB driver's high-availability modes, read from the driver on the class path or module path itself (its
 * {@code org.mariadb.jdbc.export.HaMode} enum), never from a copy: every mode that driver takes is accepted, each
 * spelling it takes ({@code load-balance} and {@code loadbalance} alike), and a refusal lists the driver's own modes.
 * The API does not depend on the driver, so it is reached by reflection; without the driver the mode is passed on
 * as written, and the missing jar is said when the pool starts ({@link Drivers}).
 *
 * <p>Thread-safe (stateless).
 */
final class MariaDbModes {
  private static final String DRIVER = "org.mariadb.jdbc.Driver";
  private static final String HA_MODE = "org.mariadb.jdbc.export.HaMode";

  private MariaDbModes() {}

  /**
   * The mode as the JDBC URL's mode part, written as the driver writes it in the URLs it makes
   * ({@code Configuration.buildUrl}: the constant's name in lower case, {@code _} as {@code -}).
   *
   * @param value the {@code haMode} the user wrote, decoded
   * @param masked the URL to show in a message
   * @return the mode part, such as {@code load-balance-read}; empty for the driver's {@code NONE}
   * @throws dev.reflex.orm.InvalidUrlException listing the driver's modes when the driver does not take the value
   */
  static String jdbcMode(String value, String masked) {
    Class<?> haMode = haModeOfTheDriver();
    if (haMode == null) {
      return value.toLowerCase(Locale.ROOT);
    }
    Object mode;
    try {
      mode = haMode.getMethod("from", String.class).invoke(null, value);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException) {
        throw UrlParser.invalid(masked, "has haMode=" + value + ": the MariaDB driver's modes are "
            + String.join(", ", modes(haMode)));
      }
      throw new IllegalStateException("The MariaDB driver failed to read haMode=" + value, e.getCause());
    } catch (ReflectiveOperationException e) {
      // a driver whose HaMode has no from(String): it reads the URL itself
      return value.toLowerCase(Locale.ROOT);
    }
    String name = ((Enum<?>) mode).name();
    return name.equals("NONE") ? "" : written(name);
  }

  /** @return the driver's modes, in its order, as written in a URL */
  static List<String> modes(Class<?> haMode) {
    return Arrays.stream(haMode.getEnumConstants()).map(mode -> written(((Enum<?>) mode).name()))
        .collect(Collectors.toList());
  }

  private static String written(String name) {
    return name.toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** @return the driver's HaMode enum, from the loader that has the driver, or {@code null} without it */
  static Class<?> haModeOfTheDriver() {
    try {
      return Class.forName(HA_MODE, false, MariaDbModes.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      // in a module layer or an application's class loader of its own: where ServiceLoader finds the driver
    }
    Iterator<Driver> drivers = ServiceLoader.load(Driver.class).iterator();
    for (int errors = 0; errors < 100; ) {
      try {
        if (!drivers.hasNext()) {
          return null;
        }
        Driver driver = drivers.next();
        if (driver.getClass().getName().equals(DRIVER)) {
          return Class.forName(HA_MODE, false, driver.getClass().getClassLoader());
        }
      } catch (ServiceConfigurationError | ClassNotFoundException | LinkageError e) {
        errors++; // a broken driver jar must not hide the one we need
      }
    }
    return null;
  }
}
