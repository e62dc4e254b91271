package dev.reflex.orm.internal;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.UnableToConnectException;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the JDBC driver for a URL with {@link ServiceLoader}, so that a driver in a module layer or an
 * application's class loader is found as well as one {@code DriverManager} already knows.
 *
 * <p>Thread-safe (stateless).
 */
public final class Drivers {
  private Drivers() {}

  /**
   * Returns the driver that accepts the URL.
   *
   * @param jdbcUrl the JDBC URL, without credentials
   * @param masked the URL to show in a message
   * @return the driver
   * @throws UnableToConnectException naming the driver jar to add when no driver accepts the URL
   */
  public static Driver forUrl(String jdbcUrl, String masked) {
    List<String> seen = new ArrayList<>();
    Iterator<Driver> drivers = ServiceLoader.load(Driver.class).iterator();
    for (int errors = 0; errors < 100; ) {
      try {
        if (!drivers.hasNext()) {
          break;
        }
        Driver driver = drivers.next();
        seen.add(driver.getClass().getName());
        if (driver.acceptsURL(jdbcUrl)) {
          return driver;
        }
      } catch (ServiceConfigurationError | SQLException e) {
        errors++; // a broken driver jar must not hide the one we need
      }
    }
    // only the missing jar: the server, the URL and the password have not been tried yet
    throw new UnableToConnectException("No JDBC driver on the class path or module path accepts " + masked
        + " (drivers found: " + (seen.isEmpty() ? "none" : String.join(", ", seen)) + "): add "
        + driverJar(DatabaseKind.ofJdbcUrl(jdbcUrl)) + " to the application's dependencies (runtime scope)");
  }

  private static String driverJar(DatabaseKind kind) {
    switch (kind) {
      case SQLITE: return "the SQLite driver jar, org.xerial:sqlite-jdbc,";
      case H2: return "the H2 jar, com.h2database:h2,";
      case POSTGRESQL: return "the PostgreSQL driver jar, org.postgresql:postgresql,";
      case MARIADB: return "the MariaDB driver jar, org.mariadb.jdbc:mariadb-java-client,";
      case MYSQL: return "the MySQL driver jar, com.mysql:mysql-connector-j,";
      default: return "the database's JDBC driver jar";
    }
  }
}
