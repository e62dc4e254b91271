/** The project of docs/getting-started.md: an application module that requires one provider. */
module app {
  requires dev.reflex.orm.jdbi;
}
