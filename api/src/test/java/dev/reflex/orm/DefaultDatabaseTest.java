package dev.reflex.orm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The default database of {@link Reflex}, closed and rebuilt many times: the process keeps one shutdown hook and
 * none of the closed databases. The hooks are counted in the JDK's own registry (the surefire configuration opens
 * {@code java.lang} to the tests for it); the databases are watched with weak references.
 */
class DefaultDatabaseTest {
  private static final int CYCLES = 1_000;

  @BeforeEach
  void useAnInMemoryDatabase() {
    System.setProperty("reflex.db.url", "sqlite://");
    System.setProperty("reflex.orm.provider", "jdbc-test");
  }

  @AfterEach
  void restore() {
    Reflex.database().close();
    System.clearProperty("reflex.db.url");
    System.clearProperty("reflex.orm.provider");
  }

  @Test
  void closingAndRebuildingKeepsOneHookAndNoClosedDatabase() throws Exception {
    List<WeakReference<ReflexDatabase>> closed = new ArrayList<>();
    for (int i = 0; i < CYCLES; i++) {
      ReflexDatabase database = Reflex.database();
      database.ping();
      database.close();
      closed.add(new WeakReference<>(database));
    }
    Reflex.database().ping(); // the last closed one is replaced too

    assertThat(reflexShutdownHooks()).as("shutdown hooks after %s rebuilds", CYCLES).isEqualTo(1);
    for (int attempt = 0; attempt < 20 && closed.stream().anyMatch(ref -> ref.get() != null); attempt++) {
      System.gc();
    }
    assertThat(closed.stream().filter(ref -> ref.get() != null).count()).as("closed databases still reachable")
        .isZero();
  }

  private static long reflexShutdownHooks() throws ReflectiveOperationException {
    Field hooks = Class.forName("java.lang.ApplicationShutdownHooks").getDeclaredField("hooks");
    hooks.setAccessible(true);
    Map<?, ?> registered = (Map<?, ?>) hooks.get(null);
    synchronized (Class.forName("java.lang.ApplicationShutdownHooks")) {
      return registered.keySet().stream().filter(hook -> ((Thread) hook).getName().equals("reflex-orm-shutdown"))
          .count();
    }
  }
}
