package bookshelf.jdbi;

import dev.reflex.orm.PoolConfigurer;
import dev.reflex.orm.Reflex;
import dev.reflex.orm.ReflexDatabase;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Writes through the primary, reads through a standby: the thin way to read replicas. Not run by
 * {@code examples/run}, which has one server: the high-availability guide shows it, and module-tests' failover test
 * does the same on a real pg_auto_failover formation.
 */
public final class Replicas {
  private Replicas() {}

  /**
   * Adds a book through the default database and reads the shelf from a standby.
   *
   * @param title the book's title
   * @return the titles on the shelf, as the standby has them
   */
  public static List<String> addThenRead(String title) {
    // tag::replicas[]
    // REFLEX_DB_URL is the URL the formation prints, such as
    // postgres://db1:5432,db2:5432/app?target_session_attrs=read-write
    String writes = System.getenv("REFLEX_DB_URL");
    String reads = writes.replace("target_session_attrs=read-write", "target_session_attrs=prefer-standby");
    try (ReflexDatabase replica = ReflexDatabase.builder().url(reads)
        // a pooled connection stays on the node it was opened on; renewing each within a minute brings reads
        // back to a standby after a failover has promoted the one they were on
        .configure((PoolConfigurer) pool -> pool.setMaxLifetime(60_000))
        .build()) {
      Reflex.transaction(s -> s.unwrap(Handle.class)
          .execute("insert into book (title, flavour) values (?, ?)", title, "jdbi"));
      return replica.transaction(s -> s.unwrap(Handle.class)
          .createQuery("select title from book order by id").mapTo(String.class).list());
    }
    // end::replicas[]
  }
}
