package dev.reflex.orm.mybatis;

import java.util.List;

/** A mapper whose statements live in {@code BookXmlMapper.xml} beside it, as MyBatis finds them. */
public interface BookXmlMapper {
  /** @return every book, its title read from the column alias {@code book_title} */
  List<Book> all();
}
