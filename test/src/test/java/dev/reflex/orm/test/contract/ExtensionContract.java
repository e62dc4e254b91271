package dev.reflex.orm.test.contract;

import dev.reflex.orm.test.Isolation;
import dev.reflex.orm.test.ReflexExtension;
import dev.reflex.orm.testing.FailureChecks;
import dev.reflex.orm.testing.PoolFaultContract;
import dev.reflex.orm.testing.ProviderContract;
import dev.reflex.orm.testing.RefusedCommitChecks;
import dev.reflex.orm.testing.TestDatabase;
import dev.reflex.orm.testing.TestDatabases;
import javax.sql.DataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider contract run through reflex-orm-test's extension, as an application's tests run: each nested class
 * is one of the five databases, and each of its tests gets a database of its own ({@link Isolation#FRESH_DATABASE})
 * migrated with the contract's changelog ({@value #CHANGELOG}), from the ORM the extension bootstrapped once for
 * the class. The tests that need a pool, a recorder or a proxy of their own ({@link PoolFaultContract}) build their
 * database themselves, with the same changelog.
 *
 * <p>A provider's contract test extends this class and says how its ORM reads and writes a book.
 */
public abstract class ExtensionContract extends PoolFaultContract {
  /** The contract's schema: the {@code book} table, on every database. */
  public static final String CHANGELOG = ContractSchema.CHANGELOG;
  // one URL each for the run, so the extension migrates one template per database (it ignores the file's name)
  private static final String SQLITE_FILE = TestDatabase.SQLITE_FILE.freshUrl();
  private static final String H2_FILE = TestDatabase.H2.freshUrl();

  @Override
  protected void migrate(DataSource dataSource) {
    ContractSchema.migrate(dataSource);
  }

  /** The checks on one database, handed to each test by the extension. */
  abstract class OnDatabase extends FailureChecks {
    @RegisterExtension
    final ReflexExtension extension = ReflexExtension.builder().url(url()).isolation(Isolation.FRESH_DATABASE)
        .changelog(CHANGELOG).provider(provider()).register(registered()).build();

    /** @return the URL the extension makes this class's databases beside */
    abstract String url();

    @Override
    protected ProviderContract contract() {
      return ExtensionContract.this;
    }
  }

  @Nested
  class SqliteFile extends OnDatabase {
    @Override
    String url() {
      return SQLITE_FILE;
    }

    @Override
    protected TestDatabase database() {
      return TestDatabase.SQLITE_FILE;
    }
  }

  @Nested
  class SqliteMemory extends OnDatabase {
    @Override
    String url() {
      return TestDatabase.SQLITE_MEMORY.freshUrl();
    }

    @Override
    protected TestDatabase database() {
      return TestDatabase.SQLITE_MEMORY;
    }
  }

  @Nested
  class H2 extends OnDatabase {
    @Override
    String url() {
      return H2_FILE;
    }

    @Override
    protected TestDatabase database() {
      return TestDatabase.H2;
    }
  }

  @Nested
  class PostgreSql extends OnDatabase implements RefusedCommitChecks {
    @Override
    String url() {
      return TestDatabases.postgresUrl();
    }

    @Override
    protected TestDatabase database() {
      return TestDatabase.POSTGRESQL;
    }
  }

  @Nested
  class MariaDb extends OnDatabase {
    @Override
    String url() {
      return TestDatabases.mariadbUrl();
    }

    @Override
    protected TestDatabase database() {
      return TestDatabase.MARIADB;
    }
  }
}
