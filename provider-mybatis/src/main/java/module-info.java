/**
 * The reflex-orm provider for MyBatis 3.5: a {@code ReflexSession} hands out a MyBatis {@code SqlSession}
 * on a pooled connection, and {@link dev.reflex.orm.mybatis.MyBatisConfigurer} reaches MyBatis'
 * {@code Configuration} before it is built.
 *
 * <p>MyBatis creates a user's result objects by reflection and reads the XML mapper beside a mapper
 * interface as a resource of its package: a user module opens those packages to MyBatis
 * ({@code opens app.model to org.mybatis;}, {@code opens app.mapper to org.mybatis;}). Annotation mappers in
 * a package that is neither exported nor open work as they are. See the README's "MyBatis provider"
 * section.
 */
module dev.reflex.orm.mybatis {
  requires transitive dev.reflex.orm;
  requires transitive org.mybatis;
  requires org.slf4j;

  exports dev.reflex.orm.mybatis;

  provides dev.reflex.orm.spi.ReflexProvider with dev.reflex.orm.mybatis.MyBatisProvider;

  uses dev.reflex.orm.mybatis.MyBatisConfigurer;
}
