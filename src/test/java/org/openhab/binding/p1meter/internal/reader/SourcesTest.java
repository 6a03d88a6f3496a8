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

import static org.assertj.core.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sources on their own: pacing and closing of the simulated meter, TCP address parsing and failures.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class SourcesTest {

    @Test
    void simulatedMeterSendsOneTelegramPerIntervalAndCloseUnblocksARead() throws Exception {
        SimulatedMeter meter = new SimulatedMeter(Instant.parse("2025-01-10T12:00:00Z"), Duration.ofMillis(200),
                Duration.ofSeconds(1), 7);
        InputStream in = meter.open();
        long t0 = System.nanoTime();
        int telegrams = 0;
        byte[] buf = new byte[8192];
        while (System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(1100)) {
            int n = in.read(buf);
            for (int i = 0; i < n; i++) {
                if (buf[i] == '/') {
                    telegrams++;
                }
            }
        }
        // at 0, 200, ..., 1000 ms: 6, give or take one for scheduling
        assertThat(telegrams).isBetween(5, 7);

        CompletableFuture<String> pending = CompletableFuture.supplyAsync(() -> {
            try {
                while (true) {
                    in.read(buf);
                }
            } catch (IOException e) {
                return "closed";
            }
        });
        Thread.sleep(50);
        long c0 = System.nanoTime();
        meter.close();
        assertThat(pending.get(2, TimeUnit.SECONDS)).isEqualTo("closed");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - c0)).isLessThan(1000);
    }

    @Test
    void simulatedMeterWritesDsmrTimestampsWithTheDstFlag() {
        SimulatedMeter winter = new SimulatedMeter(Instant.parse("2025-01-10T12:00:00Z"), Duration.ZERO,
                Duration.ofSeconds(1), 1);
        assertThat(new String(winter.nextTelegram(), StandardCharsets.US_ASCII)).contains("0-0:1.0.0(250110130000W)");
        SimulatedMeter summer = new SimulatedMeter(Instant.parse("2025-06-14T11:15:07Z"), Duration.ZERO,
                Duration.ofSeconds(1), 1);
        String t = new String(summer.nextTelegram(), StandardCharsets.US_ASCII);
        assertThat(t).contains("0-0:1.0.0(250614131507S)").contains("0-1:24.2.1(250614131500S)")
                .contains("0-2:24.1.0(007)").startsWith("/").matches("(?s).*![0-9A-F]{4}\r\n$");
    }

    @Test
    void tcpAddressesAreParsedOrRefusedClearly() {
        TcpSource v4 = TcpSource.parse("192.168.1.20:8088");
        assertThat(v4.host()).isEqualTo("192.168.1.20");
        assertThat(v4.port()).isEqualTo(8088);
        TcpSource v6 = TcpSource.parse("[::1]:2001");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.describe()).isEqualTo("tcp ::1:2001");
        assertThatThrownBy(() -> TcpSource.parse("dongle")).hasMessageContaining("host:port");
        assertThatThrownBy(() -> TcpSource.parse("dongle:p1")).hasMessageContaining("not a number");
        assertThatThrownBy(() -> TcpSource.parse("dongle:70000")).hasMessageContaining("1-65535");
    }

    @Test
    void refusedConnectionSaysWhere() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TcpSource source = new TcpSource("127.0.0.1", port, Duration.ofSeconds(2), Duration.ZERO);
        assertThatThrownBy(source::open).isInstanceOf(IOException.class)
                .hasMessageContaining("cannot connect to 127.0.0.1:" + port);
        source.close();
    }
}
