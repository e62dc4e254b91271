package dev.reflex.orm.internal;

import dev.reflex.orm.DatabaseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * A database URL resolved to what JDBC needs: the JDBC URL without credentials, and the user and password
 * as connection properties. Built by {@link UrlParser}.
 *
 * <p>Immutable and thread-safe. {@link #toString()} shows the masked form only.
 */
public final class DatabaseUrl {
  private final String jdbcUrl;
  private final String user;
  private final String password;
  private final DatabaseKind kind;
  private final String masked;

  DatabaseUrl(String jdbcUrl, String user, String password, DatabaseKind kind, String masked) {
    this.jdbcUrl = Objects.requireNonNull(jdbcUrl);
    this.user = user;
    this.password = password;
    this.kind = kind;
    this.masked = masked;
  }

  /** @return the JDBC URL; holds no credentials but {@code password=} parameters the user wrote into it */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /** @return the user, percent-decoded, or {@code null} */
  public String user() {
    return user;
  }

  /** @return the password, percent-decoded, or {@code null}; never show it */
  public String password() {
    return password;
  }

  /** @return the user and password as JDBC connection properties ({@code user}, {@code password}), those set */
  public Properties credentials() {
    Properties credentials = new Properties();
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    return credentials;
  }

  /**
   * Returns every secret this URL holds, for removing from a driver's message: the password, and any a
   * {@code jdbc:} URL carries in itself ({@code password=...}, {@code user:secret@host}).
   *
   * @return the secrets; never show them
   */
  public List<String> secrets() {
    List<String> secrets = new ArrayList<>(Secrets.passwords(jdbcUrl));
    if (password != null && !password.isEmpty()) {
      secrets.add(password);
    }
    return List.copyOf(secrets);
  }

  /** @return the kind of database */
  public DatabaseKind kind() {
    return kind;
  }

  /** @return the URL as the user wrote it, with the password masked */
  public String masked() {
    return masked;
  }

  /**
   * Returns whether the database lives in memory, and so only as long as one connection to it is open.
   *
   * @return {@code true} for SQLite and H2 in-memory databases
   */
  public boolean inMemory() {
    String lower = jdbcUrl.toLowerCase(Locale.ROOT);
    switch (kind) {
      case SQLITE:
        return lower.equals("jdbc:sqlite:") || lower.contains(":memory:") || lower.contains("mode=memory");
      case H2:
        return lower.startsWith("jdbc:h2:mem:");
      default:
        return false;
    }
  }

  @Override
  public String toString() {
    return masked;
  }
}
