/** The bookshelf on JDBI: nothing to open, the SqlObject interface is public and exported. */
module bookshelf.jdbi {
  requires dev.reflex.orm.jdbi;

  exports bookshelf.jdbi;
}
