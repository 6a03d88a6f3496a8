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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.output.mqtt.MqttOutputConfig;
import org.openhab.binding.p1meter.internal.output.mqtt.Smartmeter2mqttEntities;

import picocli.CommandLine;

/**
 * {@code --mqtt-interval}, {@code --mqtt-usage-immediate} and {@code --mqtt-discovery-smartmeter2mqtt}, from the
 * command line and the environment into the MQTT output's configuration.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class MqttPublishingOptionsTest {

    private static DaemonOptions parse(Map<String, String> env, String... args) {
        Main main = new Main();
        CommandLine cl = Main.commandLine(main, env, new PrintWriter(new StringWriter()),
                new PrintWriter(new StringWriter()));
        cl.parseArgs(args);
        return main.options;
    }

    private static MqttOutputConfig config(Map<String, String> env, String... args) {
        return Daemon.mqttConfig(parse(env, args), "mqtt://h");
    }

    @Test
    void intervalUsageAndSmartmeter2mqttEntitiesBecomeTheOutputConfig() {
        MqttOutputConfig c = config(Map.of(), "--simulate", "--mqtt-url", "mqtt://h", "--mqtt-interval", "60",
                "--mqtt-usage-immediate", "--mqtt-discovery", "--mqtt-discovery-smartmeter2mqtt", "adopt");
        assertThat(c.interval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.usageImmediate()).isTrue();
        assertThat(c.smartmeter2mqttEntities()).isEqualTo(Smartmeter2mqttEntities.ADOPT);

        MqttOutputConfig env = config(
                Map.of("SMARTMETER_MQTT_INTERVAL", "10", "SMARTMETER_mqtt-discovery-smartmeter2mqtt", "remove"),
                "--simulate", "--mqtt-url", "mqtt://h");
        assertThat(env.interval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(env.usageImmediate()).isFalse();
        assertThat(env.smartmeter2mqttEntities()).isEqualTo(Smartmeter2mqttEntities.REMOVE);

        MqttOutputConfig defaults = config(Map.of(), "--simulate", "--mqtt-url", "mqtt://h");
        assertThat(defaults.interval()).isZero();
        assertThat(defaults.smartmeter2mqttEntities()).isEqualTo(Smartmeter2mqttEntities.LEAVE);
    }

    @Test
    void mistakesSayWhatToFix() {
        assertThatThrownBy(() -> config(Map.of(), "--simulate", "--mqtt-interval", "-5")).isInstanceOf(UsageError.class)
                .hasMessage("--mqtt-interval must be 0 (every telegram) or a number " + "of seconds, got -5");
        assertThatThrownBy(() -> config(Map.of(), "--simulate", "--mqtt-discovery-smartmeter2mqtt", "keep"))
                .isInstanceOf(UsageError.class).hasMessageStartingWith("--mqtt-discovery-smartmeter2mqtt: ")
                .hasMessageContaining("'adopt'").hasMessageContaining("'remove'");
        assertThatThrownBy(() -> config(Map.of(), "--simulate", "--mqtt-discovery-smartmeter2mqtt", "adopt"))
                .isInstanceOf(UsageError.class).hasMessageContaining("needs --mqtt-discovery");
    }
}
