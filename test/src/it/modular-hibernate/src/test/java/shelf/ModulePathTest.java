package shelf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reflex.orm.ReflexDatabase;
import dev.reflex.orm.test.ReflexTest;
import org.junit.jupiter.api.Test;

/** Where Surefire put what: this project's tests are worth nothing if they ran on the class path. */
@ReflexTest(register = Book.class)
class ModulePathTest {
  @Test
  void theShelfAndTheApiAreNamedModulesAndReflexOrmTestIsOnTheClassPath(ReflexDatabase db) {
    assertThat(Book.class.getModule().getName()).isEqualTo("shelf");
    assertThat(ReflexDatabase.class.getModule().getName()).isEqualTo("dev.reflex.orm");
    assertThat(ReflexTest.class.getModule().isNamed()).isFalse();
  }
}
