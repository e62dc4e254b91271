package dev.reflex.orm.mybatis;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** An annotation mapper for the contract's {@code book (id, title)} table. */
public interface BookMapper {
  @Insert("insert into book (id, title) values (#{id}, #{title})")
  void insert(@Param("id") long id, @Param("title") String title);

  @Select("select title from book where id = #{id}")
  String title(long id);

  @Update("update book set title = #{title} where id = #{id}")
  int rename(@Param("id") long id, @Param("title") String title);

  @Delete("delete from book where id = #{id}")
  int delete(long id);
}
