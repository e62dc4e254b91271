package dev.reflex.orm.mybatis;

import java.util.List;

/** A mapper whose XML names its result class by a short name that is no type alias, as users mistype it. */
public interface BadAliasMapper {
  /** @return never: the mapper does not load */
  List<Book> all();
}
