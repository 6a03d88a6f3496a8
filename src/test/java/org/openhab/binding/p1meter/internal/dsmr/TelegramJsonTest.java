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
package org.openhab.binding.p1meter.internal.dsmr;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The JSON reading against readings worked out by hand from corpus telegrams (ARCHITECTURE.md, "The JSON
 * reading"): field names, units, absent vs zero, number and timestamp format.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class TelegramJsonTest {

    private static String jsonOf(String name) {
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), Corpus.telegram(name));
        assertThat(c.telegrams).hasSize(1);
        return TelegramJson.toJson(c.telegrams.get(0));
    }

    /** dsmr50_isk_am550_openhab.txt, read line by line by hand. */
    private static final String AM550 = """
            {"header":"ISK5\\\\2M550T-1012","p1Version":"50","powerTs":"2018-01-04T23:19:41+01:00",
             "powerSn":"4530303434303036393033333132393137","currentTarrif":1,
             "totalT1Use":156.167,"totalT2Use":71.546,"totalT1Delivered":0,"totalT2Delivered":0,
             "currentUsage":0.519,"currentDelivery":0,"powerFailures":9,"longPowerFailures":5,
             "voltageSagsL1":0,"voltageSagsL2":0,"voltageSagsL3":0,
             "voltageSwellsL1":2,"voltageSwellsL2":2,"voltageSwellsL3":2,
             "voltageL1":234.8,"voltageL2":232.1,"voltageL3":235.3,"currentL1":0,"currentL2":1,"currentL3":1,
             "currentUsageL1":0.122,"currentUsageL2":0.237,"currentUsageL3":0.158,
             "currentDeliveryL1":0,"currentDeliveryL2":0,"currentDeliveryL3":0,
             "deviceType":"003","gasSn":"4730303339303031373633333738373137",
             "gas":{"ts":"2018-01-04T23:15:07+01:00","totalUse":212.529},
             "mbus":[{"channel":1,"deviceType":"003","sn":"4730303339303031373633333738373137",
                      "ts":"2018-01-04T23:15:07+01:00","value":212.529,"unit":"m3"}],
             "powerFailureLog":[{"ts":"2017-06-09T06:32:39+02:00","durationSeconds":267},
                                {"ts":"2017-06-11T00:17:06+02:00","durationSeconds":149657}],
             "crc":true,"calculatedUsage":519}
            """;

    @Test
    void dsmr5ThreePhaseWithGas() {
        String json = jsonOf("dsmr50_isk_am550_openhab");
        assertThat(json).doesNotContain("\n").startsWith("{\"header\":").endsWith("}");
        assertThat(JsonParser.parseString(json)).isEqualTo(JsonParser.parseString(AM550));
        // plain numbers, written as the meter wrote them less the leading zeros
        assertThat(json).contains("\"totalT1Use\":156.167,").contains("\"voltageL1\":234.8,")
                .contains("\"totalT1Delivered\":0,");
        // an empty text message is absent, not ""
        assertThat(json).doesNotContain("textMessage");
    }

    @Test
    void belgianCapacityTariffWaterAndGasOn24_2_3() {
        JsonObject o = JsonParser.parseString(jsonOf("fluvius_emucs_flu5_v171")).getAsJsonObject();
        // 0-0:96.1.4(50217) stands for the version; 1-0:1.4.0(02.351*kW); 1-0:1.6.0(200509134558S)(02.589*kW)
        assertThat(o.get("p1Version").getAsString()).isEqualTo("50217");
        assertThat(o.get("averageDemand").getAsBigDecimal()).isEqualByComparingTo("2.351");
        assertThat(o.get("peakDemand"))
                .isEqualTo(JsonParser.parseString("{\"ts\":\"2020-05-09T13:45:58+02:00\",\"value\":2.589}"));
        // 0-0:98.1.0(3)(1-0:1.6.0)(1-0:1.6.0)(200501000000S)(200423192538S)(03.695*kW)...(200210035421W)(04.318*kW)
        assertThat(o.get("peakDemandHistory")).isEqualTo(JsonParser.parseString("""
                [{"month":"2020-05-01T00:00:00+02:00","ts":"2020-04-23T19:25:38+02:00","value":3.695},
                 {"month":"2020-04-01T00:00:00+02:00","ts":"2020-03-05T12:21:39+02:00","value":5.98},
                 {"month":"2020-03-01T00:00:00+02:00","ts":"2020-02-10T03:54:21+01:00","value":4.318}]"""));
        // gas on 0-1:24.2.3 (device type 003), water on channel 2 (device type 007)
        assertThat(o.get("gas"))
                .isEqualTo(JsonParser.parseString("{\"ts\":\"2020-05-12T13:45:58+02:00\",\"totalUse\":112.384}"));
        assertThat(o.get("gasSn").getAsString()).isEqualTo("37464C4F32313139303333373333");
        assertThat(o.get("water"))
                .isEqualTo(JsonParser.parseString("{\"ts\":\"2020-05-12T13:45:58+02:00\",\"totalUse\":872.234}"));
        assertThat(o.getAsJsonArray("mbus")).hasSize(2);
        // all zero but sent: present
        assertThat(o.get("currentUsage").getAsDouble()).isEqualTo(0.0);
        assertThat(o.get("calculatedUsage").getAsInt()).isEqualTo(0);
        assertThat(o.get("limiterThreshold").getAsBigDecimal()).isEqualByComparingTo("999.9");
        assertThat(o.get("fuseThreshold").getAsInt()).isEqualTo(999);
    }

    @Test
    void exportMakesCalculatedUsageNegative() {
        // 1-0:1.7.0(00.000*kW) 1-0:2.7.0(01.869*kW)
        JsonObject o = JsonParser.parseString(jsonOf("dsmr42_kfm_athom")).getAsJsonObject();
        assertThat(o.get("calculatedUsage").getAsInt()).isEqualTo(-1869);
        assertThat(o.get("currentDelivery").getAsBigDecimal()).isEqualByComparingTo("1.869");
    }

    @Test
    void austrianWattHoursBecomeKilowattHours() {
        // 1-0:1.8.0(000326641*Wh) 1-0:1.7.0(000000621*W) 1-0:4.8.0(000253220*varh) 1-0:4.7.0(000000510*var)
        String json = jsonOf("sagemcom_t210dr_est5_openhab");
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertThat(json).contains("\"totalUse\":326.641,").contains("\"currentUsage\":0.621,")
                .contains("\"totalReactiveDelivered\":253.22,").contains("\"currentReactiveDelivery\":0.51,");
        assertThat(o.has("powerSn")).isFalse(); // absent, not ""
        assertThat(o.has("gas")).isFalse();
        assertThat(o.get("crc").getAsBoolean()).isTrue();
    }

    @Test
    void heatMeterWithUnit() {
        JsonObject o = JsonParser.parseString(jsonOf("dsmr50_nwa_warmtelink_unpadded_crc")).getAsJsonObject();
        assertThat(o.get("heat")).isEqualTo(
                JsonParser.parseString("{\"ts\":\"2026-02-15T20:05:23+01:00\",\"totalUse\":240.86,\"unit\":\"GJ\"}"));
        // the meter sends no power: no calculated usage either
        assertThat(o.has("calculatedUsage")).isFalse();
    }

    @Test
    void dsmr22WithoutCrcAndHexTextMessage() {
        JsonObject o = JsonParser.parseString(jsonOf("dsmr30_isk_mt382_1000")).getAsJsonObject();
        assertThat(o.get("crc").getAsBoolean()).isFalse();
        assertThat(o.has("p1Version")).isFalse();
        assertThat(o.get("textMessage").getAsString()).isEqualTo("0123456789:;<=>?".repeat(5));
        // no S/W flag: 090212160000 is a winter time in Amsterdam
        assertThat(o.getAsJsonObject("gas").get("ts").getAsString()).isEqualTo("2009-02-12T16:00:00+01:00");
        assertThat(o.get("fuseThreshold").getAsInt()).isEqualTo(16); // 0-0:17.0.0(016*A)
    }

    @Test
    void numbersArePlainAndShortest() {
        StringBuilder sb = new StringBuilder();
        for (double d : new double[] { 156.167, 0.74785, 52185.7825309, 0, -1.869, 12345678.9, 1e-7, 0.1 + 0.2,
                2147583646d, 1.5e12 }) {
            TelegramJson.number(sb, d);
            sb.append(' ');
        }
        assertThat(sb.toString()).isEqualTo(
                "156.167 0.74785 52185.7825309 0 -1.869 12345678.9 0.0000001 0.30000000000000004 2147583646 1500000000000 ");
    }

    @Test
    void everyEmittedCorpusTelegramGivesValidJson() {
        for (String name : FramingTest.goodTelegrams()) {
            JsonElement e = JsonParser.parseString(jsonOf(name));
            assertThat(e.isJsonObject()).as(name).isTrue();
            assertThat(e.getAsJsonObject().get("header").getAsString()).as(name)
                    .isEqualTo(ConformanceTest.headerOf(Corpus.telegram(name)));
        }
    }

    @Test
    void theReadingIsWrittenOnceHoweverManyOutputsAskForIt() {
        P1Telegram t = new P1Telegram.Builder().header("KFM5KAIFA-METER").set(Quantity.POWER_IMPORT, 0.5).build();
        String first = TelegramJson.toJson(t);
        assertThat(TelegramJson.toJson(t)).isSameAs(first);
        // a telegram of its own gets a reading of its own
        P1Telegram other = new P1Telegram.Builder().header("KFM5KAIFA-METER").set(Quantity.POWER_IMPORT, 0.7).build();
        assertThat(TelegramJson.toJson(other)).contains("\"currentUsage\":0.7").isNotEqualTo(first);
    }
}
