package dev.reflex.orm.testing;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexDatabaseBuilder;
import dev.reflex.orm.ReflexSession;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;

/**
 * The one transaction contract every provider keeps, on every database. A provider's test says how its ORM reads
 * and writes a {@code book} row; the assertions are the same for all. The tests that build a database of their
 * own (a pool with settings of its own, a recorder, proxies that cut or freeze the link) are in
 * {@link OwnPoolContract}, {@link HostFailoverContract} and {@link PoolFaultContract}; those that run on any
 * database handed to them, in {@link SessionChecks} and {@link FailureChecks}. reflex-orm-test's {@code ExtensionContract} runs them all, on
 * the five databases, the handed ones through its extension.
 *
 * <p>The table comes from the contract's changelog ({@link #migrate}): providers never generate schema.
 */
public abstract class ProviderContract {

  /** How one ORM reads and writes the {@code book (id, title)} table through its own session object. */
  public interface Books {
    void insert(ReflexSession session, long id, String title);

    /** @return the title, or {@code null} when there is no such row */
    String title(ReflexSession session, long id);

    void rename(ReflexSession session, long id, String title);

    void delete(ReflexSession session, long id);
  }

  /** @return the provider's name, chosen explicitly so other providers on the class path do not matter */
  protected abstract String provider();

  /** @return the classes to register: entities, mappers or SqlObject types */
  protected abstract Class<?>[] registered();

  /** @return how this provider's ORM handles a book */
  protected abstract Books books();

  /** @return the ORM's own types that {@code ReflexSession.unwrap} must hand out */
  protected abstract List<Class<?>> nativeTypes();

  /**
   * Reads a book's title through the ORM's own session, opened by hand from the ORM's engine-level object
   * ({@code db.unwrap(...)}) as an application that does not use {@code ReflexSession} would: open, begin a
   * transaction, read, commit, close.
   *
   * @param db the database
   * @param id the book's id
   * @return the title, or {@code null} when there is no such row
   */
  protected abstract String titleThroughOwnSession(ReflexDatabase db, long id);

  /** A session takes its connection at its first unwrap: {@link LazyConnectionContract}, on its own pools. */
  @Nested
  class LazyConnection extends LazyConnectionContract {
    LazyConnection() {
      super(provider(), registered(), nativeTypes().get(0));
    }
  }

  /**
   * Creates the {@code book} table in an empty database, with the contract's changelog (the API's own tests cannot
   * run Liquibase: reflex-orm-test's {@code ExtensionContract} applies it with reflex-db's {@code Migrations}).
   *
   * @param dataSource a data source on the empty database
   */
  protected abstract void migrate(DataSource dataSource);

  /** @return a database of this provider on a new, empty database of the kind, with the table */
  protected ReflexDatabase open(TestDatabase database) {
    return open(database.freshUrl());
  }

  /** @return a database of this provider on the URL, with a pool of 4, with the table */
  protected ReflexDatabase open(String url) {
    return open(ReflexDatabase.builder().url(url).poolSize(4));
  }

  /** @return a database of this provider as the builder says, with the table */
  protected ReflexDatabase open(ReflexDatabaseBuilder builder) {
    ReflexDatabase db = builder.provider(provider()).register(registered()).build();
    try {
      migrate(db.dataSource());
      return db;
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
  }
}
