package dev.reflex.orm.jdbi;

import dev.reflex.orm.spi.ProviderContext;
import dev.reflex.orm.spi.ProviderEngine;
import dev.reflex.orm.spi.ReflexProvider;
import java.util.ServiceLoader;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

/**
 * The reflex-orm provider for JDBI 3, chosen with the name {@value #NAME}.
 *
 * <p>Found by {@link ServiceLoader}; the application does not use this class directly.
 *
 * <p>Thread-safe (stateless).
 */
public final class JdbiProvider implements ReflexProvider {
  /** The name users choose this provider by. */
  public static final String NAME = "jdbi";

  /** Creates the provider. Cheap: JDBI is set up only by {@link #start(ProviderContext)}. */
  public JdbiProvider() {}

  /** @return {@value #NAME} */
  @Override
  public String name() {
    return NAME;
  }

  /** @return JDBI's {@code Handle} and {@code Jdbi} */
  @Override
  public Set<Class<?>> sessionTypes() {
    return Set.of(org.jdbi.v3.core.Handle.class, org.jdbi.v3.core.Jdbi.class);
  }

  /**
   * Creates the {@link Jdbi} over the context's data source with the SqlObject plugin and runs the
   * configurers. The registered types are accepted and left alone: JDBI needs no registration, and any
   * SqlObject interface can be attached to a session's {@code Handle} (JDBI checks a SqlObject method when
   * it is first called, as it always does).
   *
   * @apiNote Cheap, apart from what the configurers do; called once per {@code ReflexDatabase}.
   * @param context the pooled data source and what the application registered
   * @return the engine, opening one {@code Handle} per reflex-orm session
   */
  @Override
  public ProviderEngine start(ProviderContext context) {
    SessionConnections sessionConnections =
        context.poolRollsBackOnClose() ? new SessionConnections(context.dataSource()) : null;
    Jdbi jdbi = sessionConnections != null ? Jdbi.create(sessionConnections) : Jdbi.create(context.dataSource());
    jdbi.installPlugin(new SqlObjectPlugin());
    if (context.echo()) {
      jdbi.setSqlLogger(new StatementEcho());
    }
    for (JdbiConfigurer configurer
        : context.configurers(JdbiConfigurer.class, ServiceLoader.load(JdbiConfigurer.class))) {
      configurer.configure(jdbi);
    }
    return new JdbiEngine(jdbi, sessionConnections);
  }
}
