package bookshelf.jdbi;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The shelf's SQL, as a JDBI SqlObject. */
public interface Shelf {
  @SqlUpdate("insert into book (title, flavour) values (:title, :flavour)")
  void insert(@Bind("title") String title, @Bind("flavour") String flavour);

  @SqlQuery("select count(*) from book")
  int count();
}
