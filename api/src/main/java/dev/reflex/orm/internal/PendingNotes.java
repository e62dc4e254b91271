package dev.reflex.orm.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.SQLExceptionOverride;
import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.PendingChangesetsException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees every failure of a statement on reflex-orm's pool, whichever ORM ran it, through HikariCP's exception
 * hook, which costs nothing while statements succeed. When the database says a table or column is missing, it
 * attaches to the driver's exception a suppressed {@link PendingChangesetsException} saying how many changesets have
 * not run, so that the stack trace the application shows says it, and logs that once at WARN. HikariCP's verdict on
 * the connection is the application's own hook's, if it set one, else HikariCP's.
 *
 * <p>Thread-safe.
 */
public final class PendingNotes implements SQLExceptionOverride {
  private static final Logger LOG = LoggerFactory.getLogger(PendingNotes.class);
  private static final int REMEMBERED = 100;
  /**
   * The note of each failure's message, so that a loop that fails on every call reads the changelog and logs once
   * (Liquibase keeps a service per database it reads, until its next reset).
   */
  private final Map<String, String> notes = new ConcurrentHashMap<>();
  private final SQLExceptionOverride next;
  private final DatabaseKind kind;
  private final Pending pending;

  /**
   * @param next the application's hook, or {@code null}
   * @param kind the database's kind
   * @param pending what reads the changelog's status
   */
  public PendingNotes(SQLExceptionOverride next, DatabaseKind kind, Pending pending) {
    this.next = next;
    this.kind = kind;
    this.pending = pending;
  }

  /**
   * Installs the hook on a pool's configuration, before the application's if it set one as an object (one set by
   * class name is left as HikariCP makes it). Here rather than in {@link Pools}, which reflex-db loads without
   * HikariCP: only this class names HikariCP's hook.
   *
   * @param config the pool's configuration
   * @param url the database
   * @param jdbcUrl the pool's JDBC URL
   */
  static void install(HikariConfig config, DatabaseUrl url, String jdbcUrl) {
    if (config.getExceptionOverrideClassName() == null) {
      Pending pending = Pending.of(url, jdbcUrl);
      config.setExceptionOverride(new PendingNotes(config.getExceptionOverride(), url.kind(), pending));
    }
  }

  @java.lang.Override
  public SQLExceptionOverride.Override adjudicate(SQLException e) {
    if (MissingObjects.isMissing(e, kind) && !noted(e) && !liquibasesOwn(e)) {
      String message = String.valueOf(e.getMessage());
      String note = notes.get(message);
      if (note == null) {
        note = pending.note();
        if (note != null && notes.size() < REMEMBERED && notes.putIfAbsent(message, note) == null) {
          LOG.warn("{}: {}", message, note);
        }
      }
      if (note != null) {
        e.addSuppressed(new PendingChangesetsException(note, null));
      }
    }
    return next == null ? SQLExceptionOverride.Override.CONTINUE_EVICT : next.adjudicate(e);
  }

  /**
   * Liquibase asks for its own tables before it creates them (PostgreSQL: {@code relation
   * "public.databasechangeloglock" does not exist}) and handles the answer: that is a migration running, not one
   * pending, and it must not log a warning on every first update.
   */
  private static boolean liquibasesOwn(SQLException e) {
    return String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("databasechangelog");
  }

  private static boolean noted(SQLException e) {
    for (Throwable suppressed : e.getSuppressed()) {
      if (suppressed instanceof PendingChangesetsException) {
        return true;
      }
    }
    return false;
  }

  /**
   * Finds the note attached to a failure or any of its causes.
   *
   * @param failure what the ORM threw
   * @return the note's message, or {@code null}
   */
  public static String of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      for (Throwable suppressed : t.getSuppressed()) {
        if (suppressed instanceof PendingChangesetsException) {
          return suppressed.getMessage();
        }
      }
    }
    return null;
  }
}
