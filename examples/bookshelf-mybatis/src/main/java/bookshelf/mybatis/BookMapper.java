package bookshelf.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The shelf's SQL, as a MyBatis annotation mapper. */
public interface BookMapper {
  @Insert("insert into book (title, flavour) values (#{title}, #{flavour})")
  void insert(@Param("title") String title, @Param("flavour") String flavour);

  @Select("select id, title, flavour from book order by id")
  List<Book> all();
}
