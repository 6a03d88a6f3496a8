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

import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class MqttOutputConfigTest {

    @Test
    void mqttUrlBecomesTcpWithDefaultPortAndDefaults() {
        MqttOutputConfig c = MqttOutputConfig.of("mqtt://broker.local");
        assertThat(c.brokerUri()).isEqualTo("tcp://broker.local:1883");
        assertThat(c.tls()).isFalse();
        assertThat(c.username()).isNull();
        assertThat(c.password()).isNull();
        assertThat(c.topicPrefix()).isEqualTo("smartmeter");
        assertThat(c.discoveryPrefix()).isEqualTo("homeassistant");
        assertThat(c.clientId()).startsWith("p1meter-");
        assertThat(c.connectedTopic()).isEqualTo("smartmeter/connected");
        assertThat(c.statusTopic("energy")).isEqualTo("smartmeter/status/energy");
        assertThat(c.haStatusTopic()).isEqualTo("homeassistant/status");
    }

    @Test
    void mqttsIsTlsOn8883AndCredentialsComeFromTheUrl() {
        MqttOutputConfig c = MqttOutputConfig.of("mqtts://jan:p%40ss:w@mqtt.example.org");
        assertThat(c.brokerUri()).isEqualTo("ssl://mqtt.example.org:8883");
        assertThat(c.tls()).isTrue();
        assertThat(c.username()).isEqualTo("jan");
        assertThat(c.password()).isEqualTo("p@ss:w");
        assertThat(c.toString()).doesNotContain("p@ss");
    }

    @Test
    void separateOptionsOverrideTheUrl() {
        MqttOutputConfig c = MqttOutputConfig.of("tcp://u:x@10.0.0.2:1884", "mqttuser", "secret", "meter-1", "home/p1/",
                2, false, true, " totalT1Use , currentUsage ", true, "ha/");
        assertThat(c.brokerUri()).isEqualTo("tcp://10.0.0.2:1884");
        assertThat(c.username()).isEqualTo("mqttuser");
        assertThat(c.password()).isEqualTo("secret");
        assertThat(c.clientId()).isEqualTo("meter-1");
        assertThat(c.topicPrefix()).isEqualTo("home/p1");
        assertThat(c.discoveryPrefix()).isEqualTo("ha");
        assertThat(c.qos()).isEqualTo(2);
        assertThat(c.retain()).isFalse();
        assertThat(c.distinctFields()).isEqualTo(List.of("totalT1Use", "currentUsage"));
    }

    @Test
    void badInputIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> MqttOutputConfig.of("http://localhost:1883"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mqtt://");
        assertThatThrownBy(() -> MqttOutputConfig.of("localhost:1883")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MqttOutputConfig.of("mqtt://localhost", null, null, null, null, 3, true, false, null,
                false, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QoS");
        assertThatThrownBy(() -> MqttOutputConfig.of("mqtt://localhost", null, "pw", null, null, 1, true, false, null,
                false, null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("user");
    }
}
