package org.shgledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedding example in README.md compiles against the library's classes and prints what it
 * says. Against the installed jar, on the class path and the module path, examples/consumer/run
 * checks it again, as an outside application (run by .ci/run after mvn -B install).
 */
class ReadmeExampleTest {

  private static final Path README = Path.of("..", "README.md");

  @Test
  void theReadmeEmbeddingExampleCompilesAndRuns(@TempDir Path dir) throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertTrue(block.find(), "README.md has a ```java block");
    Path source = dir.resolve("EmbeddingExample.java");
    Files.writeString(source, block.group(1), StandardCharsets.UTF_8);

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
    int status = javac.run(null, null, diagnostics,
        "-encoding", "UTF-8", "-classpath", System.getProperty("java.class.path"),
        "-d", dir.toString(), source.toString());
    assertEquals(0, status, () -> "README example does not compile:\n" + diagnostics);

    String printed = runMain(dir);
    Matcher claim = Pattern.compile("It prints `([^`]*)`").matcher(readme);
    assertTrue(claim.find(), "README.md says what the example prints");
    assertEquals(claim.group(1), printed.strip());
  }

  private static String runMain(Path classes) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ReadmeExampleTest.class.getClassLoader())) {
      Method main = loader.loadClass("EmbeddingExample").getMethod("main", String[].class);
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      main.invoke(null, (Object) new String[0]);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * The README's dependency snippet names this build's version, so that what a developer pastes
   * is what {@code mvn -B install} put in the local repository; examples/consumer/run builds an
   * application with that snippet against the installed jar (in CI, after the install).
   */
  @Test
  void theReadmeDependencySnippetNamesThisVersion() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher block = Pattern.compile("```xml\\n(<dependency>.*?</dependency>)\\n```", Pattern.DOTALL)
        .matcher(readme);
    assertTrue(block.find(), "README.md has a ```xml block with a <dependency>");
    String version = System.getProperty("shg.expectedVersion");
    assertTrue(version != null && !version.isBlank(), "the pom passes shg.expectedVersion");
    assertEquals(
        String.join("\n",
            "<dependency>",
            "  <groupId>org.shgledger</groupId>",
            "  <artifactId>ledger-core</artifactId>",
            "  <version>" + version + "</version>",
            "</dependency>"),
        block.group(1));
  }

  @Test
  void theQuickStartHasExactlyTwoCommands() throws Exception {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    Matcher section = Pattern.compile("## Quick start\\n(.*?)\\n## ", Pattern.DOTALL).matcher(readme);
    assertTrue(section.find(), "README.md has a Quick start section");
    Matcher block = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(section.group(1));
    assertTrue(block.find(), "Quick start has a bash block");
    List<String> commands = block.group(1).lines().filter(l -> !l.isBlank()).toList();
    assertEquals(List.of("./shg demo", "mvn -B test"), commands);
  }
}
