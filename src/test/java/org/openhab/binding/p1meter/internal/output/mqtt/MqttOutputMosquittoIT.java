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
package org.openhab.binding.p1meter.internal.output.mqtt;

import static org.assertj.core.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * End to end against a real mosquitto on a free loopback port, checked with mosquitto_sub (which shows the
 * retain flag as the broker delivers it). Needs the Debian packages mosquitto and mosquitto-clients; runs in
 * the e2e profile only ({@code mvn verify -Pe2e}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@EnabledIfSystemProperty(named = "p1meter.e2e", matches = "true")
@Timeout(90)
class MqttOutputMosquittoIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private @Nullable Path dir;
    private @Nullable Process broker;
    private int port;
    private final List<Process> clients = new ArrayList<>();
    private final ManualFeed feed = new ManualFeed();
    private @Nullable MqttOutput output;

    @BeforeEach
    void startMosquitto() throws Exception {
        Path d = Files.createTempDirectory("p1meter-mosquitto");
        dir = d;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.writeString(d.resolve("mosquitto.conf"),
                "listener " + port + " 127.0.0.1\nallow_anonymous true\npersistence false\n");
        startBroker();
    }

    private void startBroker() throws Exception {
        Path d = dir;
        assertThat(d).isNotNull();
        broker = new ProcessBuilder(executable("mosquitto"), "-c", d.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(d.resolve("mosquitto.log").toFile()).start();
        try {
            Await.atMost(WAIT).pollInterval(Duration.ofMillis(50)).ignoreExceptions().until(() -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return true;
                }
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("mosquitto did not start: " + Files.readString(d.resolve("mosquitto.log")), e);
        }
    }

    private void stopBroker() throws InterruptedException {
        Process p = broker;
        broker = null;
        if (p != null) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @AfterEach
    void stopAll() throws Exception {
        MqttOutput o = output;
        if (o != null) {
            o.close();
        }
        for (Process p : clients) {
            p.destroyForcibly();
        }
        stopBroker();
        Path d = dir;
        if (d != null) {
            try (var files = Files.list(d)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(d);
        }
    }

    private static String executable(String name) {
        for (String dir : new String[] { "/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin" }) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return name;
    }

    private MqttOutput startOutput(@Nullable KillableSocketFactory sockets) throws IOException {
        MqttOutputConfig c = MqttOutputConfig.of("mqtt://127.0.0.1:" + port, null, null, "p1-e2e", null, 1, true, true,
                "currentUsage,currentDelivery", true, null);
        MqttOutput o = new MqttOutput(c, TelegramJsonOf.INSTANCE, sockets, 100, 400);
        output = o;
        o.start(feed);
        return o;
    }

    /** Lines "retained topic payload" from mosquitto_sub, read on a thread of their own. */
    private final class Sub {
        final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Sub(String... topics) throws IOException {
            List<String> cmd = new ArrayList<>(List.of(executable("mosquitto_sub"), "-h", "127.0.0.1", "-p",
                    Integer.toString(port), "-q", "1", "-F", "%r %t %p"));
            for (String t : topics) {
                cmd.add("-t");
                cmd.add(t);
            }
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            clients.add(p);
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            }, "mosquitto_sub reader");
            reader.setDaemon(true);
            reader.start();
        }

        /** The next line for the topic, as "retained payload". */
        String next(String topic) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left > 0 ? lines.poll(left, TimeUnit.NANOSECONDS) : null;
                if (line == null) {
                    throw new AssertionError("mosquitto_sub saw nothing on " + topic);
                }
                String[] parts = line.split(" ", 3);
                if (parts.length == 3 && parts[1].equals(topic)) {
                    return parts[0] + " " + parts[2];
                }
            }
        }

        List<String> drain(Duration period) throws InterruptedException {
            List<String> out = new ArrayList<>();
            long deadline = System.nanoTime() + period.toNanos();
            long left;
            while ((left = deadline - System.nanoTime()) > 0) {
                String l = lines.poll(left, TimeUnit.NANOSECONDS);
                if (l != null) {
                    out.add(l);
                }
            }
            return out;
        }
    }

    private static void awaitConnected(MqttOutput o) {
        Await.until(WAIT, o::isConnected, () -> "the output to connect");
    }

    @Test
    void retainedStateDiscoveryAndDistinctFieldsAsMosquittoDeliversThem() throws Exception {
        MqttOutput o = startOutput(null);
        awaitConnected(o);
        P1Telegram t = TestReadings.corpus("fluvius_emucs_flu5_v171");
        feed.publish(t);
        Thread.sleep(500);

        // a late subscriber: everything it gets at once is retained (flag 1)
        Sub late = new Sub("smartmeter/#", "homeassistant/sensor/+/gas/config", "homeassistant/sensor/+/water/config",
                "homeassistant/sensor/+/energy_import_t1/config");
        assertThat(late.next("smartmeter/connected")).isEqualTo("1 2");
        assertThat(late.next("smartmeter/status/energy")).isEqualTo("1 " + TestReadings.json(t));
        // currentDelivery is 0.000 kW in this telegram: published anyway
        String delivery = late.next("smartmeter/status/currentDelivery");
        assertThat(delivery).startsWith("1 ");
        assertThat(JsonParser.parseString(delivery.substring(2)).getAsJsonObject().get("val").getAsDouble()).isZero();
        List<String> configs = late.drain(Duration.ofSeconds(1));
        assertThat(configs).hasSize(3).allMatch(l -> l.startsWith("1 homeassistant/sensor/"));
        for (String line : configs) {
            JsonObject c = JsonParser.parseString(line.split(" ", 3)[2]).getAsJsonObject();
            String topic = line.split(" ", 3)[1];
            if (topic.endsWith("/gas/config")) {
                assertThat(c.get("device_class").getAsString()).isEqualTo("gas");
                assertThat(c.get("unit_of_measurement").getAsString()).isEqualTo("m\u00b3");
                assertThat(c.get("state_class").getAsString()).isEqualTo("total_increasing");
            } else if (topic.endsWith("/water/config")) {
                assertThat(c.get("device_class").getAsString()).isEqualTo("water");
                assertThat(c.get("unit_of_measurement").getAsString()).isEqualTo("m\u00b3");
            } else {
                assertThat(c.get("device_class").getAsString()).isEqualTo("energy");
                assertThat(c.get("unit_of_measurement").getAsString()).isEqualTo("kWh");
                assertThat(c.get("state_class").getAsString()).isEqualTo("total_increasing");
            }
        }

        // Home Assistant's birth message brings every config again
        Sub live = new Sub("homeassistant/sensor/#");
        int all = live.drain(Duration.ofSeconds(1)).size(); // the retained ones
        assertThat(all).isEqualTo(new HaDiscovery("smartmeter", "homeassistant", "x").configs(t).size());
        Process pub = new ProcessBuilder(executable("mosquitto_pub"), "-h", "127.0.0.1", "-p", Integer.toString(port),
                "-t", "homeassistant/status", "-m", "online").start();
        clients.add(pub);
        assertThat(pub.waitFor(10, TimeUnit.SECONDS)).isTrue();
        List<String> again = live.drain(Duration.ofSeconds(2));
        assertThat(again).hasSize(all).allMatch(l -> l.startsWith("0 homeassistant/sensor/"));
    }

    @Test
    void lastWillOnACrashAndRecoveryAfterTheBrokerRestarts() throws Exception {
        KillableSocketFactory sockets = new KillableSocketFactory();
        MqttOutput o = startOutput(sockets);
        Sub sub = new Sub("smartmeter/connected");
        assertThat(sub.next("smartmeter/connected")).endsWith(" 2");
        awaitConnected(o);

        sockets.killAll();
        assertThat(sub.next("smartmeter/connected")).isEqualTo("0 0"); // the will, delivered live
        assertThat(sub.next("smartmeter/connected")).isEqualTo("0 2"); // reconnected

        // mosquitto goes away (and with persistence off, forgets everything); readings go on meanwhile
        stopBroker();
        P1Telegram newest = TestReadings.kaifa();
        for (int i = 0; i < 100; i++) {
            newest = TestReadings.kaifaWithUsage(i / 100.0);
            feed.publish(newest);
        }
        startBroker();
        awaitConnected(o);
        Thread.sleep(500);
        Sub late = new Sub("smartmeter/#");
        assertThat(late.next("smartmeter/connected")).isEqualTo("1 2");
        assertThat(late.next("smartmeter/status/energy")).isEqualTo("1 " + TestReadings.json(newest));
    }
}
