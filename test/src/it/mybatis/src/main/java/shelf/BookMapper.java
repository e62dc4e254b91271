package shelf;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

public interface BookMapper {
  @Insert("insert into book (id, title) values (#{id}, #{title})")
  void insert(@Param("id") int id, @Param("title") String title);

  @Select("select count(*) from book")
  int count();
}
