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

import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openhab.binding.p1meter.internal.Await;
import org.openhab.binding.p1meter.internal.dsmr.MBusDevice;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.reader.ManualFeed;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * What the MQTT output publishes besides the reading, against the embedded broker: smartmeter2mqtt's
 * {@code status/gasUsage}, the gas flow on a topic of its own, and the publish interval (on a clock the test moves,
 * so no assertion depends on how fast the machine is).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
@Timeout(60)
class MqttPublishingTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String GAS_SERIAL = "4730303339303031373633333738373137";

    private static @Nullable EmbeddedBroker broker;
    private static int testNumber;
    private String prefix = "p";
    private @Nullable MqttOutput output;
    private final ManualFeed feed = new ManualFeed();
    private final AtomicLong clock = new AtomicLong(1_000_000_000L);

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
        prefix = "pub" + ++testNumber + "/smartmeter";
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

    private MqttOutput start(Duration interval, boolean usageImmediate) throws Exception {
        MqttOutputConfig config = MqttOutputConfig
                .of(broker().url(), null, null, "p1-pub-" + testNumber, prefix, 1, true, false, null, false, null)
                .withInterval(interval, usageImmediate);
        MqttOutput o = new MqttOutput(config, TestReadings::json, null, 100, 400, clock::get);
        output = o;
        o.start(feed);
        Await.until(WAIT, o::isConnected, () -> "the output to connect");
        assertThat(o.isConnected()).isTrue();
        return o;
    }

    /** A DSMR 5 meter with {@code kw} import and its gas meter's reading {@code m3} taken at {@code time}. */
    private static P1Telegram telegram(double kw, String time, double m3) {
        return new P1Telegram.Builder().header("ISK5\\2M550T-1012").p1Version("50")
                .equipmentId("4530303434303037333832323436303139").set(Quantity.ENERGY_IMPORT_T1, 2130.115)
                .set(Quantity.POWER_IMPORT, kw).set(Quantity.POWER_EXPORT, 0).mbus(List.of(new MBusDevice(1,
                        MBusDevice.TYPE_GAS, GAS_SERIAL, OffsetDateTime.parse(time), m3, Quantity.Unit.M3, -1)))
                .build();
    }

    /** The payload without its time of publication. */
    private static String withoutTc(MqttProbe.Received r) {
        JsonObject o = JsonParser.parseString(r.payload()).getAsJsonObject();
        assertThat(o.get("tc").getAsLong()).isPositive();
        o.remove("tc");
        return o.toString();
    }

    @Test
    void gasUsageKeepsSmartmeter2mqttsMeaningAndTheFlowHasItsOwnTopic() throws Exception {
        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "/status/#")) {
            start(Duration.ZERO, false);
            // the readings smartmeter2mqtt 1.6.0 was fed side by side (its messages in UsageTrackerTest)
            feed.publish(telegram(0.111, "2025-06-14T13:05:00+02:00", 1342.052));
            assertThat(withoutTc(probe.await(prefix + "/status/gasUsage", WAIT))).isEqualTo(
                    "{\"previousUsage\":0,\"relative\":0,\"message\":\"Reading increased +0 to 1342.052\",\"val\":0}");
            feed.publish(telegram(0.111, "2025-06-14T13:10:00+02:00", 1342.056));
            assertThat(withoutTc(probe.await(prefix + "/status/gasUsage", WAIT)))
                    .isEqualTo("{\"previousUsage\":0,\"relative\":0.004,"
                            + "\"message\":\"Reading increased +0.004 to 1342.056\",\"val\":0.048}");
            // the first flow message is the second reading's: the first reading has no flow, and no 0 stands in
            JsonObject flow = JsonParser.parseString(probe.await(prefix + "/status/gasFlow", WAIT).payload())
                    .getAsJsonObject();
            assertThat(flow.toString()).isEqualTo("{\"ts\":"
                    + OffsetDateTime.parse("2025-06-14T13:10:00+02:00").toInstant().toEpochMilli() + ",\"val\":0.048}");
            feed.publish(telegram(0.111, "2025-06-14T13:10:00+02:00", 1342.056)); // same gas reading: no event
            feed.publish(telegram(0.111, "2025-06-14T13:15:00+02:00", 1342.100));
            assertThat(withoutTc(probe.await(prefix + "/status/gasUsage", WAIT)))
                    .isEqualTo("{\"previousUsage\":0.048,\"relative\":0.044,"
                            + "\"message\":\"Reading increased +0.044 to 1342.1\",\"val\":0.528}");
            assertThat(JsonParser.parseString(probe.await(prefix + "/status/gasFlow", WAIT).payload()).getAsJsonObject()
                    .get("val").getAsDouble()).isEqualTo(0.528);
        }
    }

    @Test
    void anIntervalPublishesTheNewestReadingAndTheChangeSinceTheLastPublishedOne() throws Exception {
        P1Telegram t1 = telegram(0.329, "2025-06-14T13:05:00+02:00", 1342.052);
        P1Telegram t2 = telegram(0.400, "2025-06-14T13:05:00+02:00", 1342.052);
        P1Telegram t3 = telegram(0.500, "2025-06-14T13:10:00+02:00", 1342.056);
        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "/status/#")) {
            start(Duration.ofSeconds(60), false);
            feed.publish(t1); // the first reading goes out at once
            assertThat(probe.await(prefix + "/status/energy", WAIT).payload()).isEqualTo(TestReadings.json(t1));
            probe.awaitOrSeen(r -> r.topic().endsWith("/status/usage") && r.payload().contains("\"val\":329"), WAIT);
            feed.publish(t2);
            feed.publish(t3);
            clock.addAndGet(Duration.ofSeconds(60).toNanos());
            // one message per topic per interval, the newest reading; messages of a topic arrive in order, so
            // everything before t3's reading on status/energy is what went out before it
            probe.await(r -> r.payload().equals(TestReadings.json(t3)), WAIT);
            List<String> energy = topicPayloads(probe, "/status/energy");
            assertThat(energy).containsExactly(TestReadings.json(t1), TestReadings.json(t3));
            // the usage events run from published reading to published reading: 0 -> 329 W, then 329 -> 500 W
            probe.awaitOrSeen(r -> r.topic().endsWith("/status/usage") && r.payload().contains("\"val\":500"), WAIT);
            assertThat(topicPayloads(probe, "/status/usage")).hasSize(2).last().asString()
                    .contains("\"previousUsage\":329,\"relative\":171,\"message\":\"Usage increased +171 to 500\"");
        }
    }

    @Test
    void usageImmediateKeepsTheUsageEventsComingWhileTheReadingWaits() throws Exception {
        P1Telegram t1 = telegram(0.329, "2025-06-14T13:05:00+02:00", 1342.052);
        P1Telegram t2 = telegram(0.400, "2025-06-14T13:05:00+02:00", 1342.052);
        P1Telegram t3 = telegram(0.500, "2025-06-14T13:10:00+02:00", 1342.056);
        try (MqttProbe probe = new MqttProbe(broker().port(), prefix + "/status/#")) {
            start(Duration.ofHours(1), true);
            feed.publish(t1);
            probe.awaitOrSeen(r -> r.topic().endsWith("/status/usage") && r.payload().contains("\"val\":329"), WAIT);
            feed.publish(t2);
            probe.awaitOrSeen(r -> r.topic().endsWith("/status/usage") && r.payload().contains("\"val\":400"), WAIT);
            feed.publish(t3);
            probe.awaitOrSeen(r -> r.topic().endsWith("/status/usage") && r.payload().contains("\"val\":500"), WAIT);
            probe.awaitOrSeen(r -> r.topic().endsWith("/status/gasFlow"), WAIT);
            // the hour has not passed: the reading is still t1's; then it passes and t3's goes out
            clock.addAndGet(Duration.ofHours(1).toNanos());
            probe.awaitOrSeen(r -> r.payload().equals(TestReadings.json(t3)), WAIT);
            assertThat(topicPayloads(probe, "/status/energy")).containsExactly(TestReadings.json(t1),
                    TestReadings.json(t3));
            assertThat(topicPayloads(probe, "/status/usage")).hasSize(3);
            assertThat(topicPayloads(probe, "/status/gasUsage")).hasSize(2);
        }
    }

    /** smartmeter2mqtt 1.6.0's T1 config as it published it (retained) for dsmr50_isk_am550_two_mbus. */
    private static final String SMARTMETER2MQTT_T1 = "{\"device_class\":\"power\","
            + "\"state_topic\":\"smartmeter/status/energy\",\"availability_topic\":\"smartmeter/connected\","
            + "\"payload_available\":\"2\",\"name\":\"Total power used T1\",\"unit_of_measurement\":\"kWh\","
            + "\"value_template\":\"{{value_json.totalT1Use}}\","
            + "\"unique_id\":\"smartmeter_4530303434303037333832323436303139_total_t1_used\"}";
    private static final List<String> SMARTMETER2MQTT_OBJECTS = List.of("power-usage", "t1-used", "t2-used",
            "t1-delivered", "t2-delivered", "gas");

    private MqttOutput startWithDiscovery(String disco, Smartmeter2mqttEntities entities) throws Exception {
        MqttOutputConfig config = MqttOutputConfig
                .of(broker().url(), null, null, "p1-pub-" + testNumber, prefix, 1, true, false, null, true, disco)
                .withSmartmeter2mqttEntities(entities);
        MqttOutput o = new MqttOutput(config, TestReadings::json, null, 100, 400, clock::get);
        output = o;
        o.start(feed);
        return o;
    }

    /** What smartmeter2mqtt left on the broker: its six retained discovery configs. */
    private void smartmeter2mqttWasHere(String disco) throws Exception {
        try (MqttProbe s2m = new MqttProbe(broker().port(), "nothing")) {
            for (String object : SMARTMETER2MQTT_OBJECTS) {
                s2m.publish(disco + "/sensor/smartmeter/" + object + "/config",
                        "t1-used".equals(object) ? SMARTMETER2MQTT_T1 : "{\"name\":\"" + object + "\"}", true);
            }
        }
    }

    @Test
    void removeClearsSmartmeter2mqttsRetainedConfigs() throws Exception {
        String disco = prefix + "-ha";
        smartmeter2mqttWasHere(disco);
        try (MqttProbe probe = new MqttProbe(broker().port(), disco + "/sensor/smartmeter/#")) {
            // first the retained configs smartmeter2mqtt left, then the empty messages that clear them
            for (String object : SMARTMETER2MQTT_OBJECTS) {
                String topic = disco + "/sensor/smartmeter/" + object + "/config";
                probe.awaitOrSeen(r -> r.topic().equals(topic) && !r.payload().isEmpty(), WAIT);
            }
            startWithDiscovery(disco, Smartmeter2mqttEntities.REMOVE);
            for (String object : SMARTMETER2MQTT_OBJECTS) {
                String topic = disco + "/sensor/smartmeter/" + object + "/config";
                probe.awaitOrSeen(r -> r.topic().equals(topic) && r.payload().isEmpty(), WAIT);
            }
        }
        // nothing of smartmeter2mqtt's is retained any more: Home Assistant removes those entities
        try (MqttProbe late = new MqttProbe(broker().port(), disco + "/sensor/smartmeter/#")) {
            assertThat(late.collect(Duration.ofMillis(700))).isEmpty();
        }
    }

    @Test
    void adoptReplacesSmartmeter2mqttsConfigsInPlace() throws Exception {
        String disco = prefix + "-ha";
        smartmeter2mqttWasHere(disco);
        String t1 = disco + "/sensor/smartmeter/t1-used/config";
        String own = disco + "/sensor/p1meter_4530303434303037333832323436303139/energy_import_t1/config";
        try (MqttProbe probe = new MqttProbe(broker().port(), disco + "/sensor/#")) {
            startWithDiscovery(disco, Smartmeter2mqttEntities.ADOPT);
            feed.publish(TestReadings.corpus("dsmr50_isk_am550_two_mbus"));
            MqttProbe.Received r = probe.await(m -> m.topic().equals(t1) && m.payload().contains("p1meter"), WAIT);
            JsonObject c = JsonParser.parseString(r.payload()).getAsJsonObject();
            // the same entity for Home Assistant (topic and unique id), now with the classes the Energy dashboard needs
            assertThat(c.get("unique_id").getAsString())
                    .isEqualTo("smartmeter_4530303434303037333832323436303139_total_t1_used");
            assertThat(c.get("device_class").getAsString()).isEqualTo("energy");
            assertThat(c.get("state_class").getAsString()).isEqualTo("total_increasing");
            probe.awaitOrSeen(m -> m.topic().equals(own) && m.payload().isEmpty(), WAIT);
        }
        try (MqttProbe late = new MqttProbe(broker().port(), disco + "/sensor/#")) {
            List<MqttProbe.Received> retained = late.collect(Duration.ofMillis(1000));
            assertThat(retained).extracting(MqttProbe.Received::topic).contains(t1).doesNotContain(own);
            assertThat(retained).filteredOn(m -> m.topic().equals(t1)).singleElement()
                    .extracting(MqttProbe.Received::payload).asString()
                    .contains("\"state_class\":\"total_increasing\"");
        }
    }

    private List<String> topicPayloads(MqttProbe probe, String suffix) {
        List<String> out = new ArrayList<>();
        for (MqttProbe.Received r : probe.seen()) {
            if (r.topic().equals(prefix + suffix)) {
                out.add(r.payload());
            }
        }
        return out;
    }
}
