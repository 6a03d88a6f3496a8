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

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Telegrams from a TCP server: ser2net, an ESP8266/ESP32 P1 dongle, another instance's raw TCP output.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TcpSource implements P1Source {

    private final String host;
    private final int port;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private @Nullable Socket socket;

    /**
     * @param readTimeout a read that waits this long fails (a dongle that rebooted leaves a half-open connection
     *            that would otherwise block forever); ZERO waits forever
     */
    public TcpSource(String host, int port, Duration connectTimeout, Duration readTimeout) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TCP port must be 1-65535, got " + port);
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("TCP host must not be empty");
        }
        this.host = host;
        this.port = port;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * Parses {@code host:port} (IPv6 as {@code [::1]:8088}) with default timeouts (connect 10 s, read 60 s).
     *
     * @throws IllegalArgumentException with a message a user can act on
     */
    public static TcpSource parse(String hostPort) {
        String text = hostPort.trim();
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new IllegalArgumentException("expected host:port, got '" + hostPort + "'");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port in '" + hostPort + "' is not a number");
        }
        return new TcpSource(host, port, Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    @Override
    public InputStream open() throws IOException {
        Socket s = new Socket();
        synchronized (this) {
            socket = s;
        }
        try {
            s.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
            s.setSoTimeout((int) readTimeout.toMillis());
            s.setKeepAlive(true);
            return new QuietTimeoutStream(s.getInputStream());
        } catch (UnknownHostException e) {
            close();
            throw new IOException("unknown host " + host + " (the name does not resolve"
                    + (e.getMessage() != null && e.getMessage().contains("Temporary") ? ": DNS is not answering" : "")
                    + ")", e);
        } catch (SocketTimeoutException e) {
            close();
            throw new IOException(
                    "no answer from " + host + ":" + port + " within " + connectTimeout.toSeconds() + " s", e);
        } catch (IOException e) {
            close();
            throw new IOException("cannot connect to " + host + ":" + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * Says what a read timeout means: the dongle sent nothing for the read timeout. The socket's own message
     * ("Read timed out") is what a user would otherwise see in the Thing status and the log.
     */
    private final class QuietTimeoutStream extends FilterInputStream {
        QuietTimeoutStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (SocketTimeoutException e) {
                throw quiet(e);
            }
        }

        @Override
        public int read(byte @Nullable [] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (SocketTimeoutException e) {
                throw quiet(e);
            }
        }

        private SocketTimeoutException quiet(SocketTimeoutException cause) {
            SocketTimeoutException e = new SocketTimeoutException(
                    "no data from " + host + ":" + port + " for " + readTimeout.toSeconds() + " s");
            e.initCause(cause);
            return e;
        }
    }

    @Override
    public void close() {
        Socket s;
        synchronized (this) {
            s = socket;
            socket = null;
        }
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway; nothing to add
            }
        }
    }

    @Override
    public String describe() {
        return "tcp " + host + ":" + port;
    }

    /** The dongle's TCP stack keeps what is not read yet, and TCP slows the dongle down when that is full. */
    @Override
    public boolean canWait() {
        return true;
    }
}
