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

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.reader.NumberedTelegrams;

import com.google.gson.JsonParser;

/**
 * A short soak of the packaged daemon (the full one is {@code SoakRun} in the benchmarks): 20,000 numbered
 * telegrams as fast as the socket takes them (the daemon reads its TCP source at the pace of its slowest client),
 * JSON and raw TCP outputs on. Every telegram reaches the JSON client exactly once and the raw client too, and the
 * daemon's threads and open file descriptors (from /proc) are the same at the end as after the first thousand.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@EnabledOnOs(OS.LINUX)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DaemonSoakIT {

    private static final int TELEGRAMS = 20_000;

    private final List<AutoCloseable> closeables = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
    }

    @Test
    void twentyThousandTelegramsAllArriveAndNothingGrows() throws Exception {
        ServerSocket source = new ServerSocket();
        closeables.add(source);
        source.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        source.setSoTimeout(20_000);
        DaemonIT.Daemon d = new DaemonIT.Daemon(
                new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx64m", "-jar",
                        DaemonIT.JAR.toString(), "--socket", "127.0.0.1:" + source.getLocalPort(), "--tcp-server", "0",
                        "--raw-tcp-server", "0", "--bind", "127.0.0.1").start());
        closeables.add(() -> {
            d.process.destroyForcibly();
            d.process.waitFor(10, TimeUnit.SECONDS);
        });
        long pid = d.process.pid();
        int jsonPort = Integer.parseInt(d.await(DaemonIT.JSON_PORT));
        int rawPort = Integer.parseInt(d.await(DaemonIT.RAW_PORT));
        Socket json = new Socket(InetAddress.getLoopbackAddress(), jsonPort);
        closeables.add(json);
        json.setSoTimeout(15_000);
        d.await(Pattern.compile("json TCP client .* connected"));
        Socket raw = new Socket(InetAddress.getLoopbackAddress(), rawPort);
        closeables.add(raw);
        d.await(Pattern.compile("raw TCP client .* connected"));
        AtomicInteger rawTelegrams = new AtomicInteger();
        Thread rawReader = new Thread(() -> {
            byte[] b = new byte[64 * 1024];
            try {
                int n;
                while ((n = raw.getInputStream().read(b)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (b[i] == '!') {
                            rawTelegrams.incrementAndGet();
                        }
                    }
                }
            } catch (IOException e) {
                // closed
            }
        }, "raw-client");
        rawReader.setDaemon(true);
        rawReader.start();

        AtomicInteger received = new AtomicInteger();
        Socket feed = source.accept();
        closeables.add(feed);
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = new BufferedOutputStream(feed.getOutputStream(), 64 * 1024);
                // as fast as the socket takes them: the daemon reads its TCP source at the pace of its slowest client
                for (int i = 1; i <= TELEGRAMS; i++) {
                    out.write(NumberedTelegrams.telegram(i));
                }
                out.flush();
            } catch (IOException e) {
                // the test fails on the count
            }
        }, "source");
        writer.setDaemon(true);
        writer.start();

        BufferedReader lines = new BufferedReader(new InputStreamReader(json.getInputStream(), StandardCharsets.UTF_8));
        BitSet seen = new BitSet();
        int duplicates = 0;
        long[] afterWarmUp = new long[0];
        for (int i = 0; i < TELEGRAMS; i++) {
            String line = lines.readLine();
            assertThat(line).as("reading %d of %d", i + 1, TELEGRAMS).isNotNull();
            int number = new BigDecimal(JsonParser.parseString(line).getAsJsonObject().get("totalT1Use").getAsString())
                    .movePointRight(3).intValueExact();
            if (seen.get(number)) {
                duplicates++;
            }
            seen.set(number);
            received.incrementAndGet();
            if (i == 1000) {
                afterWarmUp = threadsAndFds(pid);
            }
        }
        long[] atEnd = threadsAndFds(pid);
        assertThat(seen.cardinality()).isEqualTo(TELEGRAMS);
        assertThat(seen.nextSetBit(0)).isEqualTo(1);
        assertThat(duplicates).isZero();
        assertThat(afterWarmUp).hasSize(2);
        // the JVM opens a jar or a log file for a moment and starts and ends compiler threads as it likes (one
        // loaded CI run saw 11 descriptors after warm-up and 10 at the end); a leak would be one per telegram
        assertThat(atEnd[1]).as("open file descriptors").isLessThanOrEqualTo(afterWarmUp[1] + 1);
        assertThat(atEnd[0]).as("threads").isLessThanOrEqualTo(afterWarmUp[0] + 3);
        // the raw client, which reads, gets every telegram too: nobody is dropped for being behind
        Await.until(Duration.ofSeconds(10), () -> rawTelegrams.get() >= TELEGRAMS,
                () -> TELEGRAMS + " raw telegrams, got " + rawTelegrams.get());
        assertThat(rawTelegrams.get()).isEqualTo(TELEGRAMS);
        assertThat(d.err()).doesNotContain("dropped");

        d.process.toHandle().destroy();
        assertThat(d.exit()).isZero();
        assertThat(d.err()).contains("Stopped after " + TELEGRAMS + " telegrams, 0 rejected, ")
                .doesNotContain("Exception");
    }

    private static long[] threadsAndFds(long pid) throws IOException {
        long threads = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(l -> l.startsWith("Threads:")).mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
                .findFirst().orElse(-1);
        long fds;
        try (Stream<Path> list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            fds = list.count();
        }
        return new long[] { threads, fds };
    }
}
