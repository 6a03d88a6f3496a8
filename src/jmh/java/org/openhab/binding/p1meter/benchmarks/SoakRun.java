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
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.openhab.binding.p1meter.internal.dsmr.Crc16;

import com.sun.net.httpserver.HttpServer;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/**
 * Soak and load run of the packaged daemon (the add-on jar in {@code target/}, run with {@code java -jar}) as a
 * separate process:
 * a TCP P1 source on 127.0.0.1 replays numbered telegrams as fast as the daemon takes them, with every output on
 * and a client on each (JSON TCP counting readings by number, raw TCP counting telegrams, a webhook receiver,
 * an embedded Moquette broker with a subscriber, a web socket client), or with the JSON TCP output only.
 *
 * <p>
 * Reports start-up time (process start to the first JSON line at the client), resident memory, threads and open
 * file descriptors of the daemon (from {@code /proc/<pid>}) at rest and every few seconds under load, the
 * throughput at the JSON client, telegrams lost or duplicated between the source and the JSON client, and the
 * heap after each GC from the daemon's GC log at the start and at the end of the run.
 *
 * <pre>
 * benchmarks/run org.openhab.binding.p1meter.benchmarks.SoakRun [telegrams] [all|json] [Xmx] [JVM option...]
 * </pre>
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class SoakRun {

    private static final Pattern PORT_OF = Pattern.compile(
            "Started (JSON TCP server|raw TCP server|Web dashboard)" + " on (?:http://)?127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern GC_PAUSE = Pattern
            .compile("Pause (Young|Full|Remark|Cleanup)[^\\n]*?(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final byte[] T1 = "\"totalT1Use\":".getBytes(StandardCharsets.US_ASCII);

    /** A three-phase DSMR 5 telegram with gas; {@code 1-0:1.8.1} carries the telegram's number. */

    private final int telegrams;
    private final boolean allOutputs;
    private final String xmx;
    private final List<String> jvmOptions;
    private final Path gcLog;

    private final AtomicLong jsonLines = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final BitSet seen = new BitSet();
    private final AtomicLong rawTelegrams = new AtomicLong();
    private final AtomicLong rawDrops = new AtomicLong();
    private volatile boolean stopping;
    private final AtomicLong webhookPosts = new AtomicLong();
    private final AtomicLong mqttMessages = new AtomicLong();
    private final AtomicLong wsMessages = new AtomicLong();
    private volatile long firstJsonNanos;
    private volatile long lastJsonNanos;
    private volatile long loadStartNanos;
    private final CountDownLatch firstJson = new CountDownLatch(1);
    private final CountDownLatch jsonClientConnected = new CountDownLatch(1);
    private final List<String> daemonLog = new ArrayList<>();

    private SoakRun(int telegrams, boolean allOutputs, String xmx, List<String> jvmOptions, Path gcLog) {
        this.jvmOptions = jvmOptions;
        this.telegrams = telegrams;
        this.allOutputs = allOutputs;
        this.xmx = xmx;
        this.gcLog = gcLog;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        boolean all = args.length <= 1 || "all".equals(args[1]);
        String xmx = args.length > 2 ? args[2] : "64m";
        List<String> jvmOptions = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        if (n < 2 || n > 999_999_999) {
            throw new IllegalArgumentException("telegrams: 2 to 999999999");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path gc = Files.createTempFile("p1meter-soak-gc", ".log");
        System.exit(new SoakRun(n, all, xmx, jvmOptions, gc).run());
    }

    /** Makes {@code buf} (a copy of the template) telegram {@code number}: its 1-0:1.8.1 and its CRC. */
    static void number(byte[] buf, int t1At, int crcAt, int number) {
        int v = number;
        for (int i = 9; i >= 0; i--) {
            if (i == 6) {
                continue; // the decimal point
            }
            buf[t1At + i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        int crc = Crc16.compute(buf, 0, crcAt);
        for (int i = 3; i >= 0; i--) {
            buf[crcAt + i] = (byte) "0123456789ABCDEF".charAt(crc & 0xf);
            crc >>>= 4;
        }
    }

    private int run() throws Exception {
        byte[] template = BenchmarkTelegrams.TEMPLATE.getBytes(StandardCharsets.US_ASCII);
        template[BenchmarkTelegrams.POWER_DIGIT_AT] = '4'; // 0.424 kW: only the T1 reading counts here
        int t1At = BenchmarkTelegrams.T1_AT;
        int crcAt = BenchmarkTelegrams.CRC_AT;

        ServerSocket source = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        @Nullable
        Server moquette = null;
        @Nullable
        HttpServer webhook = null;
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx" + xmx, "-Xlog:gc:file=" + gcLog));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", daemonJar().toString(), "--socket", "127.0.0.1:" + source.getLocalPort(),
                "--bind", "127.0.0.1", "--tcp-server", "0"));
        if (allOutputs) {
            int mqttPort = freePort();
            Properties p = new Properties();
            p.setProperty("host", "127.0.0.1");
            p.setProperty("port", Integer.toString(mqttPort));
            p.setProperty("websocket_port", "disabled");
            p.setProperty("allow_anonymous", "true");
            p.setProperty("persistence_enabled", "false");
            p.setProperty("telemetry_enabled", "false");
            moquette = new Server();
            moquette.startServer(new MemoryConfig(p));
            MqttClient sub = new MqttClient("tcp://127.0.0.1:" + mqttPort, "soak-sub", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            sub.connect(o);
            sub.subscribe("smartmeter/#", 0, (topic, message) -> mqttMessages.incrementAndGet());

            webhook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            webhook.createContext("/hook", exchange -> {
                exchange.getRequestBody().readAllBytes();
                webhookPosts.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            webhook.start();
            command.addAll(List.of("--raw-tcp-server", "0", "--web-server", "0", "--post-url",
                    "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook", "--post-json", "--post-interval",
                    "1", "--mqtt-url", "mqtt://127.0.0.1:" + mqttPort, "--mqtt-discovery", "--mqtt-distinct"));
        }

        System.out.printf(Locale.ROOT, "%,d telegrams of %d bytes, %s, -Xmx%s %s, GC log %s%n", telegrams,
                template.length, allOutputs ? "all outputs" : "JSON TCP only", xmx, String.join(" ", jvmOptions),
                gcLog);
        long t0 = System.nanoTime();
        Process daemon = new ProcessBuilder(command).start();
        long pid = daemon.pid();
        daemon.getInputStream().close();
        int[] ports = new int[3]; // json, raw, web
        CountDownLatch portsKnown = new CountDownLatch(allOutputs ? 3 : 1);
        Thread logReader = new Thread(() -> readLog(daemon.getErrorStream(), ports, portsKnown), "daemon-log");
        logReader.setDaemon(true);
        logReader.start();
        if (!portsKnown.await(30, TimeUnit.SECONDS)) {
            daemon.destroyForcibly();
            throw new IllegalStateException("the daemon did not start its servers: " + daemonLog);
        }
        long listening = System.nanoTime();

        Thread json = thread("json-client", () -> readJson(ports[0]));
        if (allOutputs) {
            thread("raw-client", () -> readRaw(ports[1]));
            HttpClient.newHttpClient().newWebSocketBuilder()
                    .buildAsync(URI.create("ws://127.0.0.1:" + ports[2] + "/"), new WebSocket.Listener() {
                        @Override
                        public @Nullable CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                            if (last) {
                                wsMessages.incrementAndGet();
                            }
                            ws.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
        }
        jsonClientConnected.await(10, TimeUnit.SECONDS);

        Socket feed = source.accept();
        OutputStream out = new BufferedOutputStream(feed.getOutputStream(), 64 * 1024);
        byte[] buf = template.clone();
        number(buf, t1At, crcAt, 1);
        out.write(buf);
        out.flush();
        if (!firstJson.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no JSON reading: " + daemonLog);
        }
        System.out.printf(Locale.ROOT, "start-up: servers listening after %d ms, first JSON line after %d ms%n",
                ms(listening - t0), ms(firstJsonNanos - t0));
        Thread.sleep(5000);
        Sample rest = Sample.of(pid, "at rest (connected, one telegram, 5 s idle)");
        System.out.println(rest);

        List<Sample> samples = new ArrayList<>();
        loadStartNanos = System.nanoTime();
        Thread sampler = thread("sampler", () -> {
            while (true) {
                try {
                    Thread.sleep(5000);
                } catch (InterruptedException e) {
                    return;
                }
                Sample s = Sample.of(pid,
                        String.format(Locale.ROOT, "%5.1f s", (System.nanoTime() - loadStartNanos) / 1e9));
                synchronized (samples) {
                    samples.add(s);
                }
                System.out.println(s + String.format(Locale.ROOT, "  json %,d", jsonLines.get()));
            }
        });
        for (int i = 2; i <= telegrams; i++) {
            // as fast as the socket takes them: the daemon reads a TCP source at the pace of its slowest client
            number(buf, t1At, crcAt, i);
            out.write(buf);
        }
        out.flush();
        long sentNanos = System.nanoTime();
        // wait until the JSON client has them all, or nothing more comes for 10 s
        long last = -1;
        long stillSince = System.nanoTime();
        while (jsonLines.get() < telegrams && System.nanoTime() - stillSince < TimeUnit.SECONDS.toNanos(10)) {
            Thread.sleep(100);
            long now = jsonLines.get();
            if (now != last) {
                last = now;
                stillSince = System.nanoTime();
            }
        }
        Thread.sleep(2000); // the webhook and MQTT catch up; late duplicates would show
        Sample end = Sample.of(pid, "end of the run");
        sampler.interrupt();
        stopping = true;
        // SIGTERM: a clean stop (Process.destroy() would also close our end of its stderr and lose the stop line)
        daemon.toHandle().destroy();
        boolean exited = daemon.waitFor(20, TimeUnit.SECONDS);
        logReader.join(2000); // the stop line is the daemon's last
        feed.close();
        source.close();
        json.join(2000);

        long received = jsonLines.get();
        int lost;
        synchronized (seen) {
            lost = telegrams - seen.cardinality();
        }
        double seconds = (lastJsonNanos - loadStartNanos) / 1e9;
        System.out.printf(Locale.ROOT,
                "%nsent %,d in %.1f s; JSON client got %,d readings (%,d lost, %,d duplicates, "
                        + "%,d out of order) in %.1f s: %,.0f telegrams/s%n",
                telegrams, (sentNanos - loadStartNanos) / 1e9, received, lost, duplicates.get(), outOfOrder.get(),
                seconds, (received - 1) / seconds);
        if (allOutputs) {
            System.out.printf(Locale.ROOT, "raw TCP client %,d telegrams (dropped %,d times, reconnected), "
                    + "web socket %,d messages, MQTT subscriber %,d messages (QoS 0: the broker drops messages for "
                    + "a subscriber that is behind), webhook %,d posts%n", rawTelegrams.get(), rawDrops.get(),
                    wsMessages.get(), mqttMessages.get(), webhookPosts.get());
        }
        System.out.println(rest);
        synchronized (samples) {
            Sample max = samples.stream().max((a, b) -> Long.compare(a.rssKb, b.rssKb)).orElse(end);
            System.out.println("largest RSS under load at " + max);
            if (!samples.isEmpty()) {
                System.out.println("first sample under load at " + samples.get(0));
            }
        }
        System.out.println(end);
        System.out.println("daemon exit on SIGTERM: " + (exited ? String.valueOf(daemon.exitValue()) : "did not exit"));
        synchronized (daemonLog) {
            // the stop line says what the daemon skipped (listeners past their limit, readings MQTT did not get)
            daemonLog.stream().filter(l -> l.contains("WARN") || l.contains("ERROR") || l.contains("Exception")
                    || l.contains("Stopped after")).limit(20).forEach(l -> System.out.println("daemon: " + l));
        }
        gcSummary();
        if (moquette != null) {
            moquette.stopServer();
        }
        if (webhook != null) {
            webhook.stop(0);
        }
        return lost == 0 && duplicates.get() == 0 && exited ? 0 : 1;
    }

    private void readLog(InputStream err, int[] ports, CountDownLatch portsKnown) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (daemonLog) {
                    if (daemonLog.size() < 10_000) {
                        daemonLog.add(line);
                    }
                }
                Matcher m = PORT_OF.matcher(line);
                if (m.find()) {
                    int i = m.group(1).startsWith("JSON") ? 0 : m.group(1).startsWith("raw") ? 1 : 2;
                    ports[i] = Integer.parseInt(m.group(2));
                    portsKnown.countDown();
                }
                if (line.contains("json TCP client") && line.contains("connected")) {
                    jsonClientConnected.countDown();
                }
            }
        } catch (IOException e) {
            // the daemon ended
        }
    }

    /** Reads readings and marks their numbers; parses only the number, so the client is never the bottleneck. */
    private void readJson(int port) {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            InputStream in = s.getInputStream();
            byte[] b = new byte[256 * 1024];
            int match = 0;
            boolean inValue = false;
            boolean afterPoint = false;
            long whole = 0;
            long fraction = 0;
            int fractionDigits = 0;
            long previous = 0;
            int n;
            while ((n = in.read(b)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte c = b[i];
                    if (inValue) {
                        if (c >= '0' && c <= '9') {
                            if (afterPoint) {
                                fraction = fraction * 10 + (c - '0');
                                fractionDigits++;
                            } else {
                                whole = whole * 10 + (c - '0');
                            }
                            continue;
                        } else if (c == '.') {
                            afterPoint = true;
                            continue;
                        }
                        inValue = false;
                        // "totalT1Use": kWh with up to three decimals, trailing zeros left out: the number is
                        // the value in Wh
                        long number = whole * 1000 + fraction * (fractionDigits == 0 ? 1000
                                : fractionDigits == 1 ? 100 : fractionDigits == 2 ? 10 : 1);
                        previous = record(number, previous);
                    } else if (c == T1[match]) {
                        match++;
                        if (match == T1.length) {
                            match = 0;
                            inValue = true;
                            afterPoint = false;
                            whole = 0;
                            fraction = 0;
                            fractionDigits = 0;
                        }
                    } else {
                        match = c == T1[0] ? 1 : 0;
                    }
                }
            }
        } catch (IOException e) {
            // the daemon ended
        }
    }

    private long record(long number, long previous) {
        long now = System.nanoTime();
        if (firstJsonNanos == 0) {
            firstJsonNanos = now;
        }
        lastJsonNanos = now;
        synchronized (seen) {
            if (number <= 0 || number > telegrams) {
                duplicates.incrementAndGet(); // not a number we sent: counted with the duplicates
            } else if (seen.get((int) number)) {
                duplicates.incrementAndGet();
            } else {
                seen.set((int) number);
            }
        }
        if (number < previous) {
            outOfOrder.incrementAndGet();
        }
        jsonLines.incrementAndGet();
        firstJson.countDown();
        return number;
    }

    /**
     * Counts raw telegrams. A client that reads is never dropped; should this one be (a bug), it reconnects and the
     * drops are counted.
     */
    private void readRaw(int port) {
        while (!stopping) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                InputStream in = s.getInputStream();
                byte[] b = new byte[256 * 1024];
                int n;
                while ((n = in.read(b)) > 0) {
                    for (int i = 0; i < n; i++) {
                        if (b[i] == '!') {
                            rawTelegrams.incrementAndGet();
                        }
                    }
                }
            } catch (IOException e) {
                // dropped, or the daemon ended
            }
            if (!stopping) {
                rawDrops.incrementAndGet();
            }
        }
    }

    private void gcSummary() throws IOException {
        List<long[]> pauses = new ArrayList<>(); // kind (0 young, 1 full), after KB, heap KB
        for (String line : Files.readAllLines(gcLog)) {
            Matcher m = GC_PAUSE.matcher(line);
            if (m.find()) {
                pauses.add(new long[] { "Full".equals(m.group(1)) ? 1 : 0, kb(m.group(4), m.group(5)),
                        kb(m.group(6), m.group(7)) });
            }
        }
        long full = pauses.stream().filter(p -> p[0] == 1).count();
        System.out.printf(Locale.ROOT, "GC: %d pauses (%d full)%n", pauses.size(), full);
        if (pauses.size() >= 20) {
            int k = Math.min(10, pauses.size() / 4);
            // skip the first quarter as warm-up (class loading, JIT, first connections)
            int from = pauses.size() / 4;
            System.out.printf(Locale.ROOT, "heap after GC, after warm-up (pauses %d-%d): %s%n", from + 1, from + k,
                    range(pauses.subList(from, from + k)));
            System.out.printf(Locale.ROOT, "heap after GC, at the end (last %d pauses): %s%n", k,
                    range(pauses.subList(pauses.size() - k, pauses.size())));
        }
    }

    private static String range(List<long[]> pauses) {
        long min = Long.MAX_VALUE;
        long max = 0;
        long heap = 0;
        for (long[] p : pauses) {
            min = Math.min(min, p[1]);
            max = Math.max(max, p[1]);
            heap = Math.max(heap, p[2]);
        }
        return String.format(Locale.ROOT, "%.1f-%.1f MB (heap %.0f MB)", min / 1024.0, max / 1024.0, heap / 1024.0);
    }

    private static long kb(String value, String unit) {
        long v = Long.parseLong(value);
        return switch (unit) {
            case "G" -> v * 1024 * 1024;
            case "M" -> v * 1024;
            default -> v;
        };
    }

    private static Thread thread(String name, Runnable r) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Resident memory, threads and open file descriptors of a process, from /proc. */
    record Sample(String when, long rssKb, int threads, int fds) {
        static Sample of(long pid, String when) {
            long rss = -1;
            int threads = -1;
            int fds = -1;
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", ""));
                    } else if (line.startsWith("Threads:")) {
                        threads = Integer.parseInt(line.replaceAll("\\D", ""));
                    }
                }
                try (var list = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
                    fds = (int) list.count();
                }
            } catch (IOException e) {
                // the process ended
            }
            return new Sample(when, rss, threads, fds);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: RSS %.1f MB, %d threads, %d fds", when, rssKb / 1024.0, threads,
                    fds);
        }
    }

    /** The add-on jar the build made, which is also the daemon (its libraries in target/lib/). */
    static Path daemonJar() throws IOException {
        try (var jars = Files.list(Path.of("target"))) {
            return jars
                    .filter(p -> p.getFileName().toString()
                            .matches("org\\.openhab\\.binding\\.p1meter-[^-]+(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new IOException("no add-on jar in target/: mvn package first"))
                    .toAbsolutePath();
        }
    }
}
