/**
 * reflex-orm: a thin, pooled database session configured by {@code REFLEX_DB_URL}, over the ORM the
 * application already uses.
 *
 * <p>Applications use {@link dev.reflex.orm.Reflex}, {@link dev.reflex.orm.ReflexDatabase} and
 * {@link dev.reflex.orm.ReflexSession}; ORM adapters implement {@link dev.reflex.orm.spi.ReflexProvider}
 * and are found with {@link java.util.ServiceLoader}.
 *
 * @uses dev.reflex.orm.spi.ReflexProvider the ORM adapters
 * @uses dev.reflex.orm.PoolConfigurer the application's declared pool configurers
 * @uses java.sql.Driver the JDBC drivers
 * @uses dev.reflex.orm.spi.ChangelogStatus reflex-orm-migrations, when present: the changesets a database has not
 *     run, for the failure of a statement that finds a table or column missing
 */
module dev.reflex.orm {
  requires transitive java.sql;
  // transitive: the API shows HikariCP's own HikariConfig (PoolConfigurer), so a user's module reads it
  requires transitive com.zaxxer.hikari;
  requires org.slf4j;

  exports dev.reflex.orm;
  exports dev.reflex.orm.spi;
  // one URL parser, one pool set-up and one masking helper for the whole project: the reflex-db command and
  // the test extension reuse them
  exports dev.reflex.orm.internal to dev.reflex.orm.migrations, dev.reflex.db, dev.reflex.orm.test;
  // what the three providers share: where a session's connection comes from (Transactions) and one rule for a
  // lost connection and a commit lost in flight (LostConnections)
  exports dev.reflex.orm.internal.jdbc to dev.reflex.orm.hibernate, dev.reflex.orm.jdbi, dev.reflex.orm.mybatis;

  uses dev.reflex.orm.spi.ReflexProvider;
  uses java.sql.Driver;
  uses dev.reflex.orm.PoolConfigurer;
  uses dev.reflex.orm.spi.ChangelogStatus;
}
