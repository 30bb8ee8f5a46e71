package dev.orchard.catalog;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.orchard.probe.Deadline;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Catalog files are often downloaded or generated: huge, deep, aliased, binary or not files at all. Each must fail
 * fast, in little memory, with a short message that names the file.
 */
class HostileCatalogTest {

    private static final Duration FAST = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    /** A catalog whose only value is one string of {@code size} bytes. */
    static Path oneString(Path file, long size) throws IOException {
        try (var out = Files.newOutputStream(file)) {
            out.write("name: ".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "a".repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
            for (long left = size; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
        return file;
    }

    /** A 1 GB file that takes no disk: a sparse file of zero bytes. */
    static Path sparse(Path file) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(1L << 30);
        }
        return file;
    }

    /** A named pipe nobody writes to, where the OS has mkfifo; opening it for reading would block. */
    static Path fifo(Path file) throws IOException, InterruptedException {
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", file.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return null;
        }
        return mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0 ? file : null;
    }

    private static String failure(Path file) {
        CatalogException error = Deadline.endsBefore(FAST, () -> assertThrows(CatalogException.class,
                () -> Catalog.read(List.of(file.toString()))));
        return shortAndNamed(error, file);
    }

    static String shortAndNamed(CatalogException error, Path file) {
        String message = error.getMessage();
        assertThat(message, containsString(file.toString()));
        assertThat(message.length(), lessThan(400));
        return message;
    }

    @Test
    void aFiftyMegabyteStringFailsFastNamingTheFile() throws IOException {
        Path file = oneString(dir.resolve("huge.yaml"), 50L << 20);
        assertThat(failure(file), containsString("larger than " + Catalog.MAX_BYTES + " bytes"));
    }

    @Test
    void aOneGigabyteFileFailsFast() throws IOException {
        Path file = sparse(dir.resolve("sparse.yaml"));
        assertThat(failure(file), containsString("is 1073741824 bytes"));
    }

    @Test
    void aFifoIsRefusedWithoutOpeningIt() throws Exception {
        Path file = fifo(dir.resolve("pipe.yaml"));
        assumeTrue(file != null, "this OS has no mkfifo");
        assertThat(failure(file), containsString("not a regular file"));
    }

    @Test
    void aDirectoryIsRefused() {
        assertThat(failure(dir), containsString("is a directory"));
    }

    @Test
    void theLargestStringThatFitsIsRefusedFastAndQuotedShort() throws IOException {
        Path file = oneString(dir.resolve("big.yaml"), Catalog.MAX_BYTES - 100);
        String message = failure(file);
        assertThat(message, containsString("at most " + YamlNode.MAX_SCALAR));
        assertThat(message, containsString("aaaa…["));
    }

    @Test
    void anAliasIsRefusedWithItsLine() {
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.parse(CatalogValidationTest.HEAD
                + "      - host: &h mdm.example.com\n        ports: [443]\n      - host: *h\n        ports: [80]\n",
                "site.yaml"));
        assertThat(error.getMessage(), containsString("site.yaml:9"));
        assertThat(error.getMessage(), containsString("alias *h"));
    }

    @Test
    void aTwentyDigitPortNamesFileAndLine() {
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.parse(CatalogValidationTest.HEAD
                + "      - host: mdm.example.com\n        ports: [99999999999999999999]\n", "site.yaml"));
        assertThat(error.getMessage(), containsString("site.yaml:8: ports: port 99999999999999999999 is out of range"));
    }

    @Test
    void aMistypedPathToATextFileQuotesAtMostEightyCharacters() throws IOException {
        Path passwd = Files.writeString(dir.resolve("passwd"), "root:x:0:0:root:/root:/bin/bash\n".repeat(200));
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.read(List.of(passwd.toString())));
        assertThat(error.getMessage().length(), lessThan(400));
    }

    @Test
    void controlCharactersInValuesAreEscapedInMessages() {
        CatalogException error = assertThrows(CatalogException.class, () -> Catalog.parse(
                "name: Site\nsource: {article: x, language: en, revision: 2026-01}\nservices:\n  - id: \"m\\e[31m\\0\"\n"
                        + "    title: T\n", "site.yaml"));
        assertThat(error.getMessage(), containsString("\\x1B[31m\\x00"));
        assertThat(error.getMessage().chars().anyMatch(c -> c < 0x20 && c != '\n'), is(false));
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "name: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
        CatalogException error = Deadline.endsBefore(FAST, () -> assertThrows(CatalogException.class,
                () -> Catalog.parse(deep, "deep.yaml")));
        assertThat(error.getMessage(), containsString("deep.yaml"));
        assertThat(error.getMessage().length(), lessThan(400));
        assertThat(error.getMessage(), not(containsString("Exception")));
    }

    /**
     * The acceptance case, in a JVM of 256 MB heap: the 50 MB string, the 1 GB file and the FIFO each fail with a
     * short message naming the file. The child prints how long each took; the numbers go into the report.
     */
    @Test
    void eachHostileFileFailsInAJvmOf256Megabytes() throws Exception {
        List<Path> files = new ArrayList<>();
        files.add(oneString(dir.resolve("huge.yaml"), 50L << 20));
        files.add(sparse(dir.resolve("sparse.yaml")));
        files.add(oneString(dir.resolve("big.yaml"), Catalog.MAX_BYTES - 100));
        Path pipe = fifo(dir.resolve("pipe.yaml"));
        if (pipe != null) {
            files.add(pipe);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                HostileCatalogMain.class.getName()));
        files.forEach(f -> command.add(f.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(output, child.waitFor(60, TimeUnit.SECONDS), is(true));
        assertThat(output, child.exitValue(), is(0));
        System.out.println(output);
        for (Path file : files) {
            assertThat(output, containsString("FAILED " + file));
        }
        assertThat(output, not(containsString("OutOfMemoryError")));
    }
}
