package dev.reflex.orm.mybatis;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.spi.ProviderContext;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ReflexProvider;
import java.util.Locale;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import org.apache.ibatis.mapping.Environment;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.SqlSessionFactoryBuilder;
import org.apache.ibatis.transaction.TransactionFactory;
import org.apache.ibatis.transaction.jdbc.JdbcTransactionFactory;

/**
 * The reflex-orm provider for MyBatis 3.5, chosen with the name {@value #NAME}.
 *
 * <p>Found by {@link ServiceLoader}; the application does not use this class directly.
 *
 * <p>Thread-safe (stateless).
 */
public final class MyBatisProvider implements ReflexProvider {
  /** The name users choose this provider by. */
  public static final String NAME = "mybatis";

  /** Creates the provider. Cheap: MyBatis is configured only by {@link #start(ProviderContext)}. */
  public MyBatisProvider() {}

  /** @return {@value #NAME} */
  @Override
  public String name() {
    return NAME;
  }

  /** @return MyBatis's {@code SqlSession}, {@code SqlSessionFactory} and {@code Configuration} */
  @Override
  public Set<Class<?>> sessionTypes() {
    return Set.of(org.apache.ibatis.session.SqlSession.class,
        org.apache.ibatis.session.SqlSessionFactory.class, Configuration.class);
  }

  /**
   * Configures MyBatis over the context's data source, runs the configurers, adds the registered mapper
   * interfaces (with the XML mapper of the same name beside each, if any) and builds the
   * {@code SqlSessionFactory}.
   *
   * @apiNote Costs what parsing the mappers costs; called once per {@code ReflexDatabase}.
   * @param context the pooled data source and what the application registered
   * @return the engine, opening one {@code SqlSession} per reflex-orm session
   */
  @Override
  public ProviderEngine start(ProviderContext context) {
    Configuration configuration = new Configuration(
        new Environment("reflex", transactionFactory(context), context.dataSource()));
    // lets XML mappers hold per-database statements (databaseId="mariadb"), as MyBatis users expect
    configuration.setDatabaseId(databaseId(context));
    if (context.echo()) {
      configuration.addInterceptor(new StatementEcho());
    }
    for (MyBatisConfigurer configurer
        : context.configurers(MyBatisConfigurer.class, ServiceLoader.load(MyBatisConfigurer.class))) {
      configurer.configure(configuration);
    }
    MapperChecks.checkXmlMappersOpen(context.registeredTypes());
    try {
      for (Class<?> type : context.registeredTypes()) {
        if (type.isInterface() && !configuration.hasMapper(type)) {
          configuration.addMapper(type);
        }
      }
      // MyBatis resolves references between statements and result maps lazily: now, so a wrong one fails here
      configuration.getMappedStatements();
    } catch (RuntimeException e) {
      throw StartFailure.of(e);
    }
    MapperChecks.checkResultTypesReachable(configuration, context.registeredTypes());
    return new MyBatisEngine(new SqlSessionFactoryBuilder().build(configuration), context.poolRollsBackOnClose());
  }

  /**
   * The database's name as the server gives it, as Liquibase names it too: a {@code mysql://} URL that reaches
   * MariaDB is {@code mariadb}. Falls back to the kind of URL when the server cannot be asked.
   */
  private static String databaseId(ProviderContext context) {
    VendorDatabaseIdProvider vendors = new VendorDatabaseIdProvider();
    Properties names = new Properties();
    names.setProperty("MariaDB", "mariadb");
    names.setProperty("MySQL", "mysql");
    names.setProperty("PostgreSQL", "postgresql");
    names.setProperty("H2", "h2");
    names.setProperty("SQLite", "sqlite");
    vendors.setProperties(names);
    try {
      String id = vendors.getDatabaseId(context.dataSource());
      if (id != null) {
        return id;
      }
    } catch (RuntimeException e) {
      // the server did not answer now; the first session will say why
    }
    DatabaseKind kind = context.databaseKind();
    return kind == DatabaseKind.OTHER ? null : kind.name().toLowerCase(Locale.ROOT);
  }

  /**
   * MyBatis' JDBC transactions: on a pool that rolls back on close, {@link SessionTransactions}; otherwise MyBatis'
   * own, which roll back and restore auto-commit themselves.
   */
  private static TransactionFactory transactionFactory(ProviderContext context) {
    if (context.poolRollsBackOnClose()) {
      return new SessionTransactions(context.dataSource());
    }
    return new JdbcTransactionFactory();
  }
}
