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

import static org.assertj.core.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutput;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutputConfig;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import picocli.CommandLine;

/**
 * The daemon's {@code --mqtt-*} options reach the MQTT output, and {@code --simulate --mqtt-url ...
 * --mqtt-discovery} publishes readings and discovery to a real (embedded) broker.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class DaemonMqttTest {

    static {
        System.setProperty("org.slf4j.simpleLogger.log.io.moquette", "warn");
    }

    private static DaemonOptions parse(Map<String, String> env, String... args) {
        Main main = new Main();
        CommandLine cl = Main.commandLine(main, env, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        cl.parseArgs(args);
        return main.options;
    }

    @Test
    void mqttOptionsBecomeTheOutputConfig() {
        DaemonOptions o = parse(Map.of("SMARTMETER_MQTT_PASSWORD", "from-env"), "--simulate", "--mqtt-url",
                "mqtts://jan@broker.example:8884", "--mqtt-topic", "p1", "--mqtt-qos", "2", "--no-mqtt-retain",
                "--mqtt-client-id", "meterkast", "--mqtt-distinct", "--mqtt-distinct-fields", "currentUsage,gas",
                "--mqtt-discovery", "--mqtt-discovery-prefix", "ha");
        MqttOutputConfig c = Daemon.mqttConfig(o, "mqtts://jan@broker.example:8884");
        assertThat(c.brokerUri()).isEqualTo("ssl://broker.example:8884");
        assertThat(c.username()).isEqualTo("jan");
        assertThat(c.password()).isEqualTo("from-env");
        assertThat(c.topicPrefix()).isEqualTo("p1");
        assertThat(c.qos()).isEqualTo(2);
        assertThat(c.retain()).isFalse();
        assertThat(c.clientId()).isEqualTo("meterkast");
        assertThat(c.distinct()).isTrue();
        assertThat(c.distinctFields()).containsExactly("currentUsage", "gas");
        assertThat(c.discovery()).isTrue();
        assertThat(c.discoveryPrefix()).isEqualTo("ha");

        MqttOutputConfig defaults = Daemon.mqttConfig(parse(Map.of(), "--simulate", "--mqtt-url", "mqtt://h"),
                "mqtt://h");
        assertThat(defaults.retain()).isTrue();
        assertThat(defaults.qos()).isEqualTo(1);
        assertThat(defaults.topicPrefix()).isEqualTo("smartmeter");
        assertThat(defaults.discovery()).isFalse();

        assertThatThrownBy(() -> new Daemon(parse(Map.of(), "--simulate", "--mqtt-url", "http://h")))
                .isInstanceOf(UsageError.class).hasMessageContaining("mqtt://");
        assertThatThrownBy(() -> new Daemon(parse(Map.of(), "--simulate", "--mqtt-url", "mqtt://h", "--mqtt-qos", "5")))
                .isInstanceOf(UsageError.class).hasMessageContaining("QoS");
    }

    @Test
    void simulatedMeterIsPublishedWithDiscovery() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        Server broker = new Server();
        broker.startServer(new MemoryConfig(p));
        MqttClient sub = new MqttClient("tcp://127.0.0.1:" + port, "daemon-test-sub", new MemoryPersistence());
        Daemon daemon = null;
        try {
            Map<String, String> got = new ConcurrentHashMap<>();
            CountDownLatch energy = new CountDownLatch(1);
            CountDownLatch gasConfig = new CountDownLatch(1);
            sub.connect();
            sub.subscribe("#", 1, (topic, m) -> {
                got.put(topic, new String(m.getPayload(), StandardCharsets.UTF_8));
                if (topic.equals("smartmeter/status/energy")) {
                    energy.countDown();
                }
                if (topic.startsWith("homeassistant/sensor/") && topic.endsWith("/gas/config")) {
                    gasConfig.countDown();
                }
            });
            daemon = new Daemon(parse(Map.of(), "--simulate", "--mqtt-url", "mqtt://127.0.0.1:" + port,
                    "--mqtt-discovery", "--mqtt-client-id", "daemon-test"));
            assertThat(daemon.outputs()).hasAtLeastOneElementOfType(MqttOutput.class);
            daemon.start();
            assertThat(energy.await(15, TimeUnit.SECONDS)).as("a reading within 15 s").isTrue();
            assertThat(gasConfig.await(15, TimeUnit.SECONDS)).as("gas discovery within 15 s").isTrue();
            assertThat(got.get("smartmeter/connected")).isEqualTo("2");
            JsonObject reading = JsonParser.parseString(got.get("smartmeter/status/energy")).getAsJsonObject();
            assertThat(reading.has("totalT1Use")).isTrue();
            String gasTopic = got.keySet().stream().filter(t -> t.endsWith("/gas/config")).findFirst().orElseThrow();
            JsonObject gas = JsonParser.parseString(got.get(gasTopic)).getAsJsonObject();
            assertThat(gas.get("unit_of_measurement").getAsString()).isEqualTo("m\u00b3");
            assertThat(gas.get("device_class").getAsString()).isEqualTo("gas");
        } finally {
            if (daemon != null) {
                daemon.stop();
            }
            if (sub.isConnected()) {
                sub.disconnect(1000);
            }
            sub.close(true);
            broker.stopServer();
        }
    }
}
