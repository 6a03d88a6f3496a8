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
package org.openhab.binding.p1meter.internal.reader;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.awaitility.core.ConditionTimeoutException;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.Await;

/**
 * Binds test servers on 127.0.0.1.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class Loopback {

    private Loopback() {
    }

    /**
     * Binds to the port (0: any free one). A dongle that "restarts" binds the port its predecessor had; that port
     * can stay taken for a moment after the predecessor closed (the JDK releases a listening socket whose accept
     * thread is blocked only when that thread has left, and a reconnecting client can hold it briefly), just as a
     * real dongle takes a moment to come back, so a fixed port is retried for a few seconds.
     */
    public static void bind(ServerSocket server, int port) throws IOException {
        server.setReuseAddress(true);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        if (port == 0) {
            server.bind(address);
            return;
        }
        try {
            Await.atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .ignoreException(BindException.class).until(() -> {
                        server.bind(address);
                        return true;
                    });
        } catch (ConditionTimeoutException e) {
            server.bind(address); // still taken: the BindException says so
        }
    }
}
