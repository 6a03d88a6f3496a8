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
package org.openhab.binding.p1meter.benchmarks;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.Crc16;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * p1meter and smartmeter2mqtt side by side, each as a separate process fed over TCP from 127.0.0.1, measured
 * the same way in the same run.
 *
 * <pre>
 * SideBySide replay N java|python p1meter|smartmeter2mqtt [JVM option...]
 *     N numbered telegrams as fast as the daemon's socket takes them, into one JSON TCP consumer: the harness's
 *     own (Java) or benchmarks/json_consumer.py (Python, line by line). Reports what the consumer got (lost,
 *     duplicated, out of order) and the end-to-end rate, from the first byte sent to the last reading received.
 * SideBySide steady SECONDS WARMUP [JVM option...]
 *     Both daemons at once, one telegram a second each, JSON TCP (one client) + web server + MQTT with discovery
 *     (a mosquitto on 127.0.0.1): CPU time to the first reading, then CPU and resident memory over SECONDS
 *     after WARMUP seconds.
 * </pre>
 *
 * The daemon is the add-on jar in {@code target/} ({@link SoakRun#daemonJar()}) run by this Java with the JVM options
 * given;
 * smartmeter2mqtt is {@code node $SM2M_HOME/dist/index.js} (SM2M_HOME defaults to /tmp/smartmeter2mqtt-1.6.0,
 * where {@code tar xzf ../shared/peers/smartmeter2mqtt-1.6.0.tar.gz -C /tmp} puts it). smartmeter2mqtt rejects
 * telegrams whose CRC is below 0x1000, so every telegram here is made to have a CRC of at least 0x1000 (its power
 * reading varied in the last digit); both programs accept all of them.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class SideBySide {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** Makes telegrams numbered in 1-0:1.8.1 (Wh), each with a CRC of at least 0x1000. One per thread. */
    static final class Telegrams {
        private final byte[] buf = BenchmarkTelegrams.TEMPLATE.getBytes(StandardCharsets.US_ASCII);
        private final int t1At = BenchmarkTelegrams.T1_AT;
        private final int powerAt = BenchmarkTelegrams.POWER_DIGIT_AT;
        private final int crcAt = BenchmarkTelegrams.CRC_AT;

        byte[] telegram(int number) {
            int v = number;
            for (int i = 9; i >= 0; i--) {
                if (i == 6) {
                    continue; // the decimal point
                }
                buf[t1At + i] = (byte) ('0' + v % 10);
                v /= 10;
            }
            for (int digit = 0;; digit++) {
                buf[powerAt] = (byte) ('0' + digit % 10);
                int crc = Crc16.compute(buf, 0, crcAt);
                if (crc >= 0x1000 || digit == 9) {
                    for (int i = 3; i >= 0; i--) {
                        buf[crcAt + i] = (byte) "0123456789ABCDEF".charAt(crc & 0xf);
                        crc >>>= 4;
                    }
                    return buf;
                }
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length >= 4 && args[0].equals("replay")) {
            int n = Integer.parseInt(args[1].replace("_", ""));
            System.exit(replay(n, args[2], args[3], List.of(args).subList(4, args.length)));
        } else if (args.length >= 3 && args[0].equals("steady")) {
            steady(Integer.parseInt(args[1]), Integer.parseInt(args[2]), List.of(args).subList(3, args.length));
        } else {
            System.err.println("usage: SideBySide replay N java|python p1meter|smartmeter2mqtt [JVM option...]\n"
                    + "       SideBySide steady SECONDS WARMUP [JVM option...]");
            System.exit(2);
        }
    }

    // ---- replay

    private static int replay(int n, String consumer, String target, List<String> jvmOptions) throws Exception {
        String load = loadAverage();
        ServerSocket source = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Path log = Files.createTempFile("side-by-side-" + target, ".log");
        int[] port = { target.equals("p1meter") ? 0 : freePort() };
        Process daemon = start(target, source.getLocalPort(), port[0], List.of(), jvmOptions, log);
        int jsonPort = jsonPort(target, port[0], log);
        long pid = daemon.pid();
        AtomicLong maxRss = new AtomicLong();
        Thread sampler = thread("rss", () -> {
            while (daemon.isAlive()) {
                maxRss.accumulateAndGet(rssKb(pid), Math::max);
                sleep(500);
            }
        });

        Socket feed = source.accept();
        AtomicReference<@Nullable Result> result = new AtomicReference<>();
        Thread consumerThread;
        if (consumer.equals("python")) {
            Process py = new ProcessBuilder("python3", Path.of("benchmarks", "json_consumer.py").toString(),
                    "127.0.0.1", Integer.toString(jsonPort), Integer.toString(n))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(py.getInputStream(), StandardCharsets.UTF_8));
            if (!"connected".equals(out.readLine())) {
                throw new IOException("the Python consumer did not connect");
            }
            consumerThread = thread("python-consumer", () -> {
                try {
                    String line = out.readLine();
                    JsonObject o = JsonParser.parseString(String.valueOf(line)).getAsJsonObject();
                    result.set(new Result(o.get("received").getAsLong(), o.get("distinct").getAsLong(),
                            o.get("duplicates").getAsLong(), o.get("outOfOrder").getAsLong(),
                            o.get("lastAt").isJsonNull() ? 0 : (long) (o.get("lastAt").getAsDouble() * 1000)));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } else {
            Socket client = connectWithRetry(jsonPort);
            consumerThread = thread("java-consumer", () -> result.set(javaConsumer(client, n)));
        }
        waitForLog(log, target.equals("p1meter") ? "json TCP client" : "Output: Socket, new connection");

        Telegrams telegrams = new Telegrams();
        long startMillis = System.currentTimeMillis();
        long cpuAtStart = cpuTicks(pid);
        Thread writer = thread("source", () -> {
            try {
                OutputStream out = new BufferedOutputStream(feed.getOutputStream(), 64 * 1024);
                for (int i = 1; i <= n; i++) {
                    out.write(telegrams.telegram(i));
                }
                out.flush();
            } catch (IOException e) {
                System.err.println("source: " + e.getMessage());
            }
        });
        consumerThread.join();
        long cpuAtEnd = cpuTicks(pid);
        writer.join(10_000);
        Result r = result.get();
        feed.close();
        source.close();
        daemon.destroy();
        daemon.waitFor(20, TimeUnit.SECONDS);
        sampler.join(2000);
        if (r == null) {
            System.err.println("no result from the consumer; daemon log: " + log);
            return 1;
        }
        double seconds = r.lastAtMillis() == 0 ? 0 : (r.lastAtMillis() - startMillis) / 1000.0;
        System.out.printf(Locale.ROOT,
                "%s, %s consumer, %,d telegrams: received %,d, distinct %,d, lost %,d, duplicated %,d, out of order "
                        + "%,d; %.1f s, %,.0f telegrams/s end to end; daemon CPU %.1f s, largest RSS %.1f MB; "
                        + "load average %s at the start, %s at the end%n",
                target, consumer, n, r.received(), r.distinct(), n - r.distinct(), r.duplicates(), r.outOfOrder(),
                seconds, seconds == 0 ? 0 : r.distinct() / seconds,
                (cpuAtEnd - cpuAtStart) / (double) CLOCK_TICKS_PER_SECOND, maxRss.get() / 1024.0, load, loadAverage());
        boolean complete = r.distinct() == n && r.duplicates() == 0;
        if (complete) {
            Files.deleteIfExists(log);
        } else {
            List<String> lines = Files.readAllLines(log);
            System.out.println("the daemon's log (" + log + "), last lines:");
            lines.subList(Math.max(0, lines.size() - 15), lines.size()).forEach(l -> System.out.println("  " + l));
        }
        return complete ? 0 : 1;
    }

    record Result(long received, long distinct, long duplicates, long outOfOrder, long lastAtMillis) {
    }

    /** Reads readings line by line until all n came or 15 s pass without one. */
    private static Result javaConsumer(Socket client, int n) {
        BitSet seen = new BitSet(n + 1);
        long received = 0;
        long duplicates = 0;
        long outOfOrder = 0;
        long last = 0;
        long lastAt = 0;
        try {
            client.setSoTimeout(15_000);
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8), 64 * 1024);
            String line;
            while (seen.cardinality() < n && (line = in.readLine()) != null) {
                int at = line.indexOf("\"totalT1Use\":") + 13;
                int end = at;
                while (end < line.length() && (Character.isDigit(line.charAt(end)) || line.charAt(end) == '.')) {
                    end++;
                }
                long number = Math.round(Double.parseDouble(line.substring(at, end)) * 1000);
                received++;
                lastAt = System.currentTimeMillis();
                if (seen.get((int) number)) {
                    duplicates++;
                }
                seen.set((int) number);
                if (number < last) {
                    outOfOrder++;
                }
                last = number;
            }
        } catch (IOException e) {
            // silence for 15 s or the daemon went away: count what came
        }
        return new Result(received, seen.cardinality(), duplicates, outOfOrder, lastAt);
    }

    // ---- steady state

    private static void steady(int seconds, int warmUp, List<String> jvmOptions) throws Exception {
        String load = loadAverage();
        int mqttPort = freePort();
        Process broker = new ProcessBuilder("mosquitto", "-p", Integer.toString(mqttPort))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            sleep(300);
            List<Steady> runs = new ArrayList<>();
            for (String target : List.of("p1meter", "smartmeter2mqtt")) {
                runs.add(new Steady(target, mqttPort, jvmOptions));
            }
            for (Steady s : runs) {
                s.awaitFirstReading();
            }
            sleep(warmUp * 1000L);
            for (Steady s : runs) {
                s.markStart();
            }
            for (int t = 0; t < seconds; t += 5) {
                sleep(5000);
                for (Steady s : runs) {
                    s.sampleRss();
                }
            }
            for (Steady s : runs) {
                s.report(seconds, warmUp);
                s.close();
            }
            System.out.println("load average " + load + " at the start, " + loadAverage() + " at the end");
        } finally {
            broker.destroy();
        }
    }

    /** One daemon fed a telegram a second, with a JSON client. */
    private static final class Steady {
        final String target;
        final ServerSocket source = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        final Process daemon;
        final Path log;
        final AtomicLong readings = new AtomicLong();
        volatile long firstReadingTicks = -1;
        long startTicks;
        long startReadings;
        final List<Long> rss = new ArrayList<>();
        volatile boolean stopping;

        Steady(String target, int mqttPort, List<String> jvmOptions) throws IOException {
            this.target = target;
            // p1meter takes free ports itself and says which (another program may take a port found free here
            // before the daemon binds it); smartmeter2mqtt cannot
            boolean ours = target.equals("p1meter");
            int chosen = ours ? 0 : freePort();
            log = Files.createTempFile("side-by-side-steady-" + target, ".log");
            daemon = start(target, source.getLocalPort(), chosen,
                    List.of("--web-server", Integer.toString(ours ? 0 : freePort()), "--mqtt-url",
                            "mqtt://127.0.0.1:" + mqttPort, "--mqtt-topic", target, "--mqtt-discovery"),
                    jvmOptions, log);
            int jsonPort = jsonPort(target, chosen, log);
            Socket client = connectWithRetry(jsonPort);
            thread(target + "-json", () -> {
                try {
                    BufferedReader in = new BufferedReader(
                            new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                    while (in.readLine() != null) {
                        if (readings.incrementAndGet() == 1) {
                            firstReadingTicks = cpuTicks(daemon.pid());
                        }
                    }
                } catch (IOException e) {
                    // closed at the end
                }
            });
            thread(target + "-source", () -> {
                Telegrams telegrams = new Telegrams();
                long next = System.nanoTime();
                int i = 1;
                while (!stopping) {
                    // like a dongle: serves whichever connection the daemon makes, one at a time
                    try (Socket feed = source.accept(); OutputStream out = feed.getOutputStream()) {
                        while (!stopping) {
                            out.write(telegrams.telegram(i++));
                            out.flush();
                            next += 1_000_000_000L;
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                        }
                    } catch (IOException e) {
                        if (!stopping) {
                            System.err.println(target + " source: " + e);
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        void awaitFirstReading() {
            long deadline = System.currentTimeMillis() + 30_000;
            while (firstReadingTicks < 0 && System.currentTimeMillis() < deadline) {
                sleep(50);
            }
        }

        void markStart() {
            startTicks = cpuTicks(daemon.pid());
            startReadings = readings.get();
        }

        void sampleRss() {
            rss.add(rssKb(daemon.pid()));
        }

        void report(int seconds, int warmUp) {
            long ticks = cpuTicks(daemon.pid()) - startTicks;
            long got = readings.get() - startReadings;
            double cpu = ticks / (double) CLOCK_TICKS_PER_SECOND;
            System.out.printf(Locale.ROOT,
                    "%s: CPU to the first reading %.2f s; over %d s after %d s warm-up: %.2f s CPU (%.2f%% of a core, "
                            + "%.1f ms per telegram), %d readings at the JSON client; RSS %.1f-%.1f MB (last %.1f MB), "
                            + "%d threads%n",
                    target, firstReadingTicks / (double) CLOCK_TICKS_PER_SECOND, seconds, warmUp, cpu,
                    100.0 * cpu / seconds, got == 0 ? 0 : 1000.0 * cpu / got, got,
                    rss.stream().mapToLong(Long::longValue).min().orElse(0) / 1024.0,
                    rss.stream().mapToLong(Long::longValue).max().orElse(0) / 1024.0,
                    rss.isEmpty() ? 0 : rss.get(rss.size() - 1) / 1024.0, threads(daemon.pid()));
        }

        void close() throws Exception {
            stopping = true;
            daemon.destroy();
            daemon.waitFor(20, TimeUnit.SECONDS);
            source.close();
            Files.deleteIfExists(log);
        }
    }

    // ---- helpers

    private static Process start(String target, int sourcePort, int jsonPort, List<String> extra,
            List<String> jvmOptions, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        if (target.equals("p1meter")) {
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", SoakRun.daemonJar().toString(), "--bind", "127.0.0.1"));
        } else if (target.equals("smartmeter2mqtt")) {
            String home = System.getenv().getOrDefault("SM2M_HOME", "/tmp/smartmeter2mqtt-1.6.0");
            command.addAll(List.of("node", Path.of(home, "dist", "index.js").toString()));
        } else {
            throw new IllegalArgumentException("target: p1meter or smartmeter2mqtt, not " + target);
        }
        command.addAll(List.of("--socket", "127.0.0.1:" + sourcePort, "--tcp-server", Integer.toString(jsonPort)));
        command.addAll(extra);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The JSON TCP port: the one chosen, or for p1meter (port 0) the one its log names. */
    private static int jsonPort(String target, int chosen, Path log) throws IOException {
        if (!target.equals("p1meter")) {
            return chosen;
        }
        java.util.regex.Pattern p = java.util.regex.Pattern
                .compile("Started JSON TCP server on 127\\.0\\.0\\.1:(\\d+)");
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            java.util.regex.Matcher m = p.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            sleep(20);
        }
        throw new IOException("the daemon did not start its JSON TCP server:\n" + Files.readString(log));
    }

    private static void waitForLog(Path log, String text) throws IOException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.readString(log).contains(text)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IOException("no '" + text + "' in the daemon's log:\n" + Files.readString(log));
            }
            sleep(20);
        }
    }

    private static Socket connectWithRetry(int port) throws IOException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                return new Socket(InetAddress.getLoopbackAddress(), port);
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                sleep(50);
            }
        }
    }

    /** utime + stime of a process, in clock ticks (1/100 s), from /proc/PID/stat. */
    static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long rssKb(long pid) {
        return statusField(pid, "VmRSS:");
    }

    static long threads(long pid) {
        return statusField(pid, "Threads:");
    }

    private static long statusField(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process ended
        }
        return 0;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
