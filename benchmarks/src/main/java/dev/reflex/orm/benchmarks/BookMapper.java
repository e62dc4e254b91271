package dev.reflex.orm.benchmarks;

import org.apache.ibatis.annotations.Select;

/** The MyBatis mapper. */
public interface BookMapper {
  @Select("select id, title from book where id = #{id}")
  Book find(long id);
}
