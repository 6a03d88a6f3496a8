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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * Paho's failures against real brokers (and none) on 127.0.0.1, said in words instead of
 * "MqttException (...)".
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class MqttFailureTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static MqttException connect(String uri, String user, String password) throws Exception {
        MqttAsyncClient client = new MqttAsyncClient(uri, "p1-failure-test", new MemoryPersistence());
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setConnectionTimeout(5);
            options.setUserName(user);
            options.setPassword(password.toCharArray());
            MqttException e = catchThrowableOfType(MqttException.class,
                    () -> client.connect(options).waitForCompletion(10_000));
            assertThat(e).as("the connection fails").isNotNull();
            return e;
        } finally {
            client.close(true);
        }
    }

    @Test
    void noBrokerOnThePort() throws Exception {
        int port = freePort();
        String uri = "tcp://127.0.0.1:" + port;
        assertThat(MqttFailure.describe(connect(uri, "jan", "x"), uri))
                .isEqualTo("connection refused by 127.0.0.1:" + port + " (nothing listens on that port?)");
    }

    @Test
    void unknownBrokerHost() throws Exception {
        String uri = "tcp://nohost.invalid:1883";
        assertThat(MqttFailure.describe(connect(uri, "jan", "x"), uri)).startsWith("unknown host nohost.invalid");
    }

    @Test
    void wrongPasswordAndTlsToAPlainPort() throws Exception {
        int port = freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "false");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        Server broker = new Server();
        broker.startServer(new MemoryConfig(p), null, null, (clientId, username, password) -> false, null);
        try {
            String uri = "tcp://127.0.0.1:" + port;
            assertThat(MqttFailure.describe(connect(uri, "jan", "fout"), uri))
                    .isEqualTo("the broker refuses the user name or password");
            String tls = "ssl://127.0.0.1:" + port;
            assertThat(MqttFailure.describe(connect(tls, "jan", "fout"), tls))
                    .startsWith("TLS error with 127.0.0.1:" + port);
        } finally {
            broker.stopServer();
        }
    }
}
