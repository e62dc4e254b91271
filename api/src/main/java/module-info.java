/**
 * reflex-orm: a thin, pooled database session configured by {@code REFLEX_DB_URL}, over the ORM the
 * application already uses.
 *
 * <p>Applications use {@link dev.reflex.orm.Reflex}, {@link dev.reflex.orm.ReflexDatabase} and
 * {@link dev.reflex.orm.ReflexSession}; ORM adapters implement {@link dev.reflex.orm.spi.ReflexProvider}
 * and are found with {@link java.util.ServiceLoader}.
 */
module dev.reflex.orm {
  requires transitive java.sql;
  requires com.zaxxer.hikari;
  requires org.slf4j;

  exports dev.reflex.orm;
  exports dev.reflex.orm.spi;
  // one URL parser, one pool set-up and one masking helper for the whole project: the reflex-db command and
  // the test extension reuse them
  exports dev.reflex.orm.internal to dev.reflex.db, dev.reflex.orm.test;
  // what the three providers share: where a session's connection comes from (Transactions) and one rule for a
  // lost connection and a commit lost in flight (LostConnections)
  exports dev.reflex.orm.internal.jdbc to dev.reflex.orm.hibernate, dev.reflex.orm.jdbi, dev.reflex.orm.mybatis;

  uses dev.reflex.orm.spi.ReflexProvider;
  uses java.sql.Driver;
}
