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

import static org.assertj.core.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.reader.ConnectionState;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The MQTT output against a real broker (Moquette on an ephemeral loopback port) and a real Paho subscriber.
 * Retained messages are checked through late subscribers that receive them; Moquette 0.17 does not set the
 * retain flag on that delivery, so the flag itself is checked against mosquitto in {@code MqttOutputMosquittoIT}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class MqttOutputTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** One broker for the class (stopping Moquette takes 2 s); every test has its own topics on it. */
    private static @Nullable EmbeddedBroker broker;
    private static int testNumber;
    private String prefix = "smartmeter";
    private String disco = "homeassistant";
    private @Nullable MqttOutput output;
    private final ManualFeed feed = new ManualFeed();
    private final Function<P1Telegram, String> json = TestReadings::json;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = EmbeddedBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        EmbeddedBroker b = broker;
        if (b != null) {
            b.close();
        }
    }

    @BeforeEach
    void ownTopics() {
        testNumber++;
        prefix = "t" + testNumber + "/smartmeter";
        disco = "t" + testNumber + "/homeassistant";
    }

    @AfterEach
    void stopOutput() {
        MqttOutput o = output;
        if (o != null) {
            o.close();
        }
    }

    private static EmbeddedBroker broker() {
        EmbeddedBroker b = broker;
        assertThat(b).isNotNull();
        return b;
    }

    private MqttOutput start(MqttOutputConfig config, @Nullable KillableSocketFactory sockets) throws IOException {
        return start(config, sockets, feed);
    }

    private MqttOutput start(MqttOutputConfig config, @Nullable KillableSocketFactory sockets, ManualFeed f)
            throws IOException {
        MqttOutput o = new MqttOutput(config, json, sockets, 100, 400);
        output = o;
        o.start(f);
        return o;
    }

    private MqttOutputConfig config(boolean distinct, @Nullable String fields, boolean discovery) {
        return MqttOutputConfig.of(broker().url(), null, null, "p1-test", prefix, 1, true, distinct, fields, discovery,
                disco);
    }

    private static void awaitConnected(MqttOutput o) {
        Await.until(WAIT, o::isConnected, () -> "the output to connect");
    }

    @Test
    void publishesConnectedReadingAndUsageAndALateSubscriberGetsTheRetainedOnes() throws Exception {
        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "/#")) {
            MqttOutput o = start(config(false, null, false), null);
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("2");
            awaitConnected(o);

            P1Telegram t = TestReadings.kaifa();
            feed.publish(t);
            MqttProbe.Received energy = probe.await(prefix + "/status/energy", WAIT);
            assertThat(energy.payload()).isEqualTo(TestReadings.json(t));
            // values of the README telegram, worked out by hand: 0.329 kW import, nothing exported
            JsonObject reading = JsonParser.parseString(energy.payload()).getAsJsonObject();
            assertThat(reading.get("totalT1Use").getAsDouble()).isEqualTo(2000.123);
            assertThat(reading.get("currentTarrif").getAsInt()).isEqualTo(1);
            assertThat(reading.get("calculatedUsage").getAsInt()).isEqualTo(329);
            assertThat(reading.getAsJsonObject("gas").get("totalUse").getAsDouble()).isEqualTo(1543.012);

            // the first telegram: smartmeter2mqtt's usage events from 0 W and from the first gas reading
            JsonObject usage = JsonParser.parseString(probe.await(prefix + "/status/usage", WAIT).payload())
                    .getAsJsonObject();
            assertThat(usage.keySet()).containsExactly("previousUsage", "relative", "message", "val", "tc");
            assertThat(usage.get("message").getAsString()).isEqualTo("Usage increased +329 to 329");
            assertThat(usage.get("val").getAsInt()).isEqualTo(329);
            assertThat(usage.get("previousUsage").getAsInt()).isZero();
            JsonObject gas = JsonParser.parseString(probe.await(prefix + "/status/gasUsage", WAIT).payload())
                    .getAsJsonObject();
            assertThat(gas.get("message").getAsString()).isEqualTo("Reading increased +0 to 1543.012");
            assertThat(gas.get("relative").getAsDouble()).isZero();
            assertThat(gas.get("val").getAsDouble()).isZero();
            assertThat(gas.get("tc").getAsLong()).isPositive();
        }

        // a subscriber that comes later still gets the reading and the connected state: both are retained;
        // usage is an event, not state: not retained
        try (MqttProbe late = new MqttProbe(broker().port(), prefix + "/#")) {
            List<MqttProbe.Received> got = late.collect(Duration.ofMillis(700));
            Map<String, MqttProbe.Received> byTopic = got.stream()
                    .collect(Collectors.toMap(MqttProbe.Received::topic, r -> r, (a, b) -> b));
            assertThat(byTopic).containsKeys(prefix + "/connected", prefix + "/status/energy")
                    .doesNotContainKeys(prefix + "/status/usage", prefix + "/status/gasUsage");
            assertThat(byTopic.get(prefix + "/connected").payload()).isEqualTo("2");
            assertThat(byTopic.get(prefix + "/status/energy").payload())
                    .isEqualTo(TestReadings.json(TestReadings.kaifa()));
        }
    }

    @Test
    void distinctPublishesEveryFieldWithZeroValuesAndOnlyTheChosenFieldsWhenGiven() throws Exception {
        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "/status/#")) {
            MqttOutput o = start(config(true, null, false), null);
            awaitConnected(o);
            long before = System.currentTimeMillis();
            feed.publish(TestReadings.kaifa());
            JsonObject reading = JsonParser.parseString(TestReadings.json(TestReadings.kaifa())).getAsJsonObject();
            for (String field : reading.keySet()) {
                String topic = prefix + "/status/" + field;
                MqttProbe.Received r = probe.awaitOrSeen(m -> m.topic().equals(topic), WAIT);
                JsonObject o2 = JsonParser.parseString(r.payload()).getAsJsonObject();
                assertThat(o2.keySet()).containsExactly("ts", "val");
                assertThat(o2.get("val")).as(field).isEqualTo(reading.get(field));
                assertThat(o2.get("ts").getAsLong()).isBetween(before, System.currentTimeMillis());
            }
            // currentDelivery is 0 in this telegram: smartmeter2mqtt skipped zeros, we do not
            assertThat(reading.get("currentDelivery").getAsDouble()).isZero();
        }
        output.close();
        output = null;

        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "-other/status/#")) {
            MqttOutputConfig c = MqttOutputConfig.of(broker().url(), null, null, "p1-test-2", prefix + "-other", 0,
                    true, true, "currentDelivery,totalT1Use,noSuchField", false, null);
            ManualFeed fresh = new ManualFeed();
            MqttOutput o = start(c, null, fresh);
            awaitConnected(o);
            fresh.publish(TestReadings.kaifa());
            List<MqttProbe.Received> got = probe.collect(Duration.ofMillis(800));
            // the chosen fields that are in the reading, besides the reading and the usage events
            assertThat(got).extracting(MqttProbe.Received::topic).containsExactlyInAnyOrder(
                    prefix + "-other/status/energy", prefix + "-other/status/currentDelivery",
                    prefix + "-other/status/totalT1Use", prefix + "-other/status/usage",
                    prefix + "-other/status/gasUsage");
            MqttProbe.Received zero = got.stream().filter(r -> r.topic().endsWith("currentDelivery")).findFirst()
                    .orElseThrow();
            assertThat(JsonParser.parseString(zero.payload()).getAsJsonObject().get("val").getAsDouble()).isZero();
        }
    }

    @Test
    void lastWillIsPublishedOnAnUncleanDisconnectAndTheOutputReconnects() throws Exception {
        KillableSocketFactory sockets = new KillableSocketFactory();
        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "/connected")) {
            MqttOutput o = start(config(false, null, false), sockets);
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("2");
            awaitConnected(o);

            assertThat(sockets.killAll()).isEqualTo(1); // the client's TCP connection dies without DISCONNECT
            MqttProbe.Received will = probe.await(prefix + "/connected", WAIT);
            assertThat(will.payload()).isEqualTo("0");
            // and the output comes back by itself
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("2");
        }
        // the will is retained: a late subscriber after a crash would see 0; here it sees the reconnect's 2
        try (MqttProbe late = new MqttProbe(broker().port(), prefix + "/connected")) {
            assertThat(late.await(prefix + "/connected", WAIT).payload()).isEqualTo("2");
        }
    }

    @Test
    void closeSaysGoodbyeOnTheConnectedTopicAndLeavesTheFeed() throws Exception {
        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "/connected")) {
            MqttOutput o = start(config(false, null, false), null);
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("2");
            assertThat(feed.listenerCount()).isEqualTo(1);
            o.close();
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("0");
            assertThat(feed.listenerCount()).isZero();
            assertThat(o.isConnected()).isFalse();
            o.close(); // idempotent
        }
        try (MqttProbe late = new MqttProbe(broker().port(), prefix + "/connected")) {
            assertThat(late.await(prefix + "/connected", WAIT).payload()).isEqualTo("0");
        }
    }

    @Test
    void meterSourceDownIsOneAndBackIsTwo() throws Exception {
        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "/connected")) {
            MqttOutput o = start(config(false, null, false), null);
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("2");
            awaitConnected(o);
            feed.state(ConnectionState.DISCONNECTED);
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("1");
            feed.publish(TestReadings.kaifa());
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("2");
        }
    }

    @Test
    void discoveryIsSentWithTheFirstTelegramAndAgainWhenHomeAssistantComesOnline() throws Exception {
        try (MqttProbe probe = new MqttProbe(broker().port(), disco + "/sensor/#")) {
            MqttOutput o = start(config(false, null, true), null);
            awaitConnected(o);
            assertThat(probe.collect(Duration.ofMillis(300))).as("no discovery before a telegram").isEmpty();

            feed.publish(TestReadings.kaifa());
            int expected = new HaDiscovery(prefix, disco, "x").configs(TestReadings.kaifa()).size();
            List<MqttProbe.Received> first = probe.take(expected, WAIT, Duration.ofMillis(300));
            assertThat(first).hasSize(expected);
            try (MqttProbe late = new MqttProbe(broker().port(), disco + "/sensor/#")) {
                assertThat(late.take(expected, WAIT, Duration.ofMillis(300))).as("configs are retained")
                        .hasSize(expected);
            }
            MqttProbe.Received gas = first.stream().filter(r -> r.topic().endsWith("/gas/config")).findFirst()
                    .orElseThrow();
            JsonObject gasConfig = JsonParser.parseString(gas.payload()).getAsJsonObject();
            assertThat(gasConfig.get("device_class").getAsString()).isEqualTo("gas");
            assertThat(gasConfig.get("state_class").getAsString()).isEqualTo("total_increasing");
            assertThat(gasConfig.get("unit_of_measurement").getAsString()).isEqualTo("m\u00b3");

            // the same telegram again: nothing new to announce
            feed.publish(TestReadings.kaifa());
            assertThat(probe.collect(Duration.ofMillis(500))).isEmpty();

            // Home Assistant restarts and announces itself: everything again
            try (MqttProbe ha = new MqttProbe(broker().port(), "nothing")) {
                ha.publish(disco + "/status", "online", false);
            }
            List<MqttProbe.Received> again = probe.take(expected, WAIT, Duration.ofMillis(300));
            assertThat(again).extracting(MqttProbe.Received::topic)
                    .containsExactlyInAnyOrderElementsOf(first.stream().map(MqttProbe.Received::topic).toList());

            // HA going offline does not trigger anything
            try (MqttProbe ha = new MqttProbe(broker().port(), "nothing")) {
                ha.publish(disco + "/status", "offline", false);
            }
            assertThat(probe.collect(Duration.ofMillis(500))).isEmpty();

            // a quantity the meter did not send before (a phase voltage): its config follows, once
            HaDiscovery d = new HaDiscovery(prefix, disco, "x");
            feed.publish(TestReadings.kaifaWithUsage(0.3)); // another meter: its own configs
            assertThat(probe.take(d.configs(TestReadings.kaifaWithUsage(0.3)).size(), WAIT, Duration.ofMillis(300)))
                    .hasSize(d.configs(TestReadings.kaifaWithUsage(0.3)).size());
            feed.publish(TestReadings.kaifaWithUsage(0.4));
            assertThat(probe.collect(Duration.ofMillis(500))).as("same quantities, new values").isEmpty();
            P1Telegram withVoltage = TestReadings.kaifaWith(Quantity.VOLTAGE_L1, 229.8);
            String voltageTopic = d.configTopics(withVoltage).stream().filter(t -> t.endsWith("/voltage_l1/config"))
                    .findFirst().orElseThrow();
            feed.publish(withVoltage);
            int withVoltageConfigs = d.configs(withVoltage).size();
            assertThat(probe.take(withVoltageConfigs, WAIT, Duration.ofMillis(300)))
                    .extracting(MqttProbe.Received::topic).contains(voltageTopic).doesNotHaveDuplicates()
                    .hasSize(withVoltageConfigs);
            feed.publish(withVoltage);
            assertThat(probe.collect(Duration.ofMillis(500))).as("announced once").isEmpty();
        }
    }

    @Test
    void recoversWhenTheBrokerIsStoppedAndStartedAgainAndSendsOnlyTheNewestReading() throws Exception {
        MqttOutput o = start(config(false, null, true), null);
        awaitConnected(o);
        try (MqttProbe before = new MqttProbe(broker().port(), prefix + "/status/usage")) {
            feed.publish(TestReadings.kaifa());
            before.await(prefix + "/status/usage", WAIT);
        }

        broker().stop();
        Await.until(WAIT, () -> !o.isConnected(), () -> "the output to notice that the broker is gone");
        assertThat(o.isConnected()).isFalse();

        // readings keep coming while the broker is away; the feed thread is never held up
        long t0 = System.nanoTime();
        P1Telegram newest = TestReadings.kaifa();
        for (int i = 1; i <= 500; i++) {
            newest = TestReadings.kaifaWithUsage(i / 1000.0);
            feed.publish(newest);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));

        broker().restart();
        try (MqttProbe probe = new MqttProbe(broker().port(), "#")) {
            assertThat(probe.await(prefix + "/connected", WAIT).payload()).isEqualTo("2");
            List<MqttProbe.Received> got = probe.collect(Duration.ofMillis(1500));
            List<MqttProbe.Received> energy = got.stream().filter(r -> r.topic().equals(prefix + "/status/energy"))
                    .toList();
            assertThat(energy).hasSize(1);
            assertThat(energy.get(0).payload()).isEqualTo(TestReadings.json(newest));
            List<MqttProbe.Received> usage = got.stream().filter(r -> r.topic().equals(prefix + "/status/usage"))
                    .toList();
            // one change, from the last published reading (329 W) to the newest
            assertThat(usage).hasSize(1);
            assertThat(usage.get(0).payload()).contains("\"previousUsage\":329,\"relative\":171,")
                    .contains("\"val\":500");
            // discovery is published again after the reconnect (the restarted broker lost every retained config)
            assertThat(got).anyMatch(r -> r.topic().equals(disco + "/sensor/p1meter_4730303339/gas/config"));
            // every sensor of the newest telegram, each once (configs of the first telegram that were still
            // waiting when the broker went away may come too: they describe the same meter)
            List<String> configTopics = got.stream().map(MqttProbe.Received::topic)
                    .filter(t -> t.startsWith(disco + "/sensor/")).toList();
            assertThat(configTopics).doesNotHaveDuplicates().containsAll(
                    new HaDiscovery(prefix, disco, "x").configs(newest).stream().map(OutboundMessage::topic).toList());
        }
    }

    @Test
    void aBrokerThatNeverAnswersDoesNotHoldUpTheFeedOrClose() throws Exception {
        // accepts TCP connections and then says nothing: a blocking client would hang in connect or publish
        try (ServerSocket blackHole = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(blackHole.accept());
                    }
                } catch (IOException e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            MqttOutput o = new MqttOutput(MqttOutputConfig.of("mqtt://127.0.0.1:" + blackHole.getLocalPort(), null,
                    null, "p1-dead", prefix, 1, true, true, null, true, disco), json, null, 100, 400);
            output = o;
            o.start(feed);
            Await.until(WAIT, () -> !held.isEmpty(), () -> "a connection to the black hole");
            assertThat(held).as("the output tried to connect").isNotEmpty();

            long t0 = System.nanoTime();
            for (int i = 0; i < 2000; i++) {
                feed.publish(TestReadings.kaifaWithUsage(i / 1000.0));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
            assertThat(o.isConnected()).isFalse();
            assertThat(o.droppedMessages()).isZero(); // one message per topic, far below the bound

            long c0 = System.nanoTime();
            o.close();
            output = null;
            assertThat(Duration.ofNanos(System.nanoTime() - c0)).isLessThan(Duration.ofSeconds(3));
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aBadUrlFailsStartWithAClearMessage() {
        MqttOutput o = new MqttOutput(new MqttOutputConfig("tcp://", null, null, "x", "smartmeter", 1, true, false,
                List.of(), false, "homeassistant"), json);
        assertThatThrownBy(() -> o.start(feed)).isInstanceOf(IOException.class).hasMessageContaining("MQTT broker");
        assertThat(feed.listenerCount()).isZero();
    }
}
