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

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.TelegramJson;
import org.openhab.binding.p1meter.internal.reader.LogCapture;
import org.openhab.binding.p1meter.internal.reader.NumberedTelegrams;
import org.openhab.binding.p1meter.internal.reader.P1Reader;
import org.openhab.binding.p1meter.internal.reader.ReaderOptions;
import org.openhab.binding.p1meter.internal.reader.ReplaySource;

import com.google.gson.JsonParser;

/**
 * The consumer policy for MQTT, with a real reader, the embedded broker and a subscriber: a broker that is slower
 * than a replay gets every telegram, in order, and the replay is read at its pace; a broker that stops taking is
 * given up on after the no-progress time (logged), the reader goes on, and once the broker takes again it gets the
 * newest reading.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MqttBackpressureTest {

    private static final int TELEGRAMS = 2000;
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static @Nullable EmbeddedBroker broker;
    private static int testNumber;

    private final List<AutoCloseable> cleanup = new ArrayList<>();

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        EmbeddedBroker b = broker;
        if (b != null) {
            b.close();
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = cleanup.size() - 1; i >= 0; i--) {
            cleanup.get(i).close();
        }
    }

    private static EmbeddedBroker broker() {
        EmbeddedBroker b = broker;
        assertThat(b).isNotNull();
        return b;
    }

    /** A replay of numbered telegrams and an MQTT output on it, connected before the replay starts. */
    private Replay replay(ThrottledSocketFactory sockets, long noProgressMillis) {
        return replay(sockets, noProgressMillis, true);
    }

    /** ... or a serial-like one (a source that cannot wait). */
    private Replay replay(ThrottledSocketFactory sockets, long noProgressMillis, boolean canWait) {
        String prefix = "bp" + ++testNumber + "/smartmeter";
        P1Reader reader = new P1Reader(new ReplaySource(TELEGRAMS, canWait), DecoderConfig.plaintext(),
                ReaderOptions.defaults());
        cleanup.add(reader::stop);
        MqttOutputConfig config = MqttOutputConfig.of(broker().url(), null, null, "p1-bp" + testNumber, prefix, 1,
                false, false, null, false, null);
        MqttOutput output = new MqttOutput(config, TelegramJson::toJson, sockets, 100, 400, System::nanoTime,
                TimeUnit.MILLISECONDS.toNanos(noProgressMillis));
        cleanup.add(output);
        return new Replay(reader, output, prefix + "/status/energy");
    }

    private record Replay(P1Reader reader, MqttOutput output, String energyTopic) {
    }

    @Test
    void aBrokerSlowerThanAReplayGetsEveryTelegramInOrderAndTheReplayIsReadAtItsPace() throws Exception {
        Replay r = replay(new ThrottledSocketFactory(500), 30_000);
        try (MqttProbe probe = new MqttProbe(broker().port(), r.energyTopic())) {
            r.output().start(r.reader());
            Await.until(Duration.ofSeconds(10), r.output()::isConnected, () -> "the output to connect");
            r.reader().start();

            List<MqttProbe.Received> got = probe.take(TELEGRAMS, WAIT, Duration.ofMillis(300));

            List<Integer> numbers = got.stream().map(MqttBackpressureTest::number).toList();
            assertThat(numbers).hasSize(TELEGRAMS);
            for (int i = 0; i < TELEGRAMS; i++) {
                assertThat(numbers.get(i)).as("reading at position %d", i).isEqualTo(i + 1);
            }
            assertThat(r.reader().pacingTime()).as("time the reader waited for the broker").isPositive();
            assertThat(r.output().skippedReadings()).isZero();
        }
    }

    @Test
    void aBrokerThatStopsTakingIsGivenUpOnAfterTheNoProgressTimeAndGetsTheNewestWhenItTakesAgain() throws Exception {
        ThrottledSocketFactory sockets = new ThrottledSocketFactory(0);
        Replay r = replay(sockets, 1000);
        try (MqttProbe probe = new MqttProbe(broker().port(), r.energyTopic()); LogCapture log = new LogCapture()) {
            r.output().start(r.reader());
            Await.until(Duration.ofSeconds(10), r.output()::isConnected, () -> "the output to connect");
            sockets.freeze();
            r.reader().start();

            // held up while telegrams wait for the broker, then read to the end once it is given up on
            Await.until(WAIT, () -> r.reader().stats().telegrams() == TELEGRAMS,
                    () -> "the replay to be read to the end; read " + r.reader().stats().telegrams());
            assertThat(r.reader().pacingTime()).as("time the reader waited for the broker")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
            Await.until(Duration.ofSeconds(10), () -> log.text().contains("took no reading for"),
                    () -> "the warning; log: " + log.text());
            assertThat(log.text()).containsPattern("WARN .*MQTT broker tcp://127\\.0\\.0\\.1:" + broker().port()
                    + " took no reading for 1 s while \\d+ waited: sending only the newest reading");

            sockets.thaw();
            MqttProbe.Received newest = probe.await(m -> number(m) == TELEGRAMS, WAIT);
            assertThat(newest.topic()).isEqualTo(r.energyTopic());
            assertThat(probe.seen().stream().map(MqttBackpressureTest::number).toList()).as("in order").isSorted()
                    .doesNotHaveDuplicates();
            assertThat(r.output().skippedReadings()).isPositive();
            Await.until(Duration.ofSeconds(10), () -> log.text().contains("takes readings again"),
                    () -> "the all-clear; log: " + log.text());
        }
    }

    @Test
    void aSourceThatCannotWaitIsNeverHeldUpAndABrokerFarBehindSkipsItsOldestReadingsPastTheBound() throws Exception {
        ThrottledSocketFactory sockets = new ThrottledSocketFactory(0);
        Replay r = replay(sockets, 30_000, false);
        try (MqttProbe probe = new MqttProbe(broker().port(), r.energyTopic()); LogCapture log = new LogCapture()) {
            r.output().start(r.reader());
            Await.until(Duration.ofSeconds(10), r.output()::isConnected, () -> "the output to connect");
            sockets.freeze();
            r.reader().start();

            Await.until(WAIT, () -> r.reader().stats().telegrams() == TELEGRAMS,
                    () -> "the line to be read to the end; read " + r.reader().stats().telegrams());
            assertThat(r.reader().pacingTime()).as("time the reader waited").isZero();
            Await.until(Duration.ofSeconds(10), () -> log.text().contains("readings behind"),
                    () -> "the warning; log: " + log.text());
            assertThat(log.text()).containsPattern("WARN .*MQTT broker tcp://127\\.0\\.0\\.1:" + broker().port()
                    + " is more than " + MqttOutput.MAX_BACKLOG + " readings behind: skipping the oldest");
            // at most the bound waits, plus what was handed to Paho before the window filled
            assertThat(r.output().skippedReadings()).isGreaterThanOrEqualTo(TELEGRAMS - MqttOutput.MAX_BACKLOG - 250);

            sockets.thaw();
            probe.await(m -> number(m) == TELEGRAMS, WAIT);
            assertThat(probe.seen().stream().map(MqttBackpressureTest::number).toList()).as("in order").isSorted()
                    .doesNotHaveDuplicates();
        }
    }

    private static int number(MqttProbe.Received r) {
        return NumberedTelegrams.number(
                new BigDecimal(JsonParser.parseString(r.payload()).getAsJsonObject().get("totalT1Use").getAsString()));
    }
}
