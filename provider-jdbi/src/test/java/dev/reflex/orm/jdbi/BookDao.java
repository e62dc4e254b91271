package dev.reflex.orm.jdbi;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A SqlObject for the contract's {@code book (id, title)} table. */
public interface BookDao {
  @SqlUpdate("insert into book (id, title) values (:id, :title)")
  void insert(@Bind("id") long id, @Bind("title") String title);

  /** @return the title, or {@code null} when there is no such row */
  @SqlQuery("select title from book where id = :id")
  String title(@Bind("id") long id);

  @SqlUpdate("update book set title = :title where id = :id")
  int rename(@Bind("id") long id, @Bind("title") String title);

  @SqlUpdate("delete from book where id = :id")
  int delete(@Bind("id") long id);
}
