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
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.p1meter.internal.Await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The packaged daemon ({@code target/p1meter.jar}) as a separate process, as users run it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonIT {

    static final Path JAR = Path.of(System.getProperty("p1meter.bundle", "target/p1meter.jar")).toAbsolutePath();
    static final Pattern JSON_PORT = Pattern.compile("Started JSON TCP server on 127\\.0\\.0\\.1:(\\d+)");
    static final Pattern RAW_PORT = Pattern.compile("Started raw TCP server on 127\\.0\\.0\\.1:(\\d+)");

    private final List<Daemon> started = new ArrayList<>();

    @BeforeAll
    static void jarIsBuilt() {
        assertThat(JAR).exists();
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Daemon d : started) {
            d.process.destroyForcibly();
            d.process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** A running p1meter process; its stderr lines are collected as they come. */
    static final class Daemon {
        final Process process;
        final BlockingQueue<String> errLines = new LinkedBlockingQueue<>();
        final StringBuilder errText = new StringBuilder();
        final StringBuilder outText = new StringBuilder();
        final Thread errReader;
        final Thread outReader;

        Daemon(Process process) {
            this.process = process;
            this.errReader = pump(process.getErrorStream(), errText, errLines);
            this.outReader = pump(process.getInputStream(), outText, null);
        }

        private static Thread pump(InputStream in, StringBuilder text, @Nullable BlockingQueue<String> lines) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (text) {
                            text.append(line).append('\n');
                        }
                        if (lines != null) {
                            lines.add(line);
                        }
                    }
                } catch (IOException e) {
                    // process ended
                }
            });
            t.setDaemon(true);
            t.start();
            return t;
        }

        /** Waits for a log line matching the pattern and returns its first group. */
        String await(Pattern pattern) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline) {
                String line = errLines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    Matcher m = pattern.matcher(line);
                    if (m.find()) {
                        return m.groupCount() > 0 ? m.group(1) : line;
                    }
                }
                if (!process.isAlive() && errLines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("no log line " + pattern + "; stderr so far:\n" + err());
        }

        /** Waits until stderr has lines matching each pattern, in any order. */
        void awaitAll(Pattern... patterns) {
            Await.until(Duration.ofSeconds(20), () -> {
                String text = err();
                return java.util.Arrays.stream(patterns).allMatch(p -> p.matcher(text).find());
            }, () -> "log lines " + List.of(patterns) + "; stderr so far:\n" + err());
        }

        int exit() throws InterruptedException {
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("process ends").isTrue();
            errReader.join(5000);
            outReader.join(5000);
            return process.exitValue();
        }

        String err() {
            synchronized (errText) {
                return errText.toString();
            }
        }

        String out() {
            synchronized (outText) {
                return outText.toString();
            }
        }
    }

    Daemon start(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-jar");
        command.add(JAR.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMARTMETER_"));
        pb.environment().putAll(env);
        Daemon d = new Daemon(pb.start());
        started.add(d);
        return d;
    }

    private static Socket connect(int port) throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), port);
        s.setSoTimeout(15_000);
        return s;
    }

    @Test
    void simulatedMeterServedAsJsonAndRawThenCleanExitOnSigterm() throws Exception {
        Daemon d = start(Map.of(), "--simulate", "--tcp-server", "0", "--raw-tcp-server", "0", "--bind", "127.0.0.1");
        int jsonPort = Integer.parseInt(d.await(JSON_PORT));
        int rawPort = Integer.parseInt(d.await(RAW_PORT));
        try (Socket json = connect(jsonPort); Socket raw = connect(rawPort)) {
            BufferedReader lines = new BufferedReader(
                    new InputStreamReader(json.getInputStream(), StandardCharsets.UTF_8));
            for (int i = 0; i < 2; i++) {
                JsonObject o = JsonParser.parseString(lines.readLine()).getAsJsonObject();
                assertThat(o.get("header").getAsString()).startsWith("SIM5");
                assertThat(o.get("p1Version").getAsString()).isEqualTo("50");
                assertThat(o.get("crc").getAsBoolean()).isTrue();
                assertThat(o.getAsJsonObject("gas").get("totalUse").getAsDouble()).isPositive();
                assertThat(o.getAsJsonObject("water").get("totalUse").getAsDouble()).isPositive();
                double phases = 0;
                for (String p : new String[] { "L1", "L2", "L3" }) {
                    phases += o.get("currentUsage" + p).getAsDouble() - o.get("currentDelivery" + p).getAsDouble();
                }
                double net = o.get("currentUsage").getAsDouble() - o.get("currentDelivery").getAsDouble();
                assertThat(Math.round(phases * 1000)).isEqualTo(Math.round(net * 1000));
                assertThat(o.get("calculatedUsage").getAsLong()).isEqualTo(Math.round(net * 1000));
            }
            // raw: one whole telegram, starting at '/', ending in "!" + 4 hex digits + CRLF
            BufferedReader rawLines = new BufferedReader(
                    new InputStreamReader(raw.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(rawLines.readLine()).startsWith("/SIM5");
            String line;
            while ((line = rawLines.readLine()) != null && !line.startsWith("!")) {
                assertThat(line).matches("^$|^\\d-\\d:[0-9.]+\\(.*\\)$");
            }
            assertThat(line).matches("![0-9A-F]{4}");
        }
        // SIGTERM; Process.destroy() would also close our ends of its pipes and lose its last log lines
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
        assertThat(d.err()).contains("Stopped after").doesNotContain("Exception");
    }

    @Test
    void environmentVariablesConfigureTheDaemon() throws Exception {
        Daemon d = start(
                Map.of("SMARTMETER_SIMULATE", "true", "SMARTMETER_tcp-server", "0", "SMARTMETER_BIND", "127.0.0.1"));
        int port = Integer.parseInt(d.await(JSON_PORT));
        try (Socket json = connect(port)) {
            String line = new BufferedReader(new InputStreamReader(json.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(line).startsWith("{\"header\":\"SIM5");
        }
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();

        Daemon upper = start(
                Map.of("SMARTMETER_SIMULATE", "1", "SMARTMETER_TCP_SERVER", "0", "SMARTMETER_bind", "127.0.0.1"));
        upper.await(JSON_PORT);
        upper.process.toHandle().destroy();
        assertThat(upper.exit()).isZero();
    }

    @Test
    void portInUseIsOneClearLineAndStatusTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            Daemon d = start(Map.of(), "--simulate", "--bind", "127.0.0.1", "--tcp-server", String.valueOf(port));
            assertThat(d.exit()).isEqualTo(2);
            // the error alone: no "Stopped after 0 telegrams" before it, as if something had run
            assertThat(d.err()).isEqualTo("p1meter: --tcp-server: cannot listen on 127.0.0.1:" + port + ": port " + port
                    + " is in use (another program, or another output, listens on it)\n");

            Daemon web = start(Map.of(), "--simulate", "--bind", "127.0.0.1", "--tcp-server", "0", "--web-server",
                    String.valueOf(port));
            assertThat(web.exit()).isEqualTo(2);
            assertThat(web.err()).contains(
                    "p1meter: --web-server: cannot listen on 127.0.0.1:" + port + ": port " + port + " is in use")
                    .doesNotContain("Stopped after").doesNotContain("Exception");
        }
    }

    /** A host that does not resolve (DNS down at boot) is retried like a refused connection, said once. */
    @Test
    void anUnknownSocketHostIsRetriedWithoutEnding() throws Exception {
        Daemon d = start(Map.of(), "--socket", "no-such-host.invalid:8088");
        d.await(Pattern.compile("Cannot open tcp no-such-host.invalid:8088: unknown host no-such-host.invalid "
                + "\\(the name does not resolve.*\\); retrying with backoff"));
        Thread.sleep(3500); // a few retries (1 s, 2 s): the same reason is not logged again
        assertThat(d.process.isAlive()).isTrue();
        assertThat(d.err().lines().filter(l -> l.contains("unknown host")).count()).isEqualTo(1);
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
    }

    /** A serial device that is not there: said once, clearly, then watched for quietly (plugged in: SerialE2EIT). */
    @Test
    void anAbsentSerialDeviceIsSaidOnceAndWatchedFor(@TempDir Path dir) throws Exception {
        Path cable = dir.resolve("usb-FTDI_P1_cable-if00-port0");
        Daemon d = start(Map.of(), "--port", cable.toString());
        d.await(Pattern.compile("serial " + Pattern.quote(cable.toString()) + ": there is no "
                + Pattern.quote(cable.toString()) + " \\(not plugged in.*\\); watching for it"));
        Thread.sleep(3500); // looked for every second
        assertThat(d.process.isAlive()).isTrue();
        assertThat(d.err().lines().filter(l -> l.contains(cable.toString()) && !l.contains("Reading serial")))
                .hasSize(1);
        assertThat(d.err()).doesNotContain("invalid port descriptor");
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
    }

    /** The webhook's and the broker's failures in words, not "ConnectException" and "MqttException". */
    @Test
    void webhookAndMqttFailuresSayWhy() throws Exception {
        int webhookPort;
        int brokerPort;
        try (ServerSocket a = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ServerSocket b = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            webhookPort = a.getLocalPort();
            brokerPort = b.getLocalPort();
        }
        Daemon d = start(Map.of(), "--simulate", "--post-url", "http://127.0.0.1:" + webhookPort + "/p1", "--mqtt-url",
                "mqtt://127.0.0.1:" + brokerPort);
        // in either order: the two outputs fail on their own threads
        d.awaitAll(
                Pattern.compile("Posting to http://127.0.0.1:" + webhookPort + "/p1 failed: connection refused by "
                        + "127.0.0.1:" + webhookPort),
                Pattern.compile("Cannot connect to MQTT broker tcp://127.0.0.1:" + brokerPort
                        + " \\(connection refused by 127.0.0.1:" + brokerPort));
        Daemon unknown = start(Map.of(), "--simulate", "--mqtt-url", "mqtt://no-such-host.invalid:1883");
        unknown.await(Pattern.compile("Cannot connect to MQTT broker tcp://no-such-host.invalid:1883 \\(unknown host "
                + "no-such-host.invalid"));
        for (Daemon each : List.of(d, unknown)) {
            each.process.toHandle().destroy();
            assertThat(each.exit()).isZero();
            assertThat(each.err()).doesNotContain("Exception");
        }
    }

    @Test
    void badOptionsExitWithTwo() throws Exception {
        String[][] cases = { {}, { "--simulate", "--enc-key", "xyz" },
                { "--simulate", "--tcp-server", "3010", "--raw-tcp-server", "3010" },
                { "--simulate", "--post-url", "::not a url::" },
                { "--simulate", "--post-url", "http://127.0.0.1:9/", "--post-interval", "-1" } };
        for (String[] args : cases) {
            Daemon d = start(Map.of(), args);
            assertThat(d.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(d.err()).as(String.join(" ", args)).startsWith("p1meter: ").doesNotContain("Exception");
        }
    }

    private static Path corpus(String name) {
        try {
            var url = DaemonIT.class.getResource("/telegrams/" + name + ".txt");
            assertThat(url).isNotNull();
            return Path.of(url.toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void parseValidFileGivesJsonAndStatusZero() throws Exception {
        Daemon d = start(Map.of(), "parse", corpus("dsmr42_kfm_smartmeter2mqtt").toString());
        assertThat(d.exit()).isZero();
        List<String> lines = d.out().lines().toList();
        assertThat(lines).hasSize(1);
        JsonObject o = JsonParser.parseString(lines.get(0)).getAsJsonObject();
        assertThat(o.get("header").getAsString()).isEqualTo("KFM5KAIFA-METER");
        assertThat(o.get("totalT1Use").getAsDouble()).isEqualTo(2000.123); // dsmr_parser: 1-0:1.8.1 2000.123
        assertThat(d.err()).isEmpty();
    }

    @Test
    void parseConcatenatedCaptureWithGarbageAndABadTelegram(@TempDir Path dir) throws Exception {
        Path capture = dir.resolve("capture.txt");
        try (OutputStream out = Files.newOutputStream(capture)) {
            out.write("ATZ\r\nnoise before\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(Files.readAllBytes(corpus("dsmr42_kfm_smartmeter2mqtt")));
            out.write(new byte[] { 0, (byte) 0xff, 13, 10 });
            out.write(Files.readAllBytes(corpus("dsmr42_xmx_athom"))); // CRC says D3B0, content gives 63A1
            out.write(Files.readAllBytes(corpus("dsmr50_isk_am550_openhab")));
            out.write("trailing".getBytes(StandardCharsets.US_ASCII));
        }
        Daemon d = start(Map.of(), "parse", capture.toString());
        assertThat(d.exit()).isEqualTo(1);
        List<String> lines = d.out().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JsonParser.parseString(lines.get(0)).getAsJsonObject().get("header").getAsString())
                .isEqualTo("KFM5KAIFA-METER");
        assertThat(JsonParser.parseString(lines.get(1)).getAsJsonObject().get("header").getAsString())
                .isEqualTo("ISK5\\2M550T-1012");
        List<String> errors = d.err().lines().toList();
        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0)).startsWith(capture.toString() + ": ").contains("CRC").contains("D3B0")
                .contains("63A1");
        for (String e : errors) {
            assertThat(e).startsWith(capture.toString() + ": ");
        }
    }

    @Test
    void parseReadsStandardInputAndMissingFilesAreStatusTwo() throws Exception {
        Daemon d = start(Map.of(), "parse", "-");
        try (OutputStream in = d.process.getOutputStream()) {
            in.write(Files.readAllBytes(corpus("dsmr50_isk_am550_openhab")));
        }
        assertThat(d.exit()).isZero();
        assertThat(d.out()).contains("\"header\":\"ISK5\\\\2M550T-1012\"");

        Daemon missing = start(Map.of(), "parse", "/nonexistent/capture.txt");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).startsWith("p1meter: ").contains("/nonexistent/capture.txt");
    }
}
