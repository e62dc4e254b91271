/** reflex-orm provider for MyBatis. Filled in by the provider and reflex-db issues. */
module dev.reflex.orm.mybatis {
  requires dev.reflex.orm;
}
