package dev.reflex.orm.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.invoke.MethodHandles;
import org.junit.jupiter.api.Test;

/**
 * What {@link ClassPathExports} refuses. What it grants, to reflex-orm-test and the migrations library on the class
 * path beside an API on the module path, is shown by provider-jdbi's {@code ExtensionModulePathTest} and the user
 * project {@code test/src/it/modular-hibernate}, which run a modular application's tests as Surefire does.
 */
class ClassPathExportsTest {
  @Test
  void aLookupThatDoesNotProveItsClassIsRefused() {
    assertThatThrownBy(() -> ClassPathExports.grant(MethodHandles.publicLookup()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ClassPathExports.grant needs MethodHandles.lookup() of the calling class, got a lookup without "
            + "full privilege on java.lang.Object");
  }

  @Test
  void nothingIsExportedWhenTheApiIsOnTheClassPathToo() {
    assertThat(ClassPathExports.class.getModule().isNamed()).as("these tests run on the class path").isFalse();

    assertThat(ClassPathExports.grant(MethodHandles.lookup())).isFalse();
  }
}
