package org.shgledger.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library is unpacked once into the user's cache and loaded from there: a start
 * neither unpacks it again nor leaves a copy in the temporary directory, and first starts at the
 * same instant all work.
 */
class NativeLibraryCacheTest {

  @Test
  void theFirstLookUnpacksTheLibraryIntoAVersionedFolderAndLaterOnesReuseIt(@TempDir Path cache)
      throws IOException {
    Path library = NativeLibraryCache.cachedLibrary(cache).orElseThrow();

    assertTrue(library.getParent().getFileName().toString()
        .startsWith("sqlite-" + SQLiteJDBCLoader.getVersion() + "-"), library.toString());
    assertArrayEquals(packaged(library.getFileName().toString()), Files.readAllBytes(library));

    FileTime written = FileTime.fromMillis(0);
    Files.setLastModifiedTime(library, written);
    assertEquals(Optional.of(library), NativeLibraryCache.cachedLibrary(cache));
    assertEquals(written, Files.getLastModifiedTime(library), "not written again");
    assertEquals(List.of(library), files(cache), "nothing else in the cache");
  }

  @Test
  void lookingAtOnceFromManyThreadsGivesOneWholeLibraryAndNoPartialFiles(@TempDir Path cache)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Optional<Path>>> looks = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        looks.add(pool.submit(() -> NativeLibraryCache.cachedLibrary(cache)));
      }
      Path library = looks.get(0).get().orElseThrow();
      for (Future<Optional<Path>> look : looks) {
        assertEquals(Optional.of(library), look.get());
      }
      assertArrayEquals(packaged(library.getFileName().toString()), Files.readAllBytes(library));
      assertEquals(List.of(library), files(cache));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoStartsLeaveNothingInTheTemporaryDirectory(@TempDir Path dir) throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path cache = dir.resolve("cache");
    for (int start = 1; start <= 2; start++) {
      Process shg = shg(tmp, cache, dir.resolve("books.db"));
      assertEquals(0, shg.waitFor(), output(shg));
      assertEquals(List.of(), files(tmp), "start " + start + " left files in java.io.tmpdir");
    }
    assertEquals(1, files(cache).size(), files(cache).toString());
  }

  /**
   * sqlite-jdbc deletes its unpacked copy only when the JVM exits normally; a killed start (here
   * one that halts, running no exit hooks) left it in the temporary directory for good.
   */
  @Test
  void aKilledStartLeavesNothingInTheTemporaryDirectory(@TempDir Path dir) throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Process killed = java(tmp, dir.resolve("cache"), KilledStart.class.getName(),
        dir.resolve("books.db").toString());
    assertEquals(0, killed.waitFor(), output(killed));
    assertEquals(List.of(), files(tmp));
  }

  /** Opens a SQLite book as {@code shg} would, then halts as a killed process stops. */
  static final class KilledStart {
    public static void main(String[] args) throws Exception {
      NativeLibraryCache.use();
      DriverManager.getConnection("jdbc:sqlite:" + args[0]).close();
      Runtime.getRuntime().halt(0);
    }
  }

  @Test
  void firstStartsAtTheSameInstantAllWork(@TempDir Path dir) throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path cache = dir.resolve("cache");
    List<Process> starts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      starts.add(shg(tmp, cache, dir.resolve("books" + i + ".db")));
    }
    for (Process shg : starts) {
      assertEquals(0, shg.waitFor(), output(shg));
    }
    assertEquals(1, files(cache).size(), "one library, no partial copies: " + files(cache));
    assertEquals(List.of(), files(tmp));
  }

  /**
   * {@code shg group create} in a JVM of its own, which creates a SQLite book, with its
   * temporary directory and its cache (through XDG_CACHE_HOME) in the test's folder.
   */
  private static Process shg(Path tmp, Path cache, Path db) throws IOException {
    return java(tmp, cache, Shg.class.getName(), "group", "create", "SHG01",
        "--name", "Roshni Mahila Samooh", "--formed", "2024-04-01", "--monthly-savings", "100",
        "--db", db.toString());
  }

  private static Process java(Path tmp, Path cache, String mainClass, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.io.tmpdir=" + tmp, "-Dslf4j.internal.verbosity=ERROR",
        "-cp", System.getProperty("java.class.path"), mainClass));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("XDG_CACHE_HOME", cache.toString());
    return builder.start();
  }

  private static String output(Process process) throws IOException {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  private static byte[] packaged(String name) throws IOException {
    try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(
        LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
      return in.readAllBytes();
    }
  }

  private static List<Path> files(Path root) throws IOException {
    if (!Files.exists(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
