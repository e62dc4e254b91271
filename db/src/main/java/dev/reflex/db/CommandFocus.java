package dev.reflex.db;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import liquibase.Scope;
import liquibase.SingletonObject;
import liquibase.SingletonScopeManager;
import liquibase.command.CommandDefinition;
import liquibase.command.CommandFactory;
import liquibase.command.CommandStep;

/**
 * Shows Liquibase's command line the one command a process runs. Liquibase's {@code LiquibaseCommandLine} declares
 * every command it has to picocli, each with all its options, whenever one is made: some 45 commands and thousands
 * of option declarations, about a tenth of a {@code status} run. It takes them from the {@link CommandFactory}
 * singleton, so reflex-db, which runs one command a process, hands it a factory that names that command alone
 * while the command line is made ({@link #on}), and every command at any other time: the options before the
 * command, the defaults file and the {@code LIQUIBASE_*} variables are still checked against all of them.
 *
 * <p>The factory is a singleton of Liquibase's root scope, which Liquibase makes itself on first use: reflex-db
 * hands out its own from a scope of its own just above the root scope, made with it, so that every command step
 * registers its arguments with reflex-db's factory. This takes a scope manager of reflex-db's for the thread that
 * runs the command (and the threads it starts), set before Liquibase is first used ({@link #install}).
 *
 * <p>Thread-safe; the focus holds for every thread while a command line is made.
 */
final class CommandFocus {
  private static volatile FocusedFactory factory;

  private CommandFocus() {}

  /**
   * Puts reflex-db's scope manager in place for the calling thread, once per process. Called first thing by a
   * process that runs reflex-db ({@link ReflexDb#main}, {@link AotTraining}), before Liquibase is used; not by
   * {@link ReflexDb#run}, which tests call in a JVM of theirs that may have used Liquibase already.
   */
  static synchronized void install() {
    if (factory == null) {
      FocusedFactory focused = new FocusedFactory();
      Scope.setScopeManager(new Manager(focused));
      factory = focused;
    }
  }

  /**
   * Makes something that reads Liquibase's commands, such as a {@code LiquibaseCommandLine}, with one command in
   * view: the one named, where Liquibase has a command of that one-word name, else every command.
   *
   * @param command the command as typed, e.g. {@code update-sql}; {@code null} for every command
   * @param maker makes it
   * @param <T> what it makes
   * @return what it made
   */
  static <T> T on(String command, Supplier<T> maker) {
    FocusedFactory focused = factory;
    if (focused == null || command == null) {
      return maker.get();
    }
    focused.focus = Commands.camelCase(command);
    try {
      return maker.get();
    } finally {
      focused.focus = null;
    }
  }

  /** Liquibase's factory, but for the commands it lists while a command is in focus. */
  private static final class FocusedFactory extends CommandFactory {
    private volatile String focus;

    @Override
    public SortedSet<CommandDefinition> getCommands(boolean includeInternal) {
      String command = focus;
      CommandDefinition definition = command == null ? null : definition(command);
      if (definition == null || !includeInternal && definition.getInternal()) {
        return super.getCommands(includeInternal);
      }
      SortedSet<CommandDefinition> one = new TreeSet<>();
      one.add(definition);
      return Collections.unmodifiableSortedSet(one);
    }

    /**
     * Returns the command as Liquibase names it, or {@code null}. Liquibase finds a command's steps by its name
     * without case, and would make a definition named as typed ({@code releaselocks}), which its help would show:
     * the name is the one the command's own step declares.
     */
    private CommandDefinition definition(String typed) {
      try {
        for (CommandStep step : getCommandDefinition(typed).getPipeline()) {
          String[][] names = step.defineCommandNames();
          for (String[] name : names == null ? new String[0][] : names) {
            if (name.length == 1 && name[0].equalsIgnoreCase(typed)) {
              return getCommandDefinition(name);
            }
          }
        }
      } catch (IllegalArgumentException e) {
        // not a command of that name (a group such as "init project"): every command, as Liquibase lists them
      }
      return null;
    }
  }

  /** The scope that hands out the focused factory; every other singleton and value is the root scope's. */
  private static final class FocusScope extends Scope {
    private final FocusedFactory factory;

    FocusScope(Scope root, FocusedFactory factory) {
      super(root, null);
      this.factory = factory;
    }

    @Override
    public synchronized <T extends SingletonObject> T getSingleton(Class<T> type) {
      return type == CommandFactory.class ? type.cast(factory) : super.getSingleton(type);
    }
  }

  /** Liquibase's own scope manager, but for the focus scope it puts above the root scope when that is made. */
  private static final class Manager extends SingletonScopeManager {
    private final FocusedFactory factory;

    Manager(FocusedFactory factory) {
      this.factory = factory;
    }

    @Override
    protected synchronized void setCurrentScope(Scope scope) {
      // Scope.getCurrentScope() sets the root scope it has just made as the current one: the focus scope instead,
      // which no one exits, so it stays below every scope Liquibase enters and exits
      super.setCurrentScope(scope != null && scope.getParent() == null ? new FocusScope(scope, factory) : scope);
    }
  }
}
