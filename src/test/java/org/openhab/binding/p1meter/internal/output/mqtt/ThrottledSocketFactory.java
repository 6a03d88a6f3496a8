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

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.net.SocketFactory;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Sockets to a broker that is slow or stops taking: every flush of the client (Paho flushes once per MQTT packet)
 * waits a moment, and while frozen it waits until thawed, as when a broker's machine is overloaded.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ThrottledSocketFactory extends SocketFactory {

    private final long pauseNanos;
    private volatile boolean frozen;

    /** @param pauseMicros what every packet the client sends costs */
    ThrottledSocketFactory(long pauseMicros) {
        this.pauseNanos = TimeUnit.MICROSECONDS.toNanos(pauseMicros);
    }

    void freeze() {
        frozen = true;
    }

    void thaw() {
        frozen = false;
    }

    @Override
    public Socket createSocket() {
        return new ThrottledSocket();
    }

    @Override
    public Socket createSocket(@Nullable String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(@Nullable String host, int port, @Nullable InetAddress localHost, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(@Nullable InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(@Nullable InetAddress address, int port, @Nullable InetAddress localAddress,
            int localPort) throws IOException {
        return connected(new InetSocketAddress(address, port));
    }

    private Socket connected(InetSocketAddress to) throws IOException {
        Socket s = new ThrottledSocket();
        s.connect(to);
        return s;
    }

    private final class ThrottledSocket extends Socket {
        @Override
        public OutputStream getOutputStream() throws IOException {
            return new FilterOutputStream(super.getOutputStream()) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void flush() throws IOException {
                    while (frozen && !isClosed()) {
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
                    }
                    LockSupport.parkNanos(pauseNanos);
                    out.flush();
                }
            };
        }
    }
}
