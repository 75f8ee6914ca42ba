package org.shgledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The compiled module descriptor exports exactly the public API. Exporting a package is a promise
 * to every embedding application, so adding one must change this test as well as module-info.
 */
class ModuleDescriptorTest {

  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void theModuleExportsExactlyTheApiPackagesAndNoneOnlyToFriends() {
    ModuleDescriptor module = descriptor();
    assertEquals("org.shgledger.core", module.name());
    Set<String> exported = new TreeSet<>();
    for (ModuleDescriptor.Exports export : module.exports()) {
      assertTrue(!export.isQualified(), () -> "exported only to some modules: " + export);
      exported.add(export.source());
    }
    assertEquals(
        new TreeSet<>(Set.of(
            "org.shgledger",
            "org.shgledger.group",
            "org.shgledger.importing",
            "org.shgledger.importing.books",
            "org.shgledger.importing.passbook",
            "org.shgledger.importing.register",
            "org.shgledger.journal",
            "org.shgledger.loan",
            "org.shgledger.money",
            "org.shgledger.programme",
            "org.shgledger.report",
            "org.shgledger.store",
            "org.shgledger.unit")),
        exported);
    assertTrue(module.opens().isEmpty(), "no package is open to reflection");
  }

  @Test
  void theImplementerAndSamplePackagesAreInsideTheModuleButNotExported() {
    ModuleDescriptor module = descriptor();
    Set<String> exported =
        module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    Set<String> hidden = new TreeSet<>(module.packages());
    hidden.removeAll(exported);
    // store.migrations holds the schema's SQL files, read by Migrator from inside the module;
    // report.spi the statement's rule and month rows, shared by the reports and the store.
    assertEquals(
        Set.of("org.shgledger.importing.text", "org.shgledger.journal.spi", "org.shgledger.report.spi",
            "org.shgledger.sample", "org.shgledger.store.migrations"),
        hidden);
  }

  @Test
  void theMoneyTypeAndJdbcReachAnApplicationThroughTheModule() {
    Set<String> transitive =
        descriptor().requires().stream()
            .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
            .map(ModuleDescriptor.Requires::name)
            .collect(Collectors.toCollection(TreeSet::new));
    // Money is in nearly every signature, SQLException in the store's.
    assertEquals(new TreeSet<>(Set.of("java.sql", "org.joda.money")), transitive);
  }

  /** Found as an exploded module, so that its packages are those of the compiled classes. */
  private static ModuleDescriptor descriptor() {
    assertTrue(Files.isRegularFile(CLASSES.resolve("module-info.class")), "built by mvn compile");
    return ModuleFinder.of(CLASSES).find("org.shgledger.core").orElseThrow().descriptor();
  }
}
