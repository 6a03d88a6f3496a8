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

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.reader.LogCapture;

/**
 * Mistakes a user can type into the output services' settings: each leaves that output off, throws nothing at
 * openHAB, and is logged as one line that names the setting. The log is read from standard error, where the
 * tests' slf4j-simple writes it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ServiceConfigMistakesTest {

    private final P1BridgeRegistryImpl registry = new P1BridgeRegistryImpl();

    private static Map<String, @Nullable Object> config(Object... keyValues) {
        Map<String, @Nullable Object> m = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }

    /**
     * Runs the action with the log captured; returns its one warning, which says the output was not started (and
     * why). openHAB's own configuration reading logs nothing either.
     */
    private static String notStartedLog(Supplier<OutputService<?>> action) {
        OutputService<?> service;
        String log;
        try (LogCapture capture = new LogCapture()) {
            service = action.get();
            log = capture.text();
        }
        assertThat(service.output()).as("the output stays off").isNull();
        service.close();
        List<String> warnings = log.lines().filter(l -> l.contains(" WARN ")).toList();
        assertThat(warnings).as("one warning in " + log).hasSize(1);
        assertThat(warnings.get(0)).contains("not started");
        assertThat(log).doesNotContain("Exception").doesNotContain("\tat ");
        return warnings.get(0) + "\n";
    }

    @Test
    void aPortInUseNamesTheAddress() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertThat(notStartedLog(() -> new JsonTcpService(registry,
                    config("enabled", true, "port", BigDecimal.valueOf(port), "bindAddress", "127.0.0.1"))))
                    .contains("127.0.0.1:" + port);
        }
    }

    @Test
    void aPortThatIsNoPortIsNamed() {
        assertThat(notStartedLog(() -> new RawTcpService(registry, config("enabled", true, "port", "abc"))))
                .contains("port");
        assertThat(notStartedLog(
                () -> new RawTcpService(registry, config("enabled", true, "port", BigDecimal.valueOf(70000)))))
                .contains("port");
    }

    @Test
    void clientLimitsThatCannotWorkAreNamed() {
        assertThat(notStartedLog(() -> new JsonTcpService(registry,
                config("enabled", true, "port", BigDecimal.ZERO, "clientTimeout", BigDecimal.ZERO))))
                .contains("clientTimeout").contains("at least 1 second");
        assertThat(notStartedLog(() -> new RawTcpService(registry,
                config("enabled", true, "port", BigDecimal.ZERO, "clientBacklogLimit", BigDecimal.valueOf(2048)))))
                .contains("clientBacklogLimit").contains("1-1024 MB");
    }

    @Test
    void anInvalidWebhookUrlIsNamed() {
        assertThat(notStartedLog(
                () -> new WebhookService(registry, config("enabled", true, "url", "http://exa mple.org/hook"))))
                .contains("http://exa mple.org/hook");
    }

    @Test
    void aNegativeWebhookIntervalIsNamed() {
        assertThat(notStartedLog(() -> new WebhookService(registry,
                config("enabled", true, "url", "http://127.0.0.1:9/hook", "interval", BigDecimal.valueOf(-5)))))
                .contains("interval");
    }

    /** The same refusals as the daemon's --post-* options, from the function both use. */
    @Test
    void webhookFieldsHeadersAndTimeoutsThatCannotWorkAreNamed() {
        assertThat(notStartedLog(() -> new WebhookService(registry,
                config("enabled", true, "url", "http://127.0.0.1:9/hook", "fields", "gas_totalUse,totalt1use"))))
                .contains("fields: unknown field 'totalt1use' (did you mean totalT1Use?)").contains(", gas_totalUse, ");
        assertThat(notStartedLog(() -> new WebhookService(registry,
                config("enabled", true, "url", "http://127.0.0.1:9/hook", "headers", List.of("Host: example.org")))))
                .contains("headers 'Host: example.org' cannot be sent");
        assertThat(notStartedLog(() -> new WebhookService(registry,
                config("enabled", true, "url", "http://127.0.0.1:9/hook", "headers", List.of("no colon")))))
                .contains("headers must be 'Name: value', got 'no colon'");
        assertThat(notStartedLog(() -> new WebhookService(registry,
                config("enabled", true, "url", "http://127.0.0.1:9/hook", "timeout", BigDecimal.ZERO))))
                .contains("timeout must be at least 1 second");
    }

    /** Read by openHAB's Configuration.as: a value of the wrong kind is named instead of quietly replaced. */
    @Test
    void valuesOfTheWrongKindAreNamed() {
        assertThat(notStartedLog(() -> new JsonTcpService(registry, config("enabled", "yes", "port", "0"))))
                .contains("enabled must be true or false, got 'yes'");
        assertThat(notStartedLog(
                () -> new RawTcpService(registry, config("enabled", true, "port", new BigDecimal("3020.5")))))
                .contains("port must be a whole number, got '3020.5'");
        assertThat(notStartedLog(() -> new RawTcpService(registry,
                config("enabled", true, "port", BigDecimal.ZERO, "maxClients", BigDecimal.ZERO))))
                .contains("maxClients must be at least 1");
        assertThat(notStartedLog(() -> new WebhookService(registry,
                config("enabled", true, "url", "http://127.0.0.1:9/hook", "format", "xml"))))
                .contains("format must be form or json, got 'xml'");
        assertThat(notStartedLog(() -> new MqttService(registry,
                config("brokerUrl", "mqtt://127.0.0.1:1", "distinct", true, "distinctFields", "totalT1Use,nosuch"))))
                .contains("distinctFields: unknown field 'nosuch'").contains("; the fields are: header, ");
        assertThat(notStartedLog(() -> new MqttService(registry,
                config("brokerUrl", "mqtt://127.0.0.1:1", "qos", BigDecimal.valueOf(3))))).contains("QoS");
        // the dashboard like the others: limits that cannot work leave it off, saying which
        assertThat(notStartedLog(() -> new DashboardService(registry, config("clientTimeout", BigDecimal.ZERO))))
                .contains("clientTimeout must be at least 1 second");
    }
}
