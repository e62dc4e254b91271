package dev.reflex.orm.moduletests;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built jars as a module graph: what the API exports, and that resolving it with service binding, as
 * {@code java --module-path} does, brings in all three providers through their {@code provides}.
 */
class ModuleLayerTest {
  private static List<Path> allProviders() {
    List<Path> path = new ArrayList<>();
    for (String flavour : List.of("hibernate", "mybatis", "jdbi")) {
      path.addAll(Examples.lib(flavour, jar -> true));
    }
    return path;
  }

  @Test
  void theApiExportsExactlyItsTwoPackagesAndUsesTheProviderInterface() {
    ModuleDescriptor api = ModuleFinder.of(allProviders().toArray(Path[]::new)).find("dev.reflex.orm")
        .orElseThrow().descriptor();
    assertThat(api.exports()).filteredOn(e -> !e.isQualified()).extracting(ModuleDescriptor.Exports::source)
        .containsExactlyInAnyOrder("dev.reflex.orm", "dev.reflex.orm.spi");
    assertThat(api.exports()).filteredOn(ModuleDescriptor.Exports::isQualified)
        .extracting(e -> e.source() + " to " + new TreeSet<>(e.targets())).containsExactlyInAnyOrder(
            // the URL parser, the pool set-up and the masking helper, for reflex-db and the test extension
            "dev.reflex.orm.internal to [dev.reflex.db, dev.reflex.orm.migrations, dev.reflex.orm.test]",
            // Transactions and the one rule for a lost connection, for the three providers only
            "dev.reflex.orm.internal.jdbc to [dev.reflex.orm.hibernate, dev.reflex.orm.jdbi, dev.reflex.orm.mybatis]");
    assertThat(api.uses()).contains("dev.reflex.orm.spi.ReflexProvider");
    assertThat(api.requires()).extracting(ModuleDescriptor.Requires::name).doesNotContain("org.hibernate.orm.core",
        "org.mybatis", "org.jdbi.v3.core");
  }

  @Test
  void resolvingTheApiBindsAllThreeProvidersThroughProvides() {
    ModuleFinder finder = ModuleFinder.of(allProviders().toArray(Path[]::new));
    Configuration graph = ModuleLayer.boot().configuration().resolveAndBind(finder, ModuleFinder.of(),
        Set.of("dev.reflex.orm"));
    Set<String> modules = graph.modules().stream().map(ResolvedModule::name).collect(Collectors.toSet());
    assertThat(modules).contains("dev.reflex.orm.hibernate", "dev.reflex.orm.mybatis", "dev.reflex.orm.jdbi");
    for (String provider : List.of("dev.reflex.orm.hibernate", "dev.reflex.orm.mybatis", "dev.reflex.orm.jdbi")) {
      ModuleDescriptor descriptor = graph.findModule(provider).orElseThrow().reference().descriptor();
      assertThat(descriptor.provides()).extracting(ModuleDescriptor.Provides::service)
          .contains("dev.reflex.orm.spi.ReflexProvider");
      assertThat(descriptor.isAutomatic()).isFalse();
    }
    // the old javax.xml.bind API, which breaks a boot layer beside jakarta.xml.bind, is nowhere in the graph
    assertThat(modules).doesNotContain("java.xml.bind");
  }
}
