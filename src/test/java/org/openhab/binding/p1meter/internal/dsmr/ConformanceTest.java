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
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * Conformance over every telegram of the corpus: our reading agrees with the independent reading in
 * {@code <name>.expected.json} (dsmr_parser 1.6.0: timestamps in UTC, leading zeros dropped), value by value,
 * compared as decimals after unit normalisation (Wh -> kWh, W -> kW, varh -> kvarh ...). Telegrams whose CRC
 * verifies or that have none are emitted by the decoder; those with a wrong CRC are rejected and never
 * emitted (their values are still compared, reading them with {@link TelegramParser} directly).
 *
 * <p>
 * Where our reading differs from dsmr_parser on purpose, the test says so and asserts our value:
 * <ul>
 * <li>timestamps {@code 000101...} and {@code 700101...} are "clock not set" placeholders: absent for us,
 * dates in 2000 / 1970 for dsmr_parser;</li>
 * <li>objects of the electricity meter written with B = 1 ({@code 1-1:1.8.1}) are the same as B = 0;</li>
 * <li>an M-Bus reading of 0 with a placeholder time ({@code (700101010000W)(00000000)},
 * {@code (632525252525S)(00000.000)}) is no reading, and a channel with neither an identifier (empty or all
 * zeros) nor a reading is no device: the meter keeps the slot for a device to come. dsmr_parser reads both as
 * they are written.</li>
 * </ul>
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class ConformanceTest {

    /** The meaning of each numeric OBIS object, from the DSMR 5.0.2, e-MUCS 1.7.1 and Smarty 1.1 specs. */
    private static final Map<String, Quantity> QUANTITIES = new HashMap<>();

    static {
        Object[][] rows = { { "1-0:1.8.1", Quantity.ENERGY_IMPORT_T1 }, { "1-0:1.8.2", Quantity.ENERGY_IMPORT_T2 },
                { "1-0:1.8.3", Quantity.ENERGY_IMPORT_T3 }, { "1-0:1.8.4", Quantity.ENERGY_IMPORT_T4 },
                { "1-0:1.8.0", Quantity.ENERGY_IMPORT_TOTAL }, { "1-0:2.8.1", Quantity.ENERGY_EXPORT_T1 },
                { "1-0:2.8.2", Quantity.ENERGY_EXPORT_T2 }, { "1-0:2.8.3", Quantity.ENERGY_EXPORT_T3 },
                { "1-0:2.8.4", Quantity.ENERGY_EXPORT_T4 }, { "1-0:2.8.0", Quantity.ENERGY_EXPORT_TOTAL },
                { "1-0:3.8.0", Quantity.REACTIVE_ENERGY_IMPORT }, { "1-0:4.8.0", Quantity.REACTIVE_ENERGY_EXPORT },
                { "1-0:3.8.1", Quantity.REACTIVE_ENERGY_IMPORT_T1 },
                { "1-0:3.8.2", Quantity.REACTIVE_ENERGY_IMPORT_T2 },
                { "1-0:4.8.1", Quantity.REACTIVE_ENERGY_EXPORT_T1 },
                { "1-0:4.8.2", Quantity.REACTIVE_ENERGY_EXPORT_T2 }, { "1-0:5.8.0", Quantity.REACTIVE_ENERGY_Q1 },
                { "1-0:6.8.0", Quantity.REACTIVE_ENERGY_Q2 }, { "1-0:7.8.0", Quantity.REACTIVE_ENERGY_Q3 },
                { "1-0:8.8.0", Quantity.REACTIVE_ENERGY_Q4 }, { "1-0:15.8.0", Quantity.ENERGY_ABSOLUTE },
                { "0-0:96.14.0", Quantity.TARIFF }, { "1-0:1.7.0", Quantity.POWER_IMPORT },
                { "1-0:2.7.0", Quantity.POWER_EXPORT }, { "1-0:21.7.0", Quantity.POWER_IMPORT_L1 },
                { "1-0:41.7.0", Quantity.POWER_IMPORT_L2 }, { "1-0:61.7.0", Quantity.POWER_IMPORT_L3 },
                { "1-0:22.7.0", Quantity.POWER_EXPORT_L1 }, { "1-0:42.7.0", Quantity.POWER_EXPORT_L2 },
                { "1-0:62.7.0", Quantity.POWER_EXPORT_L3 }, { "1-0:3.7.0", Quantity.REACTIVE_POWER_IMPORT },
                { "1-0:4.7.0", Quantity.REACTIVE_POWER_EXPORT }, { "1-0:5.7.0", Quantity.REACTIVE_POWER_Q1 },
                { "1-0:6.7.0", Quantity.REACTIVE_POWER_Q2 }, { "1-0:7.7.0", Quantity.REACTIVE_POWER_Q3 },
                { "1-0:8.7.0", Quantity.REACTIVE_POWER_Q4 }, { "1-0:23.7.0", Quantity.REACTIVE_POWER_IMPORT_L1 },
                { "1-0:43.7.0", Quantity.REACTIVE_POWER_IMPORT_L2 },
                { "1-0:63.7.0", Quantity.REACTIVE_POWER_IMPORT_L3 },
                { "1-0:24.7.0", Quantity.REACTIVE_POWER_EXPORT_L1 },
                { "1-0:44.7.0", Quantity.REACTIVE_POWER_EXPORT_L2 },
                { "1-0:64.7.0", Quantity.REACTIVE_POWER_EXPORT_L3 }, { "1-0:9.7.0", Quantity.APPARENT_POWER_IMPORT },
                { "1-0:10.7.0", Quantity.APPARENT_POWER_EXPORT }, { "0-0:96.7.21", Quantity.POWER_FAILURES },
                { "0-0:96.7.9", Quantity.LONG_POWER_FAILURES }, { "1-0:32.32.0", Quantity.VOLTAGE_SAGS_L1 },
                { "1-0:52.32.0", Quantity.VOLTAGE_SAGS_L2 }, { "1-0:72.32.0", Quantity.VOLTAGE_SAGS_L3 },
                { "1-0:32.36.0", Quantity.VOLTAGE_SWELLS_L1 }, { "1-0:52.36.0", Quantity.VOLTAGE_SWELLS_L2 },
                { "1-0:72.36.0", Quantity.VOLTAGE_SWELLS_L3 }, { "1-0:32.7.0", Quantity.VOLTAGE_L1 },
                { "1-0:52.7.0", Quantity.VOLTAGE_L2 }, { "1-0:72.7.0", Quantity.VOLTAGE_L3 },
                { "1-0:31.7.0", Quantity.CURRENT_L1 }, { "1-0:51.7.0", Quantity.CURRENT_L2 },
                { "1-0:71.7.0", Quantity.CURRENT_L3 }, { "1-0:14.7.0", Quantity.FREQUENCY },
                { "1-0:13.7.0", Quantity.POWER_FACTOR }, { "1-0:33.7.0", Quantity.POWER_FACTOR_L1 },
                { "1-0:53.7.0", Quantity.POWER_FACTOR_L2 }, { "1-0:73.7.0", Quantity.POWER_FACTOR_L3 },
                { "0-0:96.3.10", Quantity.BREAKER_STATE }, { "1-0:31.4.0", Quantity.FUSE_THRESHOLD },
                { "1-0:51.4.0", Quantity.FUSE_THRESHOLD_L2 }, { "1-0:71.4.0", Quantity.FUSE_THRESHOLD_L3 },
                { "1-0:1.4.0", Quantity.AVERAGE_DEMAND } };
        for (Object[] r : rows) {
            QUANTITIES.put((String) r[0], (Quantity) r[1]);
        }
    }

    /** Identifiers of the electricity meter, most specific first (see the catalogue's priorities). */
    private static final List<String> ID_PREFERENCE = List.of("0-0:96.1.1", "0-0:96.1.0", "0-0:42.0.0", "1-0:0.0.0",
            "0-0:96.1.255");

    @TestFactory
    Stream<DynamicTest> everyPlaintextTelegramAgreesWithTheIndependentReading() {
        List<String> names = Corpus.plaintextNames();
        assertThat(names).hasSizeGreaterThanOrEqualTo(62);
        return names.stream().map(n -> dynamicTest(n, () -> checkPlaintext(n)));
    }

    @Test
    void theCorpusHasEveryCrcStatus() {
        Map<String, Integer> counts = new HashMap<>();
        for (String n : Corpus.plaintextNames()) {
            counts.merge(Corpus.expected(n).get("crc_status").getAsString(), 1, Integer::sum);
        }
        // the 62 plaintext files: every kind of CRC outcome is exercised
        assertThat(counts).containsEntry("valid", 32).containsEntry("valid_unpadded", 1).containsEntry("invalid", 17)
                .containsEntry("none", 10).containsEntry("unterminated", 2);
    }

    private void checkPlaintext(String name) {
        JsonObject exp = Corpus.expected(name);
        byte[] raw = Corpus.telegram(name);
        String status = exp.get("crc_status").getAsString();
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), raw);
        P1Telegram t;
        switch (status) {
            case "valid":
            case "valid_unpadded":
            case "none":
                assertThat(c.rejections).as("rejections").isEmpty();
                assertThat(c.telegrams).hasSize(1);
                t = c.telegrams.get(0);
                assertThat(t.crcChecked()).isEqualTo(!"none".equals(status));
                assertThat(t.raw()).isEqualTo(raw);
                break;
            case "invalid":
                assertThat(c.telegrams).as("a telegram with a wrong CRC is never emitted").isEmpty();
                assertThat(c.rejections).hasSize(1);
                Rejection r = c.rejections.get(0);
                assertThat(r.reason()).isEqualTo(Rejection.Reason.CRC_MISMATCH);
                assertThat(r.message()).contains(exp.get("crc_stated").getAsString())
                        .contains(exp.get("crc_computed").getAsString());
                assertThat(r.length()).isEqualTo(raw.length);
                t = TelegramParser.parse(raw, false);
                break;
            case "unterminated":
                // no '!' at all: a stream that ends there is cut short (TelegramDecoder's documented choice)
                assertThat(c.telegrams).isEmpty();
                assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.TRUNCATED);
                t = TelegramParser.parse(raw, false);
                break;
            default:
                throw new AssertionError("unexpected crc_status " + status);
        }
        assertThat(t.header()).isEqualTo(headerOf(raw));
        compare(name, t, exp);
    }

    static String headerOf(byte[] raw) {
        String s = new String(raw, StandardCharsets.ISO_8859_1);
        int end = s.indexOf('\r');
        return s.substring(1, end);
    }

    /** Every object dsmr_parser read must read the same for us. */
    static void compare(String name, P1Telegram t, JsonObject exp) {
        JsonObject obis = exp.getAsJsonObject("obis");
        String preferredId = null;
        for (String id : ID_PREFERENCE) {
            JsonObject v = obis.getAsJsonObject(id);
            if (v == null) {
                // the oracle may have it under a ".255"/"*255" spelling
                for (String k : obis.keySet()) {
                    if (normalise(k).equals(id)) {
                        v = obis.getAsJsonObject(k);
                    }
                }
            }
            if (v != null && !raw(v).isBlank()) {
                preferredId = raw(v).strip();
                break;
            }
        }
        for (Map.Entry<String, JsonElement> e : obis.entrySet()) {
            String written = e.getKey();
            JsonObject v = e.getValue().getAsJsonObject();
            String id = normalise(written);
            String what = name + " " + written;
            String[] parts = id.split("[-:]");
            int a = Integer.parseInt(parts[0]);
            int b = Integer.parseInt(parts[1]);
            String cde = parts[2];
            if (a == 0 && b >= 1 && b <= 4) {
                compareMBus(what, t, b, cde, v, emptySlot(obis, b));
                continue;
            }
            // B = 1 on an electricity object (Sagemcom XT211 "1-1:1.8.1") is the same object as B = 0;
            // 1-3:0.2.8 is the P1 version, a distinct object
            String key = a == 1 && b != 3 ? "1-0:" + cde : id;
            Quantity q = QUANTITIES.get(key);
            if (q != null) {
                assertNumber(what, t.get(q), v);
                continue;
            }
            switch (key) {
                case "0-0:1.0.0":
                    assertTime(what, t.timestamp(), v.get("value"), raw(v));
                    break;
                case "1-3:0.2.8":
                    assertThat(t.p1Version()).as(what).isEqualTo(raw(v));
                    break;
                case "0-0:96.1.4":
                    if (!obis.has("1-3:0.2.8")) {
                        assertThat(t.p1Version()).as(what + ": the e-MUCS version stands for the P1 version")
                                .isEqualTo(raw(v));
                    }
                    break;
                case "0-0:96.1.1":
                case "0-0:96.1.0":
                case "0-0:42.0.0":
                case "1-0:0.0.0":
                case "0-0:96.1.255":
                    assertThat(t.equipmentId()).as(what + " (the most specific identifier wins)")
                            .isEqualTo(preferredId);
                    break;
                case "0-0:96.13.0":
                    assertThat(t.textMessage()).as(what).isEqualTo(decodedText(raw(v)));
                    break;
                case "0-0:96.13.1":
                    assertThat(t.textCode()).as(what).isEqualTo(decodedText(raw(v)));
                    break;
                case "0-0:17.0.0": {
                    String unit = v.get("raw_unit").isJsonNull() ? "" : v.get("raw_unit").getAsString();
                    Quantity which = "A".equals(unit) ? Quantity.FUSE_THRESHOLD : Quantity.LIMITER_THRESHOLD;
                    assertNumber(what, t.get(which), v);
                    break;
                }
                case "1-0:99.97.0":
                    compareFailureLog(what, t.powerFailureLog(), v);
                    break;
                case "1-0:1.6.0": {
                    PeakDemand p = t.peakDemand();
                    assertThat(p).as(what).isNotNull();
                    assertTime(what, p.timestamp(), v.get("timestamp"), v.get("timestamp_raw").getAsString());
                    assertThat(BigDecimal.valueOf(p.kw())).as(what).isEqualByComparingTo(expectedNumber(v));
                    break;
                }
                case "0-0:98.1.0":
                    comparePeaks(what, t.peakDemandHistory(), v);
                    break;
                case "7-0:24.4.0": {
                    // ACE4000: the valve of the gas meter (medium A = 7)
                    MBusDevice gas = t.mbus(MBusDevice.Kind.GAS);
                    assertThat(gas).as(what).isNotNull();
                    assertThat(gas.valveState()).as(what).isEqualTo(Integer.parseInt(raw(v)));
                    break;
                }
                default:
                    // not catalogued: kept as sent
                    assertThat(t.unknown()).as(what + " kept as unknown").extracting(UnknownObject::obis)
                            .contains(written);
            }
        }
    }

    private static void compareMBus(String what, P1Telegram t, int channel, String cde, JsonObject v,
            boolean emptySlot) {
        MBusDevice d = null;
        for (MBusDevice m : t.mbus()) {
            if (m.channel() == channel) {
                d = m;
            }
        }
        if (emptySlot) {
            assertThat(d).as(what + ": a channel without identifier and reading is no device").isNull();
            return;
        }
        switch (cde) {
            case "24.1.0":
                if (raw(v).isBlank()) {
                    // "0-1:24.1.0()": no device type; the device may still exist by its reading
                    assertThat(d == null ? -1 : d.deviceType()).as(what).isEqualTo(-1);
                } else {
                    assertThat(d).as(what).isNotNull();
                    assertThat(d.deviceType()).as(what).isEqualTo(Integer.parseInt(raw(v)));
                }
                break;
            case "96.1.0":
            case "96.1.1":
                if (raw(v).isBlank()) {
                    assertThat(d == null ? null : d.serial()).as(what + ": an empty identifier is absent").isNull();
                } else {
                    assertThat(d).as(what).isNotNull();
                    assertThat(d.serial()).as(what).isEqualTo(raw(v).strip());
                }
                break;
            case "24.2.1":
            case "24.2.3":
            case "24.3.0":
                if (isNoReading(v)) {
                    assertThat(d == null || !d.hasValue()).as(what + ": 0 at a placeholder time is no reading")
                            .isTrue();
                    break;
                }
                assertThat(d).as(what).isNotNull();
                assertThat(BigDecimal.valueOf(d.value())).as(what).isEqualByComparingTo(expectedNumber(v));
                assertTime(what, d.timestamp(), v.get("timestamp"), v.get("timestamp_raw").getAsString());
                String unit = v.get("unit").isJsonNull() ? null : v.get("unit").getAsString();
                if (unit != null) {
                    assertThat(d.unit().symbol()).as(what).isEqualToIgnoringCase(unit);
                }
                break;
            case "24.4.0":
                if (d != null) {
                    assertThat(d.valveState()).as(what).isEqualTo(Integer.parseInt(raw(v)));
                }
                break;
            default:
                assertThat(t.unknown()).as(what + " kept as unknown").extracting(UnknownObject::obis)
                        .contains(String.valueOf(v.get("line").getAsString().split("\\(")[0]));
        }
    }

    /** The oracle's reading is 0 with a time that is no time (dsmr_parser: null, or 1970 / 2000). */
    private static boolean isNoReading(JsonObject v) {
        JsonElement tsRaw = v.get("timestamp_raw");
        if (tsRaw == null || tsRaw.isJsonNull() || expectedNumber(v).signum() != 0) {
            return false;
        }
        String ts = tsRaw.getAsString();
        JsonElement parsed = v.get("timestamp");
        return ts.startsWith("000101") || ts.startsWith("700101") || parsed == null || parsed.isJsonNull();
    }

    /** In the oracle's reading, channel {@code channel} has no identifier (empty or zeros) and no reading. */
    private static boolean emptySlot(JsonObject obis, int channel) {
        for (Map.Entry<String, JsonElement> e : obis.entrySet()) {
            String id = normalise(e.getKey());
            if (!id.startsWith("0-" + channel + ":")) {
                continue;
            }
            JsonObject v = e.getValue().getAsJsonObject();
            String cde = id.substring(id.indexOf(':') + 1);
            switch (cde) {
                case "96.1.0":
                case "96.1.1":
                    if (!raw(v).strip().replace("0", "").isEmpty()) {
                        return false;
                    }
                    break;
                case "24.2.1":
                case "24.2.3":
                case "24.3.0":
                    if (!isNoReading(v)) {
                        return false;
                    }
                    break;
                default:
                    break;
            }
        }
        return true;
    }

    private static void compareFailureLog(String what, List<PowerFailure> log, JsonObject v) {
        JsonArray buffer = v.getAsJsonArray("buffer");
        JsonArray groups = v.getAsJsonArray("raw_groups");
        assertThat(log).as(what).hasSize(buffer.size());
        for (int i = 0; i < buffer.size(); i++) {
            JsonObject entry = buffer.get(i).getAsJsonObject();
            PowerFailure f = log.get(i);
            assertThat(f.durationSeconds()).as(what + " entry " + i).isEqualTo(entry.get("value").getAsLong());
            assertTime(what + " entry " + i, f.end(), entry.get("timestamp"), groups.get(2 + 2 * i).getAsString());
        }
    }

    private static void comparePeaks(String what, List<PeakDemand> peaks, JsonObject v) {
        JsonArray expected = v.getAsJsonArray("peaks");
        JsonArray groups = v.getAsJsonArray("raw_groups");
        assertThat(peaks).as(what).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            JsonObject e = expected.get(i).getAsJsonObject();
            PeakDemand p = peaks.get(i);
            assertTime(what + " month " + i, p.month(), e.get("month"), groups.get(3 + 3 * i).getAsString());
            assertTime(what + " peak " + i, p.timestamp(), e.get("occurred"), groups.get(4 + 3 * i).getAsString());
            BigDecimal value = new BigDecimal(e.get("value").getAsString());
            String unit = e.get("unit").isJsonNull() ? "kW" : e.get("unit").getAsString();
            if ("W".equals(unit)) {
                value = value.movePointLeft(3);
            }
            assertThat(BigDecimal.valueOf(p.kw())).as(what + " value " + i).isEqualByComparingTo(value);
        }
    }

    private static void assertNumber(String what, double ours, JsonObject v) {
        assertThat(Double.isNaN(ours)).as(what + " is read").isFalse();
        assertThat(BigDecimal.valueOf(ours)).as(what).isEqualByComparingTo(expectedNumber(v));
    }

    /** The oracle's value, normalised to our units (Austrian meters and EasyMeter send Wh and W). */
    static BigDecimal expectedNumber(JsonObject v) {
        JsonElement value = v.get("value");
        BigDecimal n = new BigDecimal(value.getAsString());
        JsonElement ru = v.get("raw_unit");
        String unit = ru == null || ru.isJsonNull() ? "" : ru.getAsString();
        switch (unit.toLowerCase()) {
            case "wh":
            case "w":
            case "varh":
            case "var":
            case "va":
                return n.movePointLeft(3);
            default:
                return n;
        }
    }

    /**
     * Our timestamp against the oracle's (UTC). Placeholders "000101..." / "700101..." are "clock not set":
     * absent for us although dsmr_parser reads them as dates in 2000 and 1970.
     */
    static void assertTime(String what, @Nullable OffsetDateTime ours, @Nullable JsonElement expected, String rawText) {
        if (rawText.startsWith("000101") || rawText.startsWith("700101")) {
            assertThat(ours).as(what + ": placeholder " + rawText + " is absent").isNull();
            return;
        }
        if (expected == null || expected.isJsonNull()) {
            assertThat(ours).as(what + " (" + rawText + ")").isNull();
            return;
        }
        assertThat(ours).as(what).isNotNull();
        Instant want = OffsetDateTime.parse(expected.getAsString()).toInstant();
        LocalDateTime local = LocalDateTime.parse("20" + rawText.substring(0, 12),
                DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        ZoneOffset calendar = ZoneId.of("Europe/Amsterdam").getRules().getOffset(local);
        ZoneOffset flag = rawText.endsWith("S") ? ZoneOffset.ofHours(2)
                : rawText.endsWith("W") ? ZoneOffset.ofHours(1) : calendar;
        if (!flag.equals(calendar)) {
            // the meter's flag contradicts the calendar ("S" in February: the e-MUCS spec example, an Irish
            // meter). dsmr_parser goes by the Amsterdam calendar; the JSON contract says the flag decides.
            assertThat(want).as(what + ": oracle uses the calendar").isEqualTo(local.atOffset(calendar).toInstant());
            want = local.atOffset(flag).toInstant();
        }
        assertThat(ours.toInstant()).as(what).isEqualTo(want);
        if (rawText.endsWith("S")) {
            assertThat(ours.getOffset()).as(what + " summer time").isEqualTo(ZoneOffset.ofHours(2));
        } else if (rawText.endsWith("W")) {
            assertThat(ours.getOffset()).as(what + " winter time").isEqualTo(ZoneOffset.ofHours(1));
        }
    }

    private static String raw(JsonObject v) {
        JsonElement r = v.get("raw");
        return r == null || r.isJsonNull() ? "" : r.getAsString();
    }

    /** What a text message says: hex payloads decoded (trailing NUL/space padding dropped), null when empty. */
    private static @Nullable String decodedText(String raw) {
        String s = raw.replace("\r", "").replace("\n", "");
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() % 2 != 0 || !s.matches("[0-9A-Fa-f]+")) {
            return s;
        }
        byte[] bytes = Corpus.hex(s);
        int len = bytes.length;
        while (len > 0 && (bytes[len - 1] == 0 || bytes[len - 1] == ' ')) {
            len--;
        }
        return len == 0 ? null : new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    /** "1-0:31.7.0.255", "1-0:1.8.0*255", "1-0:99:97.0" -> "1-0:31.7.0", "1-0:1.8.0", "1-0:99.97.0". */
    static String normalise(String obis) {
        String[] p = obis.split("[-:.*]");
        return p[0] + "-" + p[1] + ":" + p[2] + "." + p[3] + "." + p[4];
    }
}
