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
package org.openhab.binding.p1meter.internal.service;

import static org.assertj.core.api.Assertions.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.P1BridgeRegistry;
import org.openhab.binding.p1meter.internal.output.mqtt.EmbeddedBroker;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttProbe;
import org.openhab.binding.p1meter.internal.output.mqtt.TestReadings;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;

/**
 * The openHAB MQTT service: its configuration (as openHAB hands it over: numbers as BigDecimal) starts, changes
 * and stops the MQTT output on the selected bridge's feed.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class MqttServiceTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ManualFeed feed = new ManualFeed();
    private final List<@Nullable String> askedFor = new ArrayList<>();
    private final P1BridgeRegistry registry = uid -> {
        askedFor.add(uid);
        return feed;
    };
    private @Nullable EmbeddedBroker broker;
    private @Nullable MqttService service;

    @AfterEach
    void tearDown() {
        MqttService s = service;
        if (s != null) {
            s.deactivate();
        }
        EmbeddedBroker b = broker;
        if (b != null) {
            b.close();
        }
    }

    @Test
    void withoutABrokerUrlOrWithABadOneNothingRuns() {
        MqttService s = new MqttService(registry, null);
        service = s;
        assertThat(s.output()).isNull();
        s.modified(Map.of("brokerUrl", "http://wrong:80"));
        assertThat(s.output()).isNull();
        assertThat(feed.listenerCount()).isZero();
    }

    @Test
    void publishesTheBridgeFollowsConfigurationChangesAndStopsOnDeactivate() throws Exception {
        EmbeddedBroker b = EmbeddedBroker.start();
        broker = b;
        Map<String, Object> config = new HashMap<>();
        config.put("brokerUrl", b.url());
        config.put("topicPrefix", "p1home");
        config.put("qos", BigDecimal.ONE);
        config.put("discovery", Boolean.TRUE);
        config.put("bridge", "p1meter:serial:home");
        try (MqttProbe probe = new MqttProbe(b.port(), "#")) {
            MqttService s = new MqttService(registry, config);
            service = s;
            assertThat(askedFor).containsExactly("p1meter:serial:home");
            assertThat(probe.await("p1home/connected", WAIT).payload()).isEqualTo("2");
            feed.publish(TestReadings.kaifa());
            // configs and reading in whichever order they come
            assertThat(probe.awaitOrSeen(r -> r.topic().equals("p1home/status/energy"), WAIT).payload())
                    .isEqualTo(TestReadings.json(TestReadings.kaifa()));
            assertThat(probe.awaitOrSeen(r -> r.topic().startsWith("homeassistant/sensor/"), WAIT).payload())
                    .contains("\"state_topic\":\"p1home/status/energy\"");

            // the same configuration again changes nothing: no reconnect
            s.modified(new HashMap<>(config));
            assertThat(probe.collect(Duration.ofMillis(500))).noneMatch(r -> r.topic().endsWith("/connected"));

            // a new prefix: the old connection says goodbye, the new one comes up on every bridge
            config.put("topicPrefix", "p1new");
            config.put("bridge", "");
            s.modified(config);
            assertThat(probe.await("p1home/connected", WAIT).payload()).isEqualTo("0");
            assertThat(probe.await("p1new/connected", WAIT).payload()).isEqualTo("2");
            assertThat(askedFor).containsExactly("p1meter:serial:home", null);
            assertThat(feed.listenerCount()).isEqualTo(1);

            s.deactivate();
            service = null;
            assertThat(probe.await("p1new/connected", WAIT).payload()).isEqualTo("0");
            assertThat(feed.listenerCount()).isZero();
        }
    }

    @Test
    void publishIntervalUsageEventsAndSmartmeter2mqttEntitiesFromTheServiceConfiguration() throws Exception {
        EmbeddedBroker b = EmbeddedBroker.start();
        broker = b;
        Map<String, Object> config = new HashMap<>();
        config.put("brokerUrl", b.url());
        config.put("topicPrefix", "p1int");
        config.put("interval", new BigDecimal(3600));
        config.put("usageImmediate", Boolean.TRUE);
        config.put("smartmeter2mqttEntities", "remove");
        try (MqttProbe probe = new MqttProbe(b.port(), "#")) {
            MqttService s = new MqttService(registry, config);
            service = s;
            // smartmeter2mqtt's discovery configs are cleared when connecting
            probe.awaitOrSeen(
                    r -> r.topic().equals("homeassistant/sensor/smartmeter/t1-used/config") && r.payload().isEmpty(),
                    WAIT);
            feed.publish(TestReadings.kaifaWithUsage(0.3));
            assertThat(probe.awaitOrSeen(r -> r.topic().equals("p1int/status/energy"), WAIT).payload())
                    .isEqualTo(TestReadings.json(TestReadings.kaifaWithUsage(0.3)));
            probe.awaitOrSeen(r -> r.topic().equals("p1int/status/usage") && r.payload().contains("\"val\":300"), WAIT);
            // within the hour: the usage event comes at once, the reading waits
            feed.publish(TestReadings.kaifaWithUsage(0.4));
            probe.awaitOrSeen(r -> r.topic().equals("p1int/status/usage") && r.payload().contains("\"val\":400"), WAIT);
            // the same configuration again changes nothing (the interval is part of it): no reconnect
            s.modified(new HashMap<>(config));
            probe.collect(Duration.ofMillis(500));
            assertThat(probe.seen()).filteredOn(r -> r.topic().equals("p1int/status/energy")).hasSize(1);
            assertThat(probe.seen()).filteredOn(r -> r.topic().equals("p1int/connected")).extracting(r -> r.payload())
                    .containsExactly("2");
        }
    }
}
