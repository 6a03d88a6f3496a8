/*
 * Copyright (c) 2010-2026 Contributors to the openHAB project
 *
 * See the NOTICE file(s) distributed with this work for additional
 * information.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License 2.0 which is available at
 * http://www.eclipse.org/legal/epl-2.0
 *
 * SPDX-License-Identifier: EPL-2.0
 */
package org.openhab.binding.p1meter.itest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Assumptions;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * A real openHAB runtime (openHAB's own core bundles on Equinox, driven over REST) started as a separate process
 * for one test class: the kit named by {@code -Dopenhab.runtime} is copied to a temporary folder (the kit itself is
 * never written to), started with this JVM's Java (21+), and stopped and deleted by {@link #close()}.
 *
 * <p>
 * Without {@code -Dopenhab.runtime} the tests are skipped, saying so, except under {@code CI=true}, where a missing
 * runtime fails them: CI must never pass by skipping the suite.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class OpenHabRuntime implements AutoCloseable {

    /** The add-on's thing types: when all are listed, the add-on is installed and its XML is read. */
    public static final List<String> THING_TYPES = List.of("p1meter:serial", "p1meter:tcp", "p1meter:gas",
            "p1meter:water", "p1meter:heat", "p1meter:electricity");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Pattern CORE_JAR = Pattern.compile("org\\.openhab\\.core-(\\d+\\.\\d+\\.\\d+.*)\\.jar");

    private final Path home;
    private final Process process;
    private final Path log;
    private final int port;
    private final OpenHabRest rest;

    private OpenHabRuntime(Path home, Process process, Path log, int port) {
        this.home = home;
        this.process = process;
        this.log = log;
        this.port = port;
        this.rest = new OpenHabRest(port);
    }

    /**
     * The kit to test against, or the test is skipped (failed under CI=true) when none is configured. Each failsafe
     * execution gives its kit as {@code openhab.it.runtime} and the openHAB line it claims as {@code openhab.it.line}
     * ("5.2", "5.1"); a kit of another line fails, so that no run claims a version it did not test.
     */
    public static Path kit() {
        String line = System.getProperty("openhab.it.line", "");
        String option = "5.1".equals(line) ? "-Dopenhab.runtime.5.1" : "-Dopenhab.runtime";
        String dir = System.getProperty("openhab.it.runtime", "");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (dir.isBlank() || !Files.isRegularFile(Path.of(dir, "Launcher.java"))) {
            String why = dir.isBlank() ? "no openHAB runtime given (" + option + "=DIR)"
                    : "no openHAB runtime in " + Path.of(dir).toAbsolutePath();
            if (ci) {
                throw new AssertionError(why + ": under CI=true the real-openHAB suite must run, not be skipped");
            }
            Assumptions.abort(why + ": real-openHAB suite skipped");
        }
        Path kit = Path.of(dir).toAbsolutePath().normalize();
        if (!line.isBlank()) {
            String core = coreVersion(kit);
            if (!core.startsWith(line + ".")) {
                throw new AssertionError(
                        "the openHAB " + line + " suite was given openHAB " + core + " (" + kit + "): check " + option);
            }
        }
        return kit;
    }

    /** The version of the kit's org.openhab.core bundle, e.g. "5.1.4". */
    static String coreVersion(Path kit) {
        try (Stream<Path> jars = Files.list(kit.resolve("bundles"))) {
            return jars.map(p -> p.getFileName().toString()).map(CORE_JAR::matcher).filter(Matcher::matches)
                    .map(m -> m.group(1)).findFirst()
                    .orElseThrow(() -> new AssertionError("no org.openhab.core jar in " + kit.resolve("bundles")));
        } catch (IOException e) {
            throw new AssertionError("cannot list " + kit.resolve("bundles") + ": " + e, e);
        }
    }

    /** Starts a fresh copy of the configured kit. */
    public static OpenHabRuntime start() throws IOException {
        return start(List.of());
    }

    /**
     * Starts a fresh copy of the configured kit.
     *
     * @param serialPorts the device names openHAB's RXTX transport may open (it only sees ports listed at start)
     */
    public static OpenHabRuntime start(List<String> serialPorts) throws IOException {
        Path kit = kit();
        Path home = Files.createTempDirectory("openhab-runtime-");
        copyTree(kit, home);
        int port = freePort();
        Path log = home.resolve("openhab.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        if (Runtime.version().feature() < 21) {
            throw new AssertionError("openHAB 5 needs Java 21+, the tests run on " + Runtime.version());
        }
        List<String> command = new ArrayList<>(List.of(java, "-Xmx512m", "-XX:+UseSerialGC", //
                "-Dohrt.home=" + home, "-Dopenhab.home=" + home, "-Dopenhab.userdata=" + home.resolve("userdata"),
                "-Dopenhab.conf=" + home.resolve("conf"), "-Dopenhab.runtime=" + home,
                "-Dohrt.fwstorage=" + home.resolve("userdata/cache/osgi"), "-Dorg.osgi.service.http.port=" + port,
                "-Dorg.ops4j.pax.web.listening.addresses=127.0.0.1", "-Dfelix.fileinstall.dir=" + home.resolve("etc"),
                "-Dfelix.fileinstall.poll=1000", "-Dfelix.fileinstall.noInitialDelay=true",
                "-Dfelix.fileinstall.enableConfigSave=false",
                "-Dgnu.io.rxtx.SerialPorts=" + String.join(":", serialPorts),
                "-Dorg.ops4j.pax.logging.DefaultServiceLog.level=INFO", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED", "-cp",
                framework(home).toString(), home.resolve("Launcher.java").toString()));
        Process process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        OpenHabRuntime runtime = new OpenHabRuntime(home, process, log, port);
        try {
            runtime.awaitReady();
            String line = System.getProperty("openhab.it.line", "");
            String running = runtime.version();
            if (!line.isBlank() && !running.startsWith(line + ".")) {
                throw new AssertionError("the openHAB " + line + " suite started openHAB " + running);
            }
        } catch (RuntimeException | Error e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /** The kit's OSGi framework jar (Equinox; its version differs between kits). */
    private static Path framework(Path home) throws IOException {
        try (Stream<Path> jars = Files.list(home.resolve("framework"))) {
            return jars.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.osgi-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no org.eclipse.osgi jar in " + home.resolve("framework")));
        }
    }

    private void awaitReady() {
        await("openHAB's REST API on port " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new AssertionError("openHAB exited with " + process.exitValue() + ":\n" + tail(40));
                    }
                    // /rest/things answers once the thing registry and REST resources are up
                    return rest.status("/rest/things") == 200 && rest.status("/rest/inbox") == 200;
                });
    }

    public OpenHabRest rest() {
        return rest;
    }

    public int port() {
        return port;
    }

    public Path home() {
        return home;
    }

    public Path addons() {
        return home.resolve("addons");
    }

    /** openHAB's version as its REST root reports it, e.g. "5.2.1". */
    public String version() {
        return rest.get("/rest/").getAsJsonObject().getAsJsonObject("runtimeInfo").get("version").getAsString();
    }

    /** Copies the add-on jar into addons/ (as a user sideloads it) and waits until its thing types are there. */
    public void install(Path addonJar) throws IOException {
        Files.copy(addonJar, addons().resolve(addonJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        awaitThingTypes(true);
    }

    /** Waits until the add-on's thing types are all listed (installed) or none is (removed). */
    public void awaitThingTypes(boolean present) {
        await(present ? "the add-on's thing types" : "the add-on's thing types to disappear")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> present ? thingTypes().containsAll(THING_TYPES)
                        : thingTypes().stream().noneMatch(t -> t.startsWith("p1meter:")));
    }

    public List<String> thingTypes() {
        JsonArray types = rest.get("/rest/thing-types").getAsJsonArray();
        List<String> uids = new ArrayList<>();
        for (JsonElement t : types) {
            uids.add(t.getAsJsonObject().get("UID").getAsString());
        }
        return uids;
    }

    /** Everything openHAB printed so far (pax-logging's console log: "bundle [logger] LEVEL : message"). */
    public List<String> log() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read openHAB's log " + log, e);
        }
    }

    /** The lines the add-on logged at WARN or ERROR, with the lines of any stack trace that follow them. */
    public List<String> addonProblems() {
        List<String> problems = new ArrayList<>();
        boolean inProblem = false;
        for (String line : log()) {
            boolean continuation = line.startsWith("\tat ") || line.startsWith("Caused by:")
                    || line.startsWith("\t... ");
            if (isAddonLine(line) && (line.contains("] WARN") || line.contains("] ERROR"))) {
                problems.add(line);
                inProblem = true;
            } else if (inProblem && continuation) {
                problems.add(line);
            } else {
                inProblem = false;
            }
        }
        return problems;
    }

    /** Lines of the log that belong to a Java stack trace of the add-on's classes. */
    public List<String> addonStackTraceLines() {
        return log().stream().filter(l -> l.startsWith("\tat org.openhab.binding.p1meter")).toList();
    }

    /** The add-on's own log lines (bundle or logger name of the add-on). */
    public List<String> addonLog() {
        return log().stream().filter(OpenHabRuntime::isAddonLine).toList();
    }

    /**
     * A line of the add-on's own loggers, or one of openHAB's about the add-on (e.g. its XML tracker saying that
     * the add-on's 'OH-INF' file could not be read).
     */
    private static boolean isAddonLine(String line) {
        return line.startsWith("org.openhab.binding.p1meter ") || line.contains("[org.openhab.binding.p1meter.")
                || line.contains("'org.openhab.binding.p1meter'") || line.contains("p1meter:");
    }

    public String tail(int lines) {
        List<String> all = log();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Asserts that the add-on logged no warning or error, showing them when it did. */
    public void assertNoAddonProblems() {
        assertThat(addonProblems()).as("WARN/ERROR lines the add-on logged").isEmpty();
    }

    @Override
    public void close() {
        rest.close();
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        keepLog();
        deleteTree(home);
    }

    /** The log outlives the copy: target/openhab-it/NNN-openhab.log, for a failure to be read afterwards. */
    private void keepLog() {
        try {
            Path dir = Path.of(System.getProperty("openhab.it.logs", "target/openhab-it"));
            Files.createDirectories(dir);
            String name = System.getProperty("openhab.it.name", "runtime") + "-" + ProcessHandle.current().pid() + "-"
                    + System.nanoTime() + ".log";
            Files.copy(log, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // the log is a convenience; the assertions already said what failed
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                    target.toFile().setWritable(true);
                }
            }
        }
    }

    static void deleteTree(@Nullable Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is not a test failure
        }
    }

    /** For messages: what this runtime is. */
    @Override
    public String toString() {
        return "openHAB at 127.0.0.1:" + port + " (" + home + ")";
    }
}
