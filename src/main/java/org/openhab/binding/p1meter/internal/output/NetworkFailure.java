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
package org.openhab.binding.p1meter.internal.output;

import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import javax.net.ssl.SSLException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * Says in words why talking to a peer (a webhook's server, an MQTT broker) or listening on a port failed. The
 * JDK's and the libraries' own texts are often a bare class name ({@code ConnectException}, whose message the
 * HTTP client leaves empty), a bare host name ({@code UnknownHostException: nohost.invalid}) or a wrapper that
 * hides its cause ({@code MqttException}); the log should say what happened and to what.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class NetworkFailure {

    /** HTTP statuses a webhook meets, with what they usually mean for the user. */
    private static final Map<Integer, String> HTTP_STATUS = Map.ofEntries(Map.entry(400, "Bad Request"),
            Map.entry(401, "Unauthorized: check the credentials in the request headers"),
            Map.entry(403, "Forbidden: check the credentials in the request headers"),
            Map.entry(404, "Not Found: check the URL's path"), Map.entry(405, "Method Not Allowed: POST is refused"),
            Map.entry(408, "Request Timeout"), Map.entry(413, "Payload Too Large"),
            Map.entry(415, "Unsupported Media Type: try the other body format (JSON or form fields)"),
            Map.entry(429, "Too Many Requests: post less often"), Map.entry(500, "Internal Server Error"),
            Map.entry(502, "Bad Gateway"), Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

    private NetworkFailure() {
    }

    /**
     * Why a connection to {@code host:port} failed, in words: the first cause in the chain that says something
     * ("connection refused by broker.local:1883", "unknown host nohost.invalid", "TLS: the server's certificate
     * is not trusted (...)"), else the exception's own text.
     */
    public static String describe(Throwable failure, String host, int port) {
        String where = port > 0 ? host + ":" + port : host;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String words = words(t, host, where);
            if (words != null) {
                return words;
            }
            if (t.equals(t.getCause())) {
                break;
            }
        }
        return text(failure);
    }

    private static @Nullable String words(Throwable t, String host, String where) {
        String m = t.getMessage() == null ? "" : t.getMessage();
        String lower = m.toLowerCase(Locale.ROOT);
        if (t instanceof UnknownHostException) {
            return "unknown host " + host + " (the name does not resolve"
                    + (lower.contains("temporary failure") ? ": DNS is not answering" : "") + ")";
        }
        if (t instanceof HttpConnectTimeoutException || t instanceof SocketTimeoutException) {
            return "no answer from " + where + " in time (" + (m.isEmpty() ? "timed out" : m) + ")";
        }
        if (t instanceof HttpTimeoutException) {
            return where + " accepted the connection but did not answer in time";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to " + where + " (host down or unreachable)";
        }
        if (t instanceof PortUnreachableException) {
            return where + " is unreachable";
        }
        if (t instanceof ConnectException) {
            if (lower.contains("timed out")) {
                return "no answer from " + where + " (connection timed out)";
            }
            if (lower.contains("no route") || lower.contains("unreachable")) {
                return "no route to " + where + " (" + m + ")";
            }
            if (lower.contains("refused")) {
                return "connection refused by " + where + " (nothing listens on that port?)";
            }
            if (!m.isEmpty()) {
                return "cannot connect to " + where + " (" + m + ")";
            }
            // the HTTP client's ConnectException says nothing, nor do its causes: see probeConnect
            return null;
        }
        if (t instanceof SSLException || t instanceof CertificateException || t instanceof CertPathValidatorException) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException || lower.contains("pkix")
                    || lower.contains("certificate")) {
                return "TLS error with " + where + ": the server's certificate is not trusted (" + m + ")";
            }
            return "TLS error with " + where + (m.isEmpty() ? "" : " (" + m + ")");
        }
        if (t instanceof EOFException || lower.contains("connection reset") || lower.contains("broken pipe")) {
            return where + " closed the connection";
        }
        if (t instanceof SocketException && !m.isEmpty()) {
            return m + " (" + where + ")";
        }
        return null;
    }

    /** "HTTP 404 Not Found: check the URL's path" for a status a webhook's server answered with. */
    public static String httpStatus(int status) {
        String meaning = HTTP_STATUS.get(status);
        return "HTTP " + status + (meaning != null ? " " + meaning : "");
    }

    /**
     * Why listening on {@code bindAddress:port} failed: the port is taken, or the address is not one of this
     * machine's (a {@code bind()} that the system refuses for either reason is a {@link BindException}).
     */
    public static String bindFailure(String bindAddress, int port, Throwable failure) {
        BindException bind = null;
        for (Throwable t = failure; t != null && bind == null; t = t.equals(t.getCause()) ? null : t.getCause()) {
            if (t instanceof BindException b) {
                bind = b;
            }
        }
        if (bind == null) {
            return "cannot listen on " + bindAddress + ":" + port + ": " + text(failure);
        }
        if (!isLocal(bindAddress)) {
            return "cannot listen on " + bindAddress + ":" + port + ": " + bindAddress
                    + " is not an address of this machine (the address to listen on is not available)";
        }
        return "cannot listen on " + bindAddress + ":" + port + ": port " + port
                + " is in use (another program, or another output, listens on it)";
    }

    /** Whether this machine has the address (the wildcard and loopback addresses count). */
    public static boolean isLocal(String address) {
        try {
            InetAddress a = InetAddress.getByName(address);
            return a.isAnyLocalAddress() || a.isLoopbackAddress() || NetworkInterface.getByInetAddress(a) != null;
        } catch (UnknownHostException | SocketException e) {
            return false;
        }
    }

    /**
     * Whether the failure is a connect that failed without saying why, as the JDK's HTTP client reports a refused
     * connection ({@code ConnectException} without a message, all the way down).
     */
    public static boolean isSilentConnectFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.equals(t.getCause()) ? null : t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return false;
            }
        }
        return failure instanceof ConnectException;
    }

    /**
     * Connects to {@code host:port} once with a plain socket, to learn what a client that does not tell (the
     * JDK's HTTP client) met: "connection refused by ...", "no answer from ...".
     */
    public static String probeConnect(String host, int port, Duration timeout) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
            return "cannot connect to " + host + ":" + port + ", although it accepts a plain connection now";
        } catch (IOException e) {
            return describe(e, host, port);
        }
    }

    private static String text(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
