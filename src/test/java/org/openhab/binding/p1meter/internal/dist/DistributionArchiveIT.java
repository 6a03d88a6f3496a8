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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code mvn package} puts into {@code p1meter-VERSION.tar.gz} and {@code .zip}: the files a user unpacks
 * on a Raspberry Pi, each checked for what the install instructions rely on.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class DistributionArchiveIT {

    private static Map<String, TarGz.Entry> tar = Map.of();

    @BeforeAll
    static void readArchive() throws IOException {
        tar = TarGz.read(Distribution.tar());
    }

    @Test
    void holdsTheDaemonLauncherUnitAndSettingsInOneVersionedFolder() {
        String base = Distribution.base();
        assertThat(tar.keySet()).filteredOn(name -> !name.startsWith(base + "lib/")).containsExactlyInAnyOrder(
                base + Distribution.JAR, base + Distribution.LAUNCHER, base + Distribution.UNIT,
                base + Distribution.SETTINGS, base + "README.md", base + "NOTICE");
        assertThat(tar.keySet()).allMatch(name -> name.startsWith(base));
    }

    @Test
    void makesOnlyTheLauncherExecutable() {
        String base = Distribution.base();
        assertThat(tar.get(base + Distribution.LAUNCHER)).extracting(TarGz.Entry::mode).isEqualTo(0755);
        assertThat(tar.values()).filteredOn(e -> !e.name().endsWith(Distribution.LAUNCHER))
                .allSatisfy(e -> assertThat(e.mode()).as(e.name()).isEqualTo(0644));
        assertThat(text(Distribution.LAUNCHER)).startsWith("#!/bin/sh\n").doesNotContain("\r");
    }

    @Test
    void zipHoldsTheSameFilesAsTheTar() throws IOException {
        Map<String, byte[]> zip = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(Distribution.zip()))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (!entry.isDirectory()) {
                    zip.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        assertThat(zip.keySet()).containsExactlyInAnyOrderElementsOf(tar.keySet());
        tar.forEach((name, entry) -> assertThat(zip.get(name)).as(name).isEqualTo(entry.content()));
    }

    @Test
    void shipsTheRunnableDaemonJar() throws IOException {
        byte[] jar = tar.get(Distribution.base() + Distribution.JAR).content();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            Manifest manifest = in.getManifest();
            assertThat(manifest).as("manifest of p1meter.jar").isNotNull();
            Attributes main = manifest.getMainAttributes();
            assertThat(main.getValue("Main-Class")).isEqualTo("org.openhab.binding.p1meter.cli.Main");
            assertThat(main.getValue("Implementation-Version")).isEqualTo(Distribution.version());
            List<String> names = new ArrayList<>();
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
            // one jar is both: the add-on bundle (with its OSGi headers and OH-INF) is the daemon
            assertThat(main.getValue("Bundle-SymbolicName")).isEqualTo("org.openhab.binding.p1meter");
            assertThat(names).contains("org/openhab/binding/p1meter/cli/Main.class", "OH-INF/addon/addon.xml");
            // its libraries are beside it, each one its Class-Path names, and nothing else
            List<String> classPath = List.of(main.getValue("Class-Path").split(" "));
            List<String> lib = tar.keySet().stream().filter(n -> n.startsWith(Distribution.base() + "lib/"))
                    .map(n -> n.substring(Distribution.base().length())).toList();
            assertThat(lib).containsExactlyInAnyOrderElementsOf(classPath);
            assertThat(lib).anyMatch(n -> n.startsWith("lib/picocli-")).anyMatch(n -> n.startsWith("lib/jSerialComm-"))
                    .anyMatch(n -> n.startsWith("lib/jetty-server-"));
            // and never openHAB's own API, which only openHAB provides
            assertThat(lib).noneMatch(n -> n.contains("org.openhab.core"));
        }
    }

    @Test
    void unitRunsTheLauncherAsAnUnprivilegedUserInTheDialoutGroup() {
        Map<String, List<String>> service = section(text(Distribution.UNIT), "Service");
        assertThat(service.get("User")).containsExactly("p1meter");
        assertThat(service.get("SupplementaryGroups")).containsExactly("dialout");
        assertThat(service.get("EnvironmentFile")).containsExactly("/etc/default/p1meter");
        assertThat(service.get("Restart")).containsExactly("on-failure");
        assertThat(service.get("ExecStart")).singleElement().asString().endsWith("/" + Distribution.LAUNCHER);
        // the launcher's exit status for "no usable Java" must not be restarted every 10 s forever
        assertThat(service.get("RestartPreventExitStatus")).singleElement().asString().contains("78");
    }

    @Test
    void unitIsSandboxedButLeavesTheSerialPortReachable() {
        Map<String, List<String>> service = section(text(Distribution.UNIT), "Service");
        assertThat(service.get("ProtectSystem")).containsExactly("strict");
        assertThat(service.get("ProtectHome")).containsExactly("yes");
        assertThat(service.get("NoNewPrivileges")).containsExactly("yes");
        // PrivateDevices would hide /dev/ttyUSB0; with DevicePolicy=closed the tty devices must be allowed
        assertThat(service).doesNotContainKey("PrivateDevices");
        assertThat(service.get("DevicePolicy")).containsExactly("closed");
        assertThat(service.get("DeviceAllow")).contains("char-ttyUSB rw", "char-ttyACM rw", "char-ttyAMA rw");
        // the JIT compiler needs writable executable memory
        assertThat(service).doesNotContainKey("MemoryDenyWriteExecute");
        // jSerialComm unpacks its native library in the user's home: it must be writable under ProtectSystem
        assertThat(service.get("StateDirectory")).containsExactly("p1meter");
    }

    @Test
    @Timeout(60)
    void unitPassesSystemdAnalyzeVerify(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")), "systemd-analyze is not installed");
        TarGz.extract(tar, dir);
        Path home = dir.resolve(Distribution.base());
        // point the unit at the unpacked files: verify checks that ExecStart exists and is executable
        String unit = text(Distribution.UNIT)
                .replaceAll("(?m)^ExecStart=.*$",
                        Matcher.quoteReplacement("ExecStart=" + home.resolve(Distribution.LAUNCHER)))
                .replaceAll("(?m)^EnvironmentFile=.*$",
                        Matcher.quoteReplacement("EnvironmentFile=" + home.resolve(Distribution.SETTINGS)));
        Path file = dir.resolve(Distribution.UNIT);
        Files.writeString(file, unit);
        Process verify = new ProcessBuilder("/usr/bin/systemd-analyze", "verify", "--man=no", file.toString())
                .redirectErrorStream(true).start();
        assertThat(verify.waitFor(50, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // an unknown or misspelt key is only a warning (exit 0): any output at all is a finding
        assertThat(output).as("systemd-analyze verify output").isEmpty();
        assertThat(verify.exitValue()).isZero();
    }

    @Test
    void settingsUseOnlyTheDaemonsEnvironmentVariables() {
        Pattern assignment = Pattern.compile("#?([A-Za-z_][A-Za-z0-9_]*)=(.*)");
        List<String> variables = new ArrayList<>();
        for (String line : text(Distribution.SETTINGS).lines().toList()) {
            Matcher m = assignment.matcher(line);
            if (m.matches()) {
                variables.add(m.group(1));
            } else {
                // systemd's EnvironmentFile: blank lines, comments and KEY=VALUE only
                assertThat(line).as("line of p1meter.env").matches("|#.*");
            }
        }
        assertThat(variables).contains("SMARTMETER_PORT", "SMARTMETER_WEB_SERVER", "SMARTMETER_MQTT_URL",
                "SMARTMETER_ENC_KEY", "JAVA_OPTS");
        assertThat(variables).filteredOn(v -> v.startsWith("SMARTMETER_"))
                .allSatisfy(v -> assertThat(Distribution.CONTRACT_OPTIONS).as(v)
                        .contains(v.substring("SMARTMETER_".length()).toLowerCase(Locale.ROOT).replace('_', '-')));
        assertThat(variables).allMatch(v -> v.startsWith("SMARTMETER_") || v.equals("JAVA_OPTS"));
    }

    @Test
    void javaOptionsOfTheSettingsAreAcceptedByThisJava() throws Exception {
        Matcher m = Pattern.compile("(?m)^JAVA_OPTS=\"?([^\"\\n]*)\"?$").matcher(text(Distribution.SETTINGS));
        assertThat(m.find()).as("JAVA_OPTS in p1meter.env").isTrue();
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        // systemd strips the quotes and the launcher splits on blanks
        command.addAll(List.of(m.group(1).trim().split("\\s+")));
        command.add("-version");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(command + ": " + out).isZero();
        assertThat(command).contains("-Xmx64m");
    }

    @Test
    void settingsPointAtAStableSerialDeviceName() {
        // /dev/ttyUSB0 can become /dev/ttyUSB1 after a reboot; the by-id name stays
        assertThat(text(Distribution.SETTINGS)).containsPattern("(?m)^SMARTMETER_PORT=/dev/serial/by-id/");
    }

    static Map<String, List<String>> section(String unit, String name) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String current = "";
        for (String line : unit.lines().map(String::trim).toList()) {
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1);
            } else if (current.equals(name) && !line.isEmpty() && !line.startsWith("#") && line.contains("=")) {
                String key = line.substring(0, line.indexOf('='));
                keys.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(line.indexOf('=') + 1));
            }
        }
        return keys;
    }

    private static String text(String file) {
        TarGz.Entry entry = tar.get(Distribution.base() + file);
        assertThat(entry).as(file + " in the archive").isNotNull();
        return new String(entry.content(), StandardCharsets.UTF_8);
    }
}
