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
  private final String withParameters;
  private final String user;
  private final String password;
  /** The credential parameters of the URL's query other than {@code user} and {@code password}, by name. */
  private final Properties parameters;
  private final DatabaseKind kind;
  private final String masked;

  DatabaseUrl(String jdbcUrl, String user, String password, DatabaseKind kind, String masked) {
    this.withParameters = Objects.requireNonNull(jdbcUrl);
    CredentialParameters.Split split = CredentialParameters.split(jdbcUrl, kind);
    this.jdbcUrl = split.url();
    this.parameters = split.credentials();
    // the user and password of the authority win over those of the query, as the pool sets them last
    String queryUser = take(parameters, "user");
    String queryPassword = take(parameters, "password");
    this.user = user != null ? user : queryUser;
    this.password = password != null ? password : queryPassword;
    this.kind = kind;
    this.masked = masked;
  }

  private static String take(Properties parameters, String name) {
    for (String key : parameters.stringPropertyNames()) {
      if (key.equalsIgnoreCase(name)) {
        return (String) parameters.remove(key);
      }
    }
    return null;
  }

  /**
   * Returns the JDBC URL to hand to a driver: it holds no credentials, neither a user and password nor any
   * parameter whose name holds "password" ({@code sslpassword}, {@code trustStorePassword}, ...); those are
   * {@link #credentials()}.
   *
   * @return the JDBC URL without credentials
   */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * Returns the JDBC URL with the credential parameters its query held, for a tool that takes only a URL, a user
   * and a password (Liquibase's command line); never log it.
   *
   * @return the JDBC URL as written, less the user and password before the host
   */
  public String jdbcUrlWithParameters() {
    return withParameters;
  }

  /**
   * @return the credentials of the URL other than its user and password ({@code sslpassword} and the like), as
   *     JDBC connection properties; never show them
   */
  public Properties credentialParameters() {
    Properties copy = new Properties();
    copy.putAll(parameters);
    return copy;
  }

  /** @return the user, percent-decoded, or {@code null} */
  public String user() {
    return user;
  }

  /** @return the password, percent-decoded, or {@code null}; never show it */
  public String password() {
    return password;
  }

  /** @return every credential as JDBC connection properties: {@code user}, {@code password} and the others set */
  public Properties credentials() {
    Properties credentials = credentialParameters();
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
    List<String> secrets = new ArrayList<>(Secrets.passwords(withParameters));
    if (password != null && !password.isEmpty()) {
      secrets.add(password);
    }
    parameters.stringPropertyNames().stream().filter(name -> !name.equalsIgnoreCase("user"))
        .map(parameters::getProperty).filter(value -> !value.isEmpty()).forEach(secrets::add);
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

  /**
   * Says which database a server URL that names none reaches, for one line at start: PostgreSQL's driver then
   * connects to the database named as the user (the URL's, else the JVM's {@code user.name}, as pgjdbc takes it),
   * MariaDB's and MySQL's to none at all.
   *
   * @return {@code postgresql://postgres@127.0.0.1:5432 names no database: PostgreSQL uses postgres, the database named
   *     as the user; name the database in the URL's path to choose it}, or {@code null} when the URL names one or
   *     is not a server's
   */
  public String noDatabaseNote() {
    if (!namesNoDatabase()) {
      return null;
    }
    String fix = "; name the database in the URL's path to choose it";
    if (kind == DatabaseKind.POSTGRESQL) {
      String chosen = user != null ? user : System.getProperty("user.name");
      return masked + " names no database: PostgreSQL uses " + chosen + ", the database named as the user" + fix;
    }
    return masked + " names no database: " + (kind == DatabaseKind.MARIADB ? "MariaDB" : "MySQL") + " selects none,"
        + " so a statement on a table without its database fails" + fix;
  }

  /** Whether a server's JDBC URL has nothing between the host list and the parameters, where the database goes. */
  private boolean namesNoDatabase() {
    if (kind != DatabaseKind.POSTGRESQL && kind != DatabaseKind.MARIADB && kind != DatabaseKind.MYSQL) {
      return false;
    }
    int hosts = jdbcUrl.indexOf("://");
    if (hosts < 0) {
      return false;
    }
    String rest = jdbcUrl.substring(hosts + 3).split("[?;]", 2)[0];
    int slash = rest.indexOf('/');
    return slash < 0 || slash == rest.length() - 1;
  }

  @Override
  public String toString() {
    return masked;
  }
}
