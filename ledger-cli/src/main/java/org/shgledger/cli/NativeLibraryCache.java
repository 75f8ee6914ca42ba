package org.shgledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * Where {@code shg} keeps SQLite's native library: unpacked once into a versioned folder of the
 * user's cache ({@code $XDG_CACHE_HOME/shg/}, else {@code ~/.cache/shg/}), such as {@code
 * sqlite-3.50.3.0-Linux-amd64/libsqlitejdbc.so}, and loaded from there by every later start.
 *
 * <p>Left to itself, sqlite-jdbc copies the library (about 1 MiB) into {@code java.io.tmpdir} under
 * a new random name at every start, and deletes it at exit only when the JVM exits normally: a
 * killed {@code shg} leaves it behind. Its documented system properties {@code org.sqlite.lib.path}
 * and {@code org.sqlite.lib.name} name a library to load instead, and {@code org.sqlite.tmpdir} the
 * folder it would unpack into (and clears of stale copies) should that load fail.
 *
 * <p>This is the program's choice, made in {@link Shg#main}, not the library's: an application
 * embedding ledger-core chooses its own (docs/performance.md, "Start-up").
 */
final class NativeLibraryCache {

  /** sqlite-jdbc's documented system properties (its README, "How to specify the native library"). */
  static final String LIB_PATH = "org.sqlite.lib.path";

  static final String LIB_NAME = "org.sqlite.lib.name";
  static final String TMPDIR = "org.sqlite.tmpdir";

  private NativeLibraryCache() {}

  /**
   * Points sqlite-jdbc at the cached library, unpacking it first if this is the first start of
   * this version. Never fails: if the cache cannot be used (no home, a read-only disk), sqlite-jdbc
   * is left to its own way, as before. A library path given on the command line ({@code
   * -Dorg.sqlite.lib.path=...}) wins.
   */
  static void use() {
    if (System.getProperty(LIB_PATH) != null) {
      return;
    }
    try {
      cachedLibrary(cacheRoot()).ifPresent(library -> {
        System.setProperty(LIB_PATH, library.getParent().toString());
        System.setProperty(LIB_NAME, library.getFileName().toString());
        System.setProperty(TMPDIR, library.getParent().toString());
      });
    } catch (IOException | RuntimeException e) {
      // the cache is a speed-up only: sqlite-jdbc unpacks into the temporary directory as before
    }
  }

  /**
   * The library in its folder under {@code root}, unpacked there if it is not there yet.
   *
   * <p>Unpacked to a temporary name in the same folder and renamed into place, so that no process
   * ever sees half a library, and two first starts at the same instant each write their own copy
   * and the second rename replaces the first with the same bytes (one that has it mapped keeps
   * its copy until it exits).
   *
   * @param root the folder holding one folder per sqlite-jdbc version, created when missing
   * @return the library's path, or empty when sqlite-jdbc has no library for this platform
   * @throws IOException when the folder cannot be made or written
   */
  static Optional<Path> cachedLibrary(Path root) throws IOException {
    String name = LibraryLoaderUtil.getNativeLibName();
    // the version and the platform name the folder, so that an upgrade, or a home shared by
    // machines of two kinds, never loads a library built for another
    Path folder = root.resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + "-"
        + safe(System.getProperty("os.name")) + "-" + safe(System.getProperty("os.arch")));
    Path library = folder.resolve(name);
    if (Files.isRegularFile(library)) {
      return Optional.of(library); // every start after the first: one look at the disk
    }
    String resource = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
    try (InputStream bytes = SQLiteJDBCLoader.class.getResourceAsStream(resource)) {
      if (bytes == null) {
        return Optional.empty();
      }
      Files.createDirectories(folder);
      Path partial = Files.createTempFile(folder, name + ".", ".partial");
      try {
        Files.copy(bytes, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Windows refuses to replace a library another process has loaded: that one is complete
        if (!Files.isRegularFile(library)) {
          throw e;
        }
      } finally {
        Files.deleteIfExists(partial);
      }
    }
    return Optional.of(library);
  }

  /** The user's cache folder for shg: {@code $XDG_CACHE_HOME/shg}, else {@code ~/.cache/shg}. */
  static Path cacheRoot() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
        ? Path.of(xdg)
        : Path.of(System.getProperty("user.home"), ".cache");
    return base.resolve("shg");
  }

  /** A system property's value fit for a folder's name ("Mac OS X" becomes "Mac_OS_X"). */
  private static String safe(String value) {
    return value == null ? "unknown" : value.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
