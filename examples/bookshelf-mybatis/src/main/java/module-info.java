/** The bookshelf on MyBatis: the result class's package is opened to MyBatis, which fills it by reflection. */
module bookshelf.mybatis {
  requires dev.reflex.orm.mybatis;

  opens bookshelf.mybatis to org.mybatis;
}
