package dev.reflex.orm.mybatis;

import dev.reflex.orm.DatabaseKind;
import dev.reflex.orm.spi.ProviderContext;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ReflexProvider;
import java.util.Locale;
import java.util.ServiceLoader;
import org.apache.ibatis.mapping.Environment;
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
    if (context.databaseKind() != DatabaseKind.OTHER) {
      // lets XML mappers hold per-database statements (databaseId="postgresql"), as MyBatis users expect
      configuration.setDatabaseId(context.databaseKind().name().toLowerCase(Locale.ROOT));
    }
    if (context.echo()) {
      configuration.addInterceptor(new StatementEcho());
    }
    for (MyBatisConfigurer configurer
        : context.configurers(MyBatisConfigurer.class, ServiceLoader.load(MyBatisConfigurer.class))) {
      configurer.configure(configuration);
    }
    for (Class<?> type : context.registeredTypes()) {
      if (type.isInterface() && !configuration.hasMapper(type)) {
        configuration.addMapper(type);
      }
    }
    return new MyBatisEngine(new SqlSessionFactoryBuilder().build(configuration), context.poolRollsBackOnClose());
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
