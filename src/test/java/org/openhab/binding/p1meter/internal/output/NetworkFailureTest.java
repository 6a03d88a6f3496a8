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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real failures, produced on 127.0.0.1 (and one name that never resolves), said in words.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NetworkFailureTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private Throwable post(String url, Duration timeout) {
        Throwable t = catchThrowable(() -> http.send(
                HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                        .POST(HttpRequest.BodyPublishers.ofString("a=1")).build(),
                HttpResponse.BodyHandlers.ofString()));
        assertThat(t).as("the request fails").isInstanceOf(IOException.class);
        return t;
    }

    @Test
    void aRefusedConnectionSaysSoWhereTheHttpClientSaysOnlyConnectException() throws Exception {
        int port = closedPort();
        Throwable t = post("http://127.0.0.1:" + port + "/p1", Duration.ofSeconds(5));
        // the JDK's HTTP client says "ConnectException" and nothing else, in every cause
        assertThat(NetworkFailure.isSilentConnectFailure(t)).isTrue();
        assertThat(NetworkFailure.probeConnect("127.0.0.1", port, Duration.ofSeconds(5)))
                .isEqualTo("connection refused by 127.0.0.1:" + port + " (nothing listens on that port?)");
    }

    @Test
    void anUnknownHostIsNamed() {
        Throwable t = catchThrowable(() -> new Socket().connect(new InetSocketAddress("nohost.invalid", 1883), 5000));
        assertThat(NetworkFailure.describe(t, "nohost.invalid", 1883)).startsWith("unknown host nohost.invalid");
    }

    @Test
    void httpsToAPlainServerIsATlsError() throws Exception {
        try (ServerSocket plain = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = plain.accept()) {
                    s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n".getBytes());
                    s.getInputStream().read(new byte[4096]);
                } catch (IOException e) {
                    // the client gave up
                }
            });
            server.setDaemon(true);
            server.start();
            Throwable t = post("https://127.0.0.1:" + plain.getLocalPort() + "/p1", Duration.ofSeconds(5));
            assertThat(NetworkFailure.describe(t, "127.0.0.1", plain.getLocalPort()))
                    .startsWith("TLS error with 127.0.0.1:" + plain.getLocalPort());
        }
    }

    @Test
    void aServerThatNeverAnswersIsATimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            // accepted by the kernel (backlog), never read: the request times out waiting for the answer
            Throwable t = post("http://127.0.0.1:" + silent.getLocalPort() + "/p1", Duration.ofMillis(500));
            assertThat(NetworkFailure.describe(t, "127.0.0.1", silent.getLocalPort())).isEqualTo(
                    "127.0.0.1:" + silent.getLocalPort() + " accepted the connection but did not answer in time");
        }
    }

    @Test
    void httpStatusesSayWhatTheyMean() {
        assertThat(NetworkFailure.httpStatus(404)).isEqualTo("HTTP 404 Not Found: check the URL's path");
        assertThat(NetworkFailure.httpStatus(401)).startsWith("HTTP 401 Unauthorized");
        assertThat(NetworkFailure.httpStatus(418)).isEqualTo("HTTP 418");
    }

    @Test
    void aPortInUseAndAnAddressThatIsNotThisMachinesAreTold() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Throwable inUse = catchThrowable(() -> {
                try (ServerSocket s = new ServerSocket()) {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                }
            });
            assertThat(NetworkFailure.bindFailure("127.0.0.1", port, inUse)).isEqualTo("cannot listen on 127.0.0.1:"
                    + port + ": port " + port + " is in use (another program, or another output, listens on it)");
        }
        // 203.0.113.7 is reserved for documentation (RFC 5737): no machine should have it
        assertThat(NetworkFailure.isLocal("203.0.113.7")).isFalse();
        assertThat(NetworkFailure.isLocal("127.0.0.1")).isTrue();
        assertThat(NetworkFailure.isLocal("0.0.0.0")).isTrue();
        Throwable notHere = catchThrowable(() -> {
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getByName("203.0.113.7"), 0));
            }
        });
        assertThat(NetworkFailure.bindFailure("203.0.113.7", 3000, notHere))
                .contains("203.0.113.7 is not an address of this machine").doesNotContain("in use");
    }
}
