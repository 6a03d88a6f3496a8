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
package org.openhab.binding.p1meter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;

import com.google.gson.JsonParser;

/**
 * The daemon reading a serial port: a {@code socat} pty pair stands in for the P1 cable. Runs in the e2e profile
 * ({@code mvn -B verify -Pe2e}, needs the Debian package socat).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@EnabledIfSystemProperty(named = "p1meter.e2e", matches = "true")
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class SerialE2EIT {

    private static final Pattern PTY = Pattern.compile("PTY is (/dev/\\S+)");

    private @Nullable Process socat;
    private DaemonIT.@Nullable Daemon daemon;

    @AfterEach
    void stop() throws InterruptedException {
        DaemonIT.Daemon d = daemon;
        if (d != null) {
            d.process.destroyForcibly();
            d.process.waitFor(10, TimeUnit.SECONDS);
        }
        Process s = socat;
        if (s != null) {
            s.destroyForcibly();
            s.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private List<String> startSocat() throws IOException {
        return startSocat("pty,raw,echo=0", "pty,raw,echo=0");
    }

    private List<String> startSocat(String first, String second) throws IOException {
        Process s = new ProcessBuilder("socat", "-d", "-d", first, second).start();
        socat = s;
        BufferedReader err = new BufferedReader(new InputStreamReader(s.getErrorStream(), StandardCharsets.UTF_8));
        List<String> ptys = new ArrayList<>();
        String line;
        while (ptys.size() < 2 && (line = err.readLine()) != null) {
            Matcher m = PTY.matcher(line);
            if (m.find()) {
                ptys.add(m.group(1));
            }
        }
        assertThat(ptys).as("socat made two ptys").hasSize(2);
        Thread drain = new Thread(() -> {
            try {
                err.transferTo(java.io.Writer.nullWriter());
            } catch (IOException e) {
                // socat ended
            }
        });
        drain.setDaemon(true);
        drain.start();
        return ptys;
    }

    private static byte[] corpus(String name) {
        return TestTelegrams.bytes(name);
    }

    @Test
    void telegramsWrittenToThePtyComeOutAsJson() throws Exception {
        List<String> ptys = startSocat();
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                DaemonIT.JAR.toString(), "--port", ptys.get(0), "--tcp-server", "0", "--bind", "127.0.0.1");
        DaemonIT.Daemon d = new DaemonIT.Daemon(new ProcessBuilder(command).start());
        daemon = d;
        int port = Integer.parseInt(d.await(DaemonIT.JSON_PORT));
        d.await(Pattern.compile("Connected: connected to serial " + Pattern.quote(ptys.get(0))));

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port);
                FileOutputStream meter = new FileOutputStream(ptys.get(1))) {
            client.setSoTimeout(20_000);
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            Thread.sleep(300); // let the server register the client before the first telegram
            meter.write(corpus("dsmr42_kfm_smartmeter2mqtt"));
            meter.write("\r\nline noise\r\n".getBytes(StandardCharsets.US_ASCII));
            meter.write(corpus("dsmr42_xmx_athom")); // bad CRC: never comes out
            meter.write(corpus("dsmr50_isk_am550_openhab"));
            meter.flush();
            assertThat(JsonParser.parseString(lines.readLine()).getAsJsonObject().get("header").getAsString())
                    .isEqualTo("KFM5KAIFA-METER");
            assertThat(JsonParser.parseString(lines.readLine()).getAsJsonObject().get("header").getAsString())
                    .isEqualTo("ISK5\\2M550T-1012");
        }
        d.await(Pattern.compile("Rejected a telegram: CRC mismatch"));

        // the cable is pulled: the daemon keeps running and retries instead of exiting
        Process s = socat;
        assertThat(s).isNotNull();
        s.destroy();
        s.waitFor(10, TimeUnit.SECONDS);
        d.await(Pattern.compile("Lost serial|Cannot open serial"));
        Thread.sleep(1500);
        assertThat(d.process.isAlive()).isTrue();
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
    }

    /**
     * Started before the cable is plugged in: one line says the device is not there and that the daemon watches
     * for it; nothing more until it appears, then it is read.
     */
    @Test
    void aCablePluggedInAfterTheStartIsReadAsSoonAsItAppears(@TempDir Path dir) throws Exception {
        Path cable = dir.resolve("p1-cable");
        Path meterEnd = dir.resolve("meter");
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                DaemonIT.JAR.toString(), "--port", cable.toString(), "--tcp-server", "0", "--bind", "127.0.0.1");
        DaemonIT.Daemon d = new DaemonIT.Daemon(new ProcessBuilder(command).start());
        daemon = d;
        int port = Integer.parseInt(d.await(DaemonIT.JSON_PORT));
        d.await(Pattern.compile("there is no " + Pattern.quote(cable.toString()) + " .*watching for it"));
        Thread.sleep(2500);
        assertThat(d.err().lines().filter(l -> l.contains("there is no"))).as("said once").hasSize(1);

        startSocat("pty,raw,echo=0,link=" + cable, "pty,raw,echo=0,link=" + meterEnd);
        d.await(Pattern.compile("Connected: connected to serial " + Pattern.quote(cable.toString())));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(20_000);
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            d.await(Pattern.compile("json TCP client .* connected"));
            try (FileOutputStream meter = new FileOutputStream(meterEnd.toFile())) {
                meter.write(corpus("dsmr50_isk_am550_openhab"));
                meter.flush();
                assertThat(JsonParser.parseString(lines.readLine()).getAsJsonObject().get("header").getAsString())
                        .isEqualTo("ISK5\\2M550T-1012");
            }
        }
        assertThat(d.err().lines().filter(l -> l.contains(" WARN ") || l.startsWith("WARNING")))
                .as("nothing but the one line").allMatch(l -> l.contains("there is no"));
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
    }

    @Test
    void aCableThatIsPulledAndPluggedBackInIsReadAgain(@TempDir Path dir) throws Exception {
        // stable names for the pty pair, as udev gives a USB cable (/dev/serial/by-id/...)
        Path cable = dir.resolve("p1-cable");
        Path meterEnd = dir.resolve("meter");
        String cableSpec = "pty,raw,echo=0,link=" + cable;
        String meterSpec = "pty,raw,echo=0,link=" + meterEnd;
        startSocat(cableSpec, meterSpec);
        List<String> command = List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                DaemonIT.JAR.toString(), "--port", cable.toString(), "--tcp-server", "0", "--bind", "127.0.0.1");
        DaemonIT.Daemon d = new DaemonIT.Daemon(new ProcessBuilder(command).start());
        daemon = d;
        int port = Integer.parseInt(d.await(DaemonIT.JSON_PORT));
        d.await(Pattern.compile("Connected: connected to serial "));

        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            client.setSoTimeout(30_000);
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
            d.await(Pattern.compile("json TCP client .* connected"));
            try (FileOutputStream meter = new FileOutputStream(meterEnd.toFile())) {
                meter.write(corpus("dsmr42_kfm_smartmeter2mqtt"));
                meter.flush();
                assertThat(JsonParser.parseString(lines.readLine()).getAsJsonObject().get("header").getAsString())
                        .isEqualTo("KFM5KAIFA-METER");
            }

            // pulled: the pty and its name disappear
            Process s = socat;
            assertThat(s).isNotNull();
            s.destroy();
            s.waitFor(10, TimeUnit.SECONDS);
            d.await(Pattern.compile("Lost serial|Cannot open serial"));
            assertThat(d.process.isAlive()).isTrue();

            // plugged back in under the same name: the daemon reopens it by itself
            startSocat(cableSpec, meterSpec);
            d.await(Pattern.compile("Connected: connected to serial "));
            try (FileOutputStream meter = new FileOutputStream(meterEnd.toFile())) {
                meter.write(corpus("dsmr50_isk_am550_openhab"));
                meter.flush();
                assertThat(JsonParser.parseString(lines.readLine()).getAsJsonObject().get("header").getAsString())
                        .isEqualTo("ISK5\\2M550T-1012");
            }
        }
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
        assertThat(d.err()).doesNotContain("Exception");
    }
}
