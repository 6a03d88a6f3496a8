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

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * A Moquette broker on 127.0.0.1, in memory, anonymous. Started on an ephemeral port; {@link #restart()} brings
 * it back on the same port (a broker outage as clients see it: retained messages are gone too).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class EmbeddedBroker implements AutoCloseable {

    private @Nullable Server server;
    private int port;

    static {
        // Moquette reports every start and stop at INFO; keep the test output readable
        System.setProperty("org.slf4j.simpleLogger.log.io.moquette", "warn");
    }

    /**
     * Starts on a free ephemeral port. Moquette does not tell which port it bound when asked for port 0, so a
     * free one is picked first (and another one tried should a parallel test take it in between).
     */
    public static EmbeddedBroker start() throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            EmbeddedBroker b = new EmbeddedBroker();
            try {
                b.startOn(port);
                return b;
            } catch (IOException | RuntimeException e) {
                b.stop();
                last = e instanceof IOException io ? io : new IOException(e);
            }
        }
        throw last != null ? last : new IOException("no free port");
    }

    private void startOn(int requestedPort) throws IOException {
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(requestedPort));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.mqtt.message_size", "65536");
        Server s = new Server();
        s.startServer(new MemoryConfig(p));
        server = s;
        port = requestedPort;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "mqtt://127.0.0.1:" + port;
    }

    public void stop() {
        Server s = server;
        server = null;
        if (s != null) {
            s.stopServer();
        }
    }

    public void restart() throws IOException {
        stop();
        startOn(port);
    }

    @Override
    public void close() {
        stop();
    }
}
