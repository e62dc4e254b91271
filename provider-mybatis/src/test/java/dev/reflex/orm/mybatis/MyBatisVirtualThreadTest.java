package dev.reflex.orm.mybatis;

import dev.reflex.orm.testing.UserApp;
import dev.reflex.orm.testing.VirtualThreads;
import org.junit.jupiter.api.Test;

/** A thousand virtual threads' transactions through this provider, in a JDK 25 application of its own. */
class MyBatisVirtualThreadTest {
  @Test
  void aThousandVirtualThreadsAllCommitOnSqliteH2AndPostgresqlWithoutPinningACarrier() {
    VirtualThreads.runAndCheck(UserApp.providerRuntimePath()).forEach(System.out::println);
  }
}
