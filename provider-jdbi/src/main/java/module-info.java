/**
 * The reflex-orm provider for JDBI 3: a {@code ReflexSession} hands out a JDBI {@code Handle} on a pooled
 * connection, with the SqlObject plugin installed, and {@link dev.reflex.orm.jdbi.JdbiConfigurer} reaches
 * the {@code Jdbi} before its first use.
 *
 * <p>JDBI's reflective mappers ({@code ConstructorMapper}, {@code BeanMapper}) read a user's result types:
 * a user module opens those packages to {@code org.jdbi.v3.core}. See the README's "JDBI provider" section.
 */
module dev.reflex.orm.jdbi {
  requires transitive dev.reflex.orm;
  requires transitive org.jdbi.v3.core;
  requires transitive org.jdbi.v3.sqlobject;
  requires org.slf4j;
  // JDBI core (an automatic module, which requires nothing by name) needs geantyref, an explicit module:
  // requiring it here is what resolves it on a user's module path
  requires io.leangen.geantyref;

  exports dev.reflex.orm.jdbi;

  provides dev.reflex.orm.spi.ReflexProvider with dev.reflex.orm.jdbi.JdbiProvider;

  uses dev.reflex.orm.jdbi.JdbiConfigurer;
}
