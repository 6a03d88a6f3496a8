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
package org.openhab.binding.p1meter.internal.dist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/p1meter} from the unpacked archive, run for real: with this build's Java against the real daemon
 * jar, and with stand-in {@code java} programs that report an old version or record the command line they get.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "the launcher is a POSIX shell script")
@Timeout(120)
class LauncherIT {

    private static final int EX_CONFIG = 78;

    private @TempDir @Nullable Path tempDir;
    private Path dir = Path.of(".");
    private Path home = Path.of(".");

    /** What a run printed and how it ended. */
    record Run(int status, String out, String err) {
    }

    @BeforeEach
    void unpack() throws IOException {
        dir = Objects.requireNonNull(tempDir);
        TarGz.extract(TarGz.read(Distribution.tar()), dir.resolve("unpacked"));
        home = dir.resolve("unpacked").resolve(Distribution.base());
    }

    @Test
    void printsTheProjectVersion() throws Exception {
        Run run = launch(List.of("--version"), Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out().trim()).isEqualTo("p1meter " + Distribution.version());
    }

    @Test
    void helpNamesEveryOptionTheExampleSettingsUse() throws Exception {
        Run run = launch(List.of("--help"), Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertThat(run.status()).as(run.err()).isZero();
        String settings = Files.readString(home.resolve(Distribution.SETTINGS));
        List<String> options = settings.lines().filter(l -> l.matches("#?SMARTMETER_[A-Z_]+=.*")).map(l -> "--" + l
                .replaceFirst("^#?SMARTMETER_", "").replaceFirst("=.*", "").toLowerCase(Locale.ROOT).replace('_', '-'))
                .toList();
        assertThat(options).isNotEmpty().allSatisfy(option -> assertThat(run.out()).contains(option));
    }

    @Test
    void refusesJava11WithAClearMessage() throws Exception {
        Path java = fakeJava("11.0.2");
        Run run = launch(List.of("--version"), Map.of("PATH", java.getParent() + ":/usr/bin:/bin"));
        assertThat(run.status()).isEqualTo(EX_CONFIG);
        assertThat(run.err()).contains("Java 17 or newer is needed").contains("11.0.2").contains(java.toString());
        assertThat(dir.resolve("args")).doesNotExist(); // never started the daemon
    }

    @Test
    void readsJava8sOldVersionScheme() throws Exception {
        // "1.8.0_392" is Java 8, not Java 1
        Run run = launch(List.of(), Map.of("JAVA_HOME", fakeJava("1.8.0_392").getParent().getParent().toString()));
        assertThat(run.status()).isEqualTo(EX_CONFIG);
        assertThat(run.err()).contains("Java 17 or newer is needed").contains("1.8.0_392");
    }

    @Test
    void passesJavaOptsAndEveryArgumentUnchanged() throws Exception {
        Path java = fakeJava("21.0.5");
        Run run = launch(List.of("--post-header", "Authorization: Bearer a b", "", "--debug"),
                Map.of("PATH", java.getParent() + ":/usr/bin:/bin", "JAVA_OPTS", "-Xmx64m  -Dp1=x"));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(recordedArgs()).containsExactly("-Xmx64m", "-Dp1=x", "-jar",
                home.resolve(Distribution.JAR).toRealPath().toString(), "--post-header", "Authorization: Bearer a b",
                "", "--debug");
    }

    @Test
    void withoutJavaOptsTheLeanDefaultsAreUsed() throws Exception {
        Path java = fakeJava("17.0.15");
        Run run = launch(List.of("--version"), Map.of("PATH", java.getParent() + ":/usr/bin:/bin"));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(recordedArgs()).containsExactly("-Xmx64m", "-Xms8m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-XX:CompileThresholdScaling=0.05", "-XX:-UsePerfData", "-jar",
                home.resolve(Distribution.JAR).toRealPath().toString(), "--version");
    }

    @Test
    void anEmptyJavaOptsReplacesTheDefaults() throws Exception {
        Path java = fakeJava("17.0.15");
        Run run = launch(List.of("--version"), Map.of("PATH", java.getParent() + ":/usr/bin:/bin", "JAVA_OPTS", ""));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(recordedArgs()).containsExactly("-jar", home.resolve(Distribution.JAR).toRealPath().toString(),
                "--version");
    }

    @Test
    void findsTheJarWhenStartedThroughASymlink() throws Exception {
        Path link = dir.resolve("usr-local-bin").resolve("p1meter");
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, home.resolve(Distribution.LAUNCHER));
        Path java = fakeJava("17.0.15");
        Run run = run(link, List.of("--version"), Map.of("JAVA_HOME", java.getParent().getParent().toString()));
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(recordedArgs()).containsSubsequence("-jar", home.resolve(Distribution.JAR).toRealPath().toString());
    }

    @Test
    void saysWhatIsWrongWithJavaHome() throws Exception {
        Run run = launch(List.of("--version"), Map.of("JAVA_HOME", dir.resolve("no-java-here").toString()));
        assertThat(run.status()).isEqualTo(EX_CONFIG);
        assertThat(run.err()).contains("JAVA_HOME").contains("no-java-here");
    }

    @Test
    void saysWhereItLookedForAMissingJar() throws Exception {
        Files.delete(home.resolve(Distribution.JAR));
        Run run = launch(List.of("--version"), Map.of("JAVA_HOME", System.getProperty("java.home")));
        assertThat(run.status()).isEqualTo(EX_CONFIG);
        assertThat(run.err()).contains("p1meter.jar");
    }

    /** A stand-in for bin/java that reports the given version and writes the arguments it gets to ./args. */
    private Path fakeJava(String version) throws IOException {
        Path java = dir.resolve("jdk").resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java,
                "#!/bin/sh\n" + "if [ \"$1\" = -version ]; then echo 'openjdk version \"" + version
                        + "\" 2024-01-16' >&2; exit 0; fi\n" + "for a in \"$@\"; do printf '%s\\0' \"$a\"; done > '"
                        + dir.resolve("args") + "'\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwx------"));
        return java;
    }

    private List<String> recordedArgs() throws IOException {
        String recorded = Files.readString(dir.resolve("args"), StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>(Arrays.asList(recorded.split("\0", -1)));
        args.remove(args.size() - 1); // after the last terminator
        return args;
    }

    private Run launch(List<String> args, Map<String, String> environment) throws Exception {
        return run(home.resolve(Distribution.LAUNCHER), args, environment);
    }

    private Run run(Path launcher, List<String> args, Map<String, String> environment) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        // a clean environment: only what the test sets (and a PATH without any java unless the test adds one)
        builder.environment().clear();
        builder.environment().put("PATH", "/usr/bin:/bin");
        builder.environment().putAll(environment);
        builder.redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
        Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/p1meter " + args + " did not finish within 90 s");
        }
        return new Run(process.exitValue(), Files.readString(dir.resolve("out")), Files.readString(dir.resolve("err")));
    }
}
