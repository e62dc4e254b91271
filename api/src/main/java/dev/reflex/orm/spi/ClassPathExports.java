package dev.reflex.orm.spi;

import java.lang.invoke.MethodHandles;
import java.lang.module.ModuleDescriptor;
import java.util.Objects;

/**
 * Lets reflex-orm's own jars use the API's internal packages when they run on the class path while the API runs
 * on the module path. That is how Surefire runs the tests of a modular application: the dependencies its
 * {@code module-info.java} requires (the API, the provider) go on the module path, the test-scoped ones
 * (reflex-orm-test and the migrations library it brings) on the class path, where the qualified exports of the
 * API's descriptor, which name modules, cannot reach them.
 *
 * <p>Not for applications. It exports to the caller's unnamed module exactly the packages the descriptor exports
 * to the reflex-orm module whose root package holds the caller (a class of {@code dev.reflex.orm.test.internal}
 * gets what {@code dev.reflex.orm.test} gets), and nothing at all to a named module, to a class outside those
 * packages, or when the API itself is on the class path. It is not a security boundary: class-path code could
 * equally be started with {@code --add-exports}; it keeps the API's internals out of reach of the modules that
 * applications write.
 *
 * <p>Thread-safe (stateless).
 */
public final class ClassPathExports {
  private ClassPathExports() {}

  /**
   * Exports to the caller's unnamed module the internal packages its reflex-orm module is meant to read, when
   * the caller is on the class path and the API on the module path; otherwise does nothing. Call it once, from
   * the static initializer of the class through which the jar is entered, before any internal type is used.
   *
   * @param caller {@code MethodHandles.lookup()} of the calling class, which proves what that class is
   * @return whether any package was exported
   * @throws IllegalArgumentException when the lookup has not the full privilege of its class, so does not prove it
   */
  public static boolean grant(MethodHandles.Lookup caller) {
    Objects.requireNonNull(caller, "caller");
    if (!caller.hasFullPrivilegeAccess()) {
      throw new IllegalArgumentException("ClassPathExports.grant needs MethodHandles.lookup() of the calling class, "
          + "got a lookup without full privilege on " + caller.lookupClass().getName());
    }
    Module api = ClassPathExports.class.getModule();
    Module module = caller.lookupClass().getModule();
    if (!api.isNamed() || module.isNamed()) {
      return false; // all on the class path, or all on the module path: the descriptor says everything
    }
    String callerPackage = caller.lookupClass().getPackageName();
    boolean granted = false;
    for (ModuleDescriptor.Exports export : api.getDescriptor().exports()) {
      // a module's name is its root package (dev.reflex.orm.test holds dev.reflex.orm.test.internal)
      boolean forCaller = export.targets().stream()
          .anyMatch(target -> callerPackage.equals(target) || callerPackage.startsWith(target + "."));
      if (export.isQualified() && forCaller) {
        api.addExports(export.source(), module);
        granted = true;
      }
    }
    return granted;
  }
}
