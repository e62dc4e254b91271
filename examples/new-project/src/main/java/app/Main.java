package app;

import dev.reflex.orm.Reflex;
import org.jdbi.v3.core.Handle;

/** Proves the new project's pom: it compiles a module, and runs on the jars it copies to target/lib. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int one = Reflex.transaction(session -> session.unwrap(Handle.class).createQuery("select 1")
        .mapTo(Integer.class).one());
    System.out.println("connected: select 1 gave " + one);
  }
}
