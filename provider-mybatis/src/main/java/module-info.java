/**
 * The reflex-orm provider for MyBatis 3.5: a {@code ReflexSession} hands out a MyBatis {@code SqlSession}
 * on a pooled connection, and {@link dev.reflex.orm.mybatis.MyBatisConfigurer} reaches MyBatis'
 * {@code Configuration} before it is built.
 *
 * <p>MyBatis reads a user's result types, and XML mappers beside their interfaces, by reflection and
 * class-loader lookups: a user module opens those packages ({@code opens app.model to org.mybatis;}, and
 * {@code opens app.mapper;} for XML mappers). See the README's "MyBatis provider" section.
 */
module dev.reflex.orm.mybatis {
  requires transitive dev.reflex.orm;
  requires transitive org.mybatis;
  requires org.slf4j;

  exports dev.reflex.orm.mybatis;

  provides dev.reflex.orm.spi.ReflexProvider with dev.reflex.orm.mybatis.MyBatisProvider;

  uses dev.reflex.orm.mybatis.MyBatisConfigurer;
}
