package dev.reflex.orm.internal;

import dev.reflex.orm.InvalidConfigurationException;
import java.time.Duration;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * Reads reflex-orm's settings from system properties and the environment, highest first, and checks each
 * value once. The library and the reflex-db command resolve the database the same way through it.
 *
 * <p>Immutable and thread-safe.
 */
public final class Settings {
  /** The URL used when nothing else is configured: the SQLite file {@code reflex.db} in the working directory. */
  public static final String DEFAULT_URL = "sqlite:///reflex.db";

  private final UnaryOperator<String> environment;
  private final UnaryOperator<String> properties;

  /**
   * Creates settings over the given sources; tests pass maps here instead of changing the process.
   *
   * @param environment looks up an environment variable, {@code null} when unset
   * @param properties looks up a system property, {@code null} when unset
   */
  public Settings(UnaryOperator<String> environment, UnaryOperator<String> properties) {
    this.environment = environment;
    this.properties = properties;
  }

  /** @return settings over this process's system properties and environment */
  public static Settings fromProcess() {
    return new Settings(System::getenv, System::getProperty);
  }

  /**
   * A value and where it came from, for messages.
   *
   * @param value the value, never {@code null}
   * @param origin e.g. {@code REFLEX_DB_URL}, {@code system property reflex.db.url} or {@code default}
   */
  public record Value(String value, String origin) {}

  /**
   * Returns a setting: the system property if set, else the environment variable, else {@code null}. An
   * empty value counts as unset, as {@code export REFLEX_DB_URL=} is how shells unset for a command.
   *
   * @param property the system property name
   * @param variable the environment variable name
   * @return the value and its origin, or {@code null}
   */
  public Value lookup(String property, String variable) {
    String fromProperty = properties.apply(property);
    if (fromProperty != null && !fromProperty.isBlank()) {
      return new Value(fromProperty.strip(), "system property " + property);
    }
    String fromEnvironment = environment.apply(variable);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return new Value(fromEnvironment.strip(), variable);
    }
    return null;
  }

  /** @return the database URL: {@code reflex.db.url}, then {@code REFLEX_DB_URL}, then {@link #DEFAULT_URL} */
  public Value url() {
    Value value = lookup("reflex.db.url", "REFLEX_DB_URL");
    return value != null ? value : new Value(DEFAULT_URL, "default");
  }

  /** @return the provider name chosen by {@code reflex.orm.provider} or {@code REFLEX_ORM_PROVIDER}, or {@code null} */
  public Value provider() {
    return lookup("reflex.orm.provider", "REFLEX_ORM_PROVIDER");
  }

  /** @return the pool size from {@code REFLEX_DB_POOL_SIZE}, default 10 */
  public int poolSize() {
    Value value = lookup("reflex.db.pool.size", "REFLEX_DB_POOL_SIZE");
    if (value == null) {
      return 10;
    }
    try {
      int size = Integer.parseInt(value.value());
      return checkPoolSize(size, value.origin());
    } catch (NumberFormatException e) {
      throw poolSizeError(value.origin(), "\"" + value.value() + "\"");
    }
  }

  /** @return the time to wait for a free connection, from {@code REFLEX_DB_POOL_TIMEOUT} in seconds, default 30 */
  public Duration poolTimeout() {
    Value value = lookup("reflex.db.pool.timeout", "REFLEX_DB_POOL_TIMEOUT");
    if (value == null) {
      return Duration.ofSeconds(30);
    }
    try {
      double seconds = Double.parseDouble(value.value());
      if (Double.isFinite(seconds)) {
        return checkPoolTimeout(Duration.ofMillis(Math.round(seconds * 1000)), value.origin(), value.value());
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw poolTimeoutError(value.origin(), value.value());
  }

  /** @return whether {@code REFLEX_DB_ECHO} asks for every SQL statement to be logged, default false */
  public boolean echo() {
    Value value = lookup("reflex.db.echo", "REFLEX_DB_ECHO");
    if (value == null) {
      return false;
    }
    switch (value.value().toLowerCase(Locale.ROOT)) {
      case "true":
      case "1":
      case "yes":
        return true;
      case "false":
      case "0":
      case "no":
        return false;
      default:
        throw new InvalidConfigurationException(value.origin() + " must be true or false, got \""
            + value.value() + "\"");
    }
  }

  /**
   * Checks a pool size.
   *
   * @param size the size
   * @param origin where it came from, for the message
   * @return the size
   */
  public static int checkPoolSize(int size, String origin) {
    if (size < 1 || size > 1000) {
      throw poolSizeError(origin, String.valueOf(size));
    }
    return size;
  }

  /**
   * Checks a pool timeout: HikariCP takes no less than 250 ms.
   *
   * @param timeout the timeout
   * @param origin where it came from, for the message
   * @param shown the value as the user wrote it
   * @return the timeout
   */
  public static Duration checkPoolTimeout(Duration timeout, String origin, String shown) {
    if (timeout.toMillis() < 250 || timeout.toSeconds() > 3600) {
      throw poolTimeoutError(origin, shown);
    }
    return timeout;
  }

  private static InvalidConfigurationException poolSizeError(String origin, String shown) {
    return new InvalidConfigurationException(origin + " must be a whole number from 1 to 1000, got " + shown);
  }

  private static InvalidConfigurationException poolTimeoutError(String origin, String shown) {
    return new InvalidConfigurationException(origin + " must be a number of seconds from 0.25 to 3600, got \""
        + shown + "\"");
  }
}
