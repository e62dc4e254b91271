package shelf;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

public interface Books {
  @SqlUpdate("insert into book (id, title) values (:id, :title)")
  void insert(@Bind("id") int id, @Bind("title") String title);

  @SqlQuery("select count(*) from book")
  int count();
}
