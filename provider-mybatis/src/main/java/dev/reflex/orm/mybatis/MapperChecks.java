package dev.reflex.orm.mybatis;

import dev.reflex.orm.ProviderFailedException;
import java.io.IOException;
import java.lang.module.ModuleReader;
import java.lang.module.ResolvedModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.mapping.ResultMap;
import org.apache.ibatis.session.Configuration;

/**
 * Checks, when the database is built, what MyBatis would otherwise find out at the first query: an XML mapper
 * in a package not opened to MyBatis is silently not read ("Invalid bound statement"), and a result class in a
 * package neither opened nor exported to MyBatis cannot be filled.
 *
 * <p>Thread-safe (stateless).
 */
final class MapperChecks {
  private MapperChecks() {}

  /**
   * Fails, naming the one line to add, when an XML mapper beside a registered interface is out of MyBatis' reach.
   *
   * @param registered the classes the application registered
   * @throws ProviderFailedException for the first such mapper
   */
  static void checkXmlMappersOpen(List<Class<?>> registered) {
    Module mybatis = Configuration.class.getModule();
    for (Class<?> type : registered) {
      Module module = type.getModule();
      String xml = type.getName().replace('.', '/') + ".xml";
      if (type.isInterface() && module.isNamed() && !module.isOpen(type.getPackageName(), mybatis)
          && contains(module, xml)) {
        throw notOpen("MyBatis cannot read " + xml + ", the XML mapper of " + type.getName(), module,
            type.getPackageName(), mybatis);
      }
    }
  }

  /**
   * Fails, naming the one line to add, when a result class of the application's modules is out of MyBatis' reach.
   *
   * @param configuration the configuration, with every mapper parsed
   * @param registered the classes the application registered: their modules are the application's
   * @throws ProviderFailedException for the first such class
   */
  static void checkResultTypesReachable(Configuration configuration, List<Class<?>> registered) {
    Module mybatis = Configuration.class.getModule();
    Set<Module> own = registered.stream().map(Class::getModule).filter(Module::isNamed).collect(Collectors.toSet());
    // a select's resultType makes an inline result map that only its statement holds; MyBatis' maps may also hold
    // an ambiguity marker under a short name, hence the instanceof
    List<ResultMap> resultMaps = new ArrayList<>();
    for (Object value : configuration.getResultMaps()) {
      if (value instanceof ResultMap) {
        resultMaps.add((ResultMap) value);
      }
    }
    for (Object value : configuration.getMappedStatements()) {
      if (value instanceof MappedStatement) {
        resultMaps.addAll(((MappedStatement) value).getResultMaps());
      }
    }
    for (ResultMap resultMap : resultMaps) {
      Class<?> type = resultMap.getType();
      Module module = type.getModule();
      String pkg = type.getPackageName();
      if (own.contains(module) && !module.isOpen(pkg, mybatis) && !module.isExported(pkg, mybatis)) {
        throw notOpen("MyBatis cannot create " + type.getName() + ", the result of " + resultMap.getId(), module,
            pkg, mybatis);
      }
    }
  }

  private static ProviderFailedException notOpen(String what, Module module, String pkg, Module mybatis) {
    String line = mybatis.isNamed() ? "opens " + pkg + " to " + mybatis.getName() + ";" : "opens " + pkg + ";";
    return new ProviderFailedException(what + ": module " + module.getName() + " does not open package " + pkg
        + " to it; add `" + line + "` to the module-info.java of " + module.getName());
  }

  /** Reads the module's own contents: a resource in a package that is not open is hidden from class loaders. */
  private static boolean contains(Module module, String resource) {
    Optional<ResolvedModule> resolved = module.getLayer() == null ? Optional.empty()
        : module.getLayer().configuration().findModule(module.getName());
    if (resolved.isEmpty()) {
      return false;
    }
    try (ModuleReader reader = resolved.get().reference().open()) {
      return reader.find(resource).isPresent();
    } catch (IOException e) {
      return false; // unreadable here means unreadable to MyBatis too: it reports that itself
    }
  }
}
