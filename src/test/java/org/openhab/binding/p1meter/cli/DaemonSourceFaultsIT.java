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
package org.openhab.binding.p1meter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.reader.Loopback;
import org.openhab.binding.p1meter.internal.reader.NumberedTelegrams;

import com.google.gson.JsonParser;

/**
 * The packaged daemon as a process against a TCP dongle on 127.0.0.1 that goes through every fault in turn: a
 * flood of garbage, a hang-up after every telegram, half a telegram and then silence, connections refused for a
 * while. The daemon must get through all of it by itself, log what happened, and hand every valid telegram sent
 * after each recovery to its JSON TCP client: each telegram carries its number in {@code 1-0:1.8.1}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonSourceFaultsIT {

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void recoversFromEveryFaultOfTheDongleAndLosesNoTelegramSentAfterRecovery() throws Exception {
        // The dongle listens only once the JSON client is connected (until then the daemon's connections are
        // refused and retried), and a thread of its own serves each connection the moment it is accepted, as a real
        // dongle does. So the daemon's connections and the dongle's script stay in step whatever the scheduling:
        // no connection waits in the listen backlog while the daemon's 1 s receive timeout runs out on it.
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        DaemonIT.Daemon d = new DaemonIT.Daemon(new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"), "-jar", DaemonIT.JAR.toString(), "--socket",
                "127.0.0.1:" + port, "--tcp-server", "0", "--bind", "127.0.0.1", "--receive-timeout", "1").start());
        closeables.add(() -> {
            d.process.destroyForcibly();
            d.process.waitFor(10, TimeUnit.SECONDS);
        });
        int jsonPort = Integer.parseInt(d.await(DaemonIT.JSON_PORT));
        Socket json = new Socket(InetAddress.getLoopbackAddress(), jsonPort);
        closeables.add(json);
        json.setSoTimeout(15_000);
        BufferedReader lines = new BufferedReader(new InputStreamReader(json.getInputStream(), StandardCharsets.UTF_8));
        d.await(Pattern.compile("json TCP client .* connected"));

        byte[] garbage = new byte[256 * 1024];
        new Random(3).nextBytes(garbage);
        byte[] fifth = NumberedTelegrams.telegram(5);
        ServerSocket dongle = listen(port);
        BlockingQueue<Throwable> dongleFailures = new LinkedBlockingQueue<>();
        Thread script = new Thread(() -> {
            try {
                // 1: 256 KB of garbage, then two telegrams, then hang up
                try (Socket c = dongle.accept(); OutputStream out = c.getOutputStream()) {
                    out.write(garbage);
                    out.write(NumberedTelegrams.telegram(1));
                    out.write(NumberedTelegrams.telegram(2));
                }
                // 2: one telegram, hang up
                try (Socket c = dongle.accept(); OutputStream out = c.getOutputStream()) {
                    out.write(NumberedTelegrams.telegram(3));
                }
                // 3: a telegram and half of the next, then silence with the connection open; the dongle stops
                // listening at once, so the daemon's next attempt is refused whenever it comes
                try (Socket c = dongle.accept(); OutputStream out = c.getOutputStream()) {
                    out.write(NumberedTelegrams.telegram(4));
                    out.write(Arrays.copyOf(fifth, fifth.length / 2));
                    out.flush();
                    dongle.close();
                    c.getInputStream().read(); // until the daemon gives up on the silent connection
                }
            } catch (IOException | RuntimeException e) {
                dongleFailures.add(e);
            }
        }, "test-dongle");
        script.setDaemon(true);
        script.start();
        d.await(Pattern.compile("no valid telegram for 1 s"));
        // 4: the dongle is gone for a while: connections are refused
        d.await(Pattern.compile("Cannot open tcp 127\\.0\\.0\\.1:" + port + ": cannot connect to 127\\.0\\.0\\.1:"
                + port + ": Connection refused; retrying with backoff"));
        script.join(15_000);
        assertThat(script.isAlive()).as("the dongle's script is still running").isFalse();
        assertThat(dongleFailures).isEmpty();
        // 5: back on the same port with five telegrams
        ServerSocket back = listen(port);
        try (Socket c = accept(back); OutputStream out = c.getOutputStream()) {
            for (int i = 6; i <= 10; i++) {
                out.write(NumberedTelegrams.telegram(i));
            }
            out.flush();

            List<Integer> numbers = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                numbers.add(number(lines.readLine()));
            }
            json.setSoTimeout(500);
            try {
                numbers.add(number(lines.readLine()));
            } catch (SocketTimeoutException e) {
                // no more: no duplicates
            }
            assertThat(numbers).containsExactly(1, 2, 3, 4, 6, 7, 8, 9, 10);
        }
        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
        assertThat(d.err()).contains("Lost tcp 127.0.0.1:" + port + ": end of stream; reconnecting")
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    private ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        // the restarted dongle binds its predecessor's port, which can stay taken for a moment after it closed
        Loopback.bind(s, port);
        s.setSoTimeout(15_000);
        closeables.add(s);
        return s;
    }

    private static Socket accept(ServerSocket s) throws IOException {
        return s.accept();
    }

    private static int number(@Nullable String line) {
        assertThat(line).as("a JSON reading").isNotNull();
        return new BigDecimal(JsonParser.parseString(line).getAsJsonObject().get("totalT1Use").getAsString())
                .movePointRight(3).intValueExact();
    }
}
