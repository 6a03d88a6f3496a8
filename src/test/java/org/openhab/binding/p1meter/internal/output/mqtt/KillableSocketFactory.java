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
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.SocketFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Plain sockets that the test can close under the client's feet: an unclean disconnect as a crash or a pulled
 * cable looks to the broker (no DISCONNECT packet), so the broker publishes the last will.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class KillableSocketFactory extends SocketFactory {

    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private Socket track(Socket s) {
        sockets.add(s);
        return s;
    }

    /** Closes every socket made so far; returns how many were open. */
    int killAll() throws IOException {
        int open = 0;
        for (Socket s : sockets) {
            if (!s.isClosed()) {
                open++;
                s.close();
            }
        }
        return open;
    }

    @Override
    public Socket createSocket() {
        return track(new Socket());
    }

    @Override
    public Socket createSocket(@Nullable String host, int port) throws IOException {
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(@Nullable String host, int port, @Nullable InetAddress localHost, int localPort)
            throws IOException {
        return track(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(@Nullable InetAddress host, int port) throws IOException {
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(@Nullable InetAddress address, int port, @Nullable InetAddress localAddress,
            int localPort) throws IOException {
        return track(new Socket(address, port, localAddress, localPort));
    }
}
