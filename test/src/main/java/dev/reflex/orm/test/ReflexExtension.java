package dev.reflex.orm.test;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.ReflexSession;
import dev.reflex.orm.spi.ClassPathExports;
import dev.reflex.orm.test.internal.ClassState;
import dev.reflex.orm.test.internal.LeakCheck;
import dev.reflex.orm.test.internal.TestSettings;
import dev.reflex.orm.test.internal.Templates;
import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link ReflexTest}, which can also be registered with settings chosen in code:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ReflexExtension DB = ReflexExtension.builder()
 *     .isolation(Isolation.FRESH_DATABASE).changelog("db/test-changelog.yaml").register(Book.class).build();
 * }</pre>
 *
 * <p>Per test class it bootstraps the ORM once; the database it runs on is a copy of a template migrated once
 * per run (see {@link Isolation}). After each test it rolls back and closes the session it handed out, then
 * fails the test if any other session or pooled connection is still open, naming where it was opened.
 *
 * <p>Thread-safe: the state lives in JUnit's stores; tests of one class must not run in parallel.
 */
public final class ReflexExtension
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(ReflexExtension.class);
  private static final String CLASS_STATE = "class";
  private static final String SESSION = "session";
  private final TestSettings settings;

  static {
    // on the class path beside an API on the module path, as Surefire runs a modular application's tests, the
    // API's internal package is exported to this jar at run time, before anything here uses it
    ClassPathExports.grant(MethodHandles.lookup());
  }

  /** Used by {@link ReflexTest}: the settings are read from the annotation of the test class. */
  public ReflexExtension() {
    this(null);
  }

  ReflexExtension(TestSettings settings) {
    this.settings = settings;
  }

  /** @return a builder for an extension with settings chosen in code */
  public static ReflexExtensionBuilder builder() {
    return new ReflexExtensionBuilder();
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    classState(context);
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    classState(context).beforeTest();
  }

  @Override
  public void afterEach(ExtensionContext context) {
    ClassState state = classState(context);
    try {
      ReflexSession own = context.getStore(NAMESPACE).remove(SESSION, ReflexSession.class);
      if (own != null) {
        own.close();
      }
      LeakCheck.afterTest(state.dataSource(), context.getRequiredTestClass(),
          context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName() + "()");
    } finally {
      state.afterTest();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == ReflexDatabase.class) {
      return true;
    }
    return context.getTestMethod().isPresent()
        && (type == ReflexSession.class || classState(context).database().sessionTypes().contains(type));
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    ClassState state = classState(context);
    if (type == ReflexDatabase.class) {
      return state.database();
    }
    ReflexSession session = context.getStore(NAMESPACE)
        .getOrComputeIfAbsent(SESSION, key -> state.database().session(), ReflexSession.class);
    return session.unwrap(type);
  }

  private ClassState classState(ExtensionContext context) {
    ExtensionContext classContext = context.getTestMethod().isPresent() ? context.getParent().orElseThrow() : context;
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(CLASS_STATE, key -> {
      TestSettings chosen = settings != null ? settings : ReflexExtensionBuilder.fromAnnotation(classContext);
      return new ClassState(chosen, Templates.forClass(chosen, classContext));
    }, ClassState.class);
  }
}
