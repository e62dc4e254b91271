/**
 * The reflex-orm provider for MyBatis 3.5, chosen with the name {@code mybatis}.
 *
 * <p>Applications register their mapper interfaces with {@code ReflexDatabase.builder().register(...)},
 * unwrap a session to MyBatis' {@link org.apache.ibatis.session.SqlSession}, and reach MyBatis'
 * {@link org.apache.ibatis.session.Configuration} through a {@link dev.reflex.orm.mybatis.MyBatisConfigurer}.
 */
package dev.reflex.orm.mybatis;
