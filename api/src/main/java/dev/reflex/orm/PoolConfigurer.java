package dev.reflex.orm;

import com.zaxxer.hikari.HikariConfig;

/**
 * Receives HikariCP's own {@link HikariConfig} before the pool starts: {@code maxLifetime},
 * {@code keepaliveTime}, {@code leakDetectionThreshold}, {@code connectionInitSql}, a metrics tracker
 * ({@code setMetricsTrackerFactory}, {@code setMeterRegistry}), JMX ({@code setRegisterMbeans}), any setting
 * HikariCP has.
 *
 * <pre>{@code
 * ReflexDatabase db = ReflexDatabase.builder()
 *     .configure((PoolConfigurer) pool -> {
 *       pool.setLeakDetectionThreshold(10_000);
 *       pool.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
 *     })
 *     .build();
 * }</pre>
 *
 * <p>The configuration it receives already holds reflex-orm's settings: the JDBC URL, user and password from
 * {@code REFLEX_DB_URL}, the driver, {@code maximumPoolSize} ({@code REFLEX_DB_POOL_SIZE}),
 * {@code connectionTimeout} ({@code REFLEX_DB_POOL_TIMEOUT}), a pool name {@code reflex-N} and the
 * per-database data source properties. What a configurer sets wins; HikariCP then checks the whole
 * configuration once, and a value it refuses fails {@link ReflexDatabaseBuilder#build()} with an
 * {@link InvalidConfigurationException}. Not called when the application passes its own {@code DataSource}.
 *
 * <p>Pass one to {@link ReflexDatabaseBuilder#configure(ReflexConfigurer...)}, or declare it in the
 * application's module ({@code provides dev.reflex.orm.PoolConfigurer with app.Pool;}) or in
 * {@code META-INF/services/dev.reflex.orm.PoolConfigurer}. Declared configurers run first, then those passed
 * to the builder, each in its order; one both declared and passed (the same class) runs once, as passed.
 *
 * <p>Called once per {@code ReflexDatabase}, from the thread that builds it; an implementation need not be
 * thread-safe.
 */
@FunctionalInterface
public interface PoolConfigurer extends ReflexConfigurer {
  /**
   * Configures the pool.
   *
   * @param config HikariCP's configuration, before the pool starts
   */
  void configure(HikariConfig config);
}
