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
package org.openhab.binding.p1meter.internal.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openhab.binding.p1meter.internal.P1MeterBindingConstants.*;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.P1BridgeRegistryImpl;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.reader.NumberedTelegrams;
import org.openhab.core.config.core.Configuration;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.thing.Bridge;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.thing.binding.ThingHandlerCallback;
import org.openhab.core.thing.binding.builder.BridgeBuilder;
import org.openhab.core.types.State;

/**
 * A replay into the TCP bridge handler at full speed: a dongle on 127.0.0.1 sends numbered telegrams as fast as its
 * socket takes them, and every one of them must reach the framework as a state of the tariff 1 import channel, in
 * order. The handler's listener is slower than the reader, so this shows that a source that can wait is read at the
 * handler's pace instead of skipping readings. 20,000 telegrams by default; the benchmark runs 1,000,000
 * ({@code -Dp1meter.bridgeReplay=1000000}, see benchmarks/README.md) and prints the rate.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 600, unit = TimeUnit.SECONDS)
class BridgeReplayTest {

    private static final int TELEGRAMS = Integer.getInteger("p1meter.bridgeReplay", 20_000);

    /**
     * The callback openHAB hands the handler, reduced to what this needs and without Mockito (which records every
     * call: millions here): the import T1 states are checked as they come, every state update is counted.
     */
    private static final class CountingCallback {
        final BitSet seen = new BitSet();
        final AtomicLong stateUpdates = new AtomicLong();
        final AtomicLong outOfOrder = new AtomicLong();
        final AtomicLong readings = new AtomicLong();
        private long last;

        final ThingHandlerCallback proxy = (ThingHandlerCallback) Proxy.newProxyInstance(
                ThingHandlerCallback.class.getClassLoader(), new Class<?>[] { ThingHandlerCallback.class },
                (p, method, args) -> switch (method.getName()) {
                    case "stateUpdated" -> {
                        stateUpdated((ChannelUID) args[0], (State) args[1]);
                        yield null;
                    }
                    case "statusUpdated" -> {
                        ((Thing) args[0]).setStatusInfo((ThingStatusInfo) args[1]);
                        yield null;
                    }
                    case "createChannelBuilder" -> throw new IllegalArgumentException("no channel types here");
                    case "isChannelLinked" -> true;
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0]; // NOPMD: a proxy is equal to itself only (equals() would call this
                                                   // again)
                    case "toString" -> "counting callback";
                    default -> method.getReturnType() == boolean.class ? false : null;
                });

        synchronized void stateUpdated(ChannelUID channel, State state) {
            stateUpdates.incrementAndGet();
            if (channel.getId().equals(ElectricityChannel.of(Quantity.ENERGY_IMPORT_T1).id())
                    && state instanceof QuantityType<?> q) {
                long number = q.toBigDecimal().movePointRight(3).longValueExact();
                if (number < last) {
                    outOfOrder.incrementAndGet();
                }
                last = number;
                seen.set((int) number);
                readings.incrementAndGet();
            }
        }

        synchronized int distinct() {
            return seen.cardinality();
        }
    }

    @Test
    void everyTelegramOfAFullSpeedReplayReachesTheChannelsInOrder() throws Exception {
        try (ServerSocket dongle = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread replay = new Thread(() -> {
                try (Socket s = dongle.accept();
                        OutputStream out = new BufferedOutputStream(s.getOutputStream(), 65536)) {
                    for (int i = 1; i <= TELEGRAMS; i++) {
                        out.write(NumberedTelegrams.telegram(i));
                    }
                    out.flush();
                    s.getInputStream().read(); // open until the handler is disposed
                } catch (IOException e) {
                    // the test ends
                }
            }, "test-dongle");
            replay.setDaemon(true);

            CountingCallback callback = new CountingCallback();
            Bridge bridge = BridgeBuilder.create(THING_TYPE_TCP, "replay").withLabel("P1 meter")
                    .withConfiguration(new Configuration(Map.of(CONFIG_HOST, "127.0.0.1", CONFIG_PORT,
                            dongle.getLocalPort(), CONFIG_REFRESH_INTERVAL, 0)))
                    .build();
            TcpBridgeHandler handler = new TcpBridgeHandler(bridge, new P1BridgeRegistryImpl());
            handler.setCallback(callback.proxy);
            String load = loadAverage();
            long start = System.nanoTime();
            replay.start();
            handler.initialize();
            try {
                await().atMost(590, TimeUnit.SECONDS).pollInterval(java.time.Duration.ofMillis(20))
                        .until(() -> callback.distinct() >= TELEGRAMS);
                double seconds = (System.nanoTime() - start) / 1e9;
                System.out.printf(Locale.ROOT,
                        "Bridge handler replay: %,d telegrams, %,d readings of import T1 (%,d distinct, %,d out of "
                                + "order), %,d state updates in %.1f s: %,.0f telegrams/s; load average %s -> %s%n",
                        TELEGRAMS, callback.readings.get(), callback.distinct(), callback.outOfOrder.get(),
                        callback.stateUpdates.get(), seconds, TELEGRAMS / seconds, load, loadAverage());
            } finally {
                handler.dispose();
            }
            assertThat(callback.distinct()).isEqualTo(TELEGRAMS);
            assertThat(callback.readings.get()).as("no reading twice").isEqualTo(TELEGRAMS);
            assertThat(callback.outOfOrder.get()).isZero();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }
}
