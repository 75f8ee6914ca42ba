package org.shgledger.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Supplies the text of {@code shg --version}: {@code shg 1.0.0}. The number comes from the
 * Maven-filtered resource {@code shg-version.properties}, so it is always the built project's
 * version.
 */
public final class VersionProvider implements IVersionProvider {

  private static final String RESOURCE = "/shg-version.properties";

  /** Creates the provider; picocli calls this. */
  public VersionProvider() {}

  @Override
  public String[] getVersion() {
    return new String[] {"shg " + version()};
  }

  /**
   * The project version this program was built as.
   *
   * @return the version, such as {@code 1.0.0}, not null
   * @throws IllegalStateException if the build did not package or filter the version resource
   */
  public static String version() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the class path: a build fault");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    String version = properties.getProperty("version", "");
    // An unfiltered resource still says ${project.version}; a build fault, not a version.
    if (version.isBlank() || version.contains("${")) {
      throw new IllegalStateException(
          RESOURCE + " holds no filtered version ('" + version + "'): a build fault");
    }
    return version.strip();
  }
}
