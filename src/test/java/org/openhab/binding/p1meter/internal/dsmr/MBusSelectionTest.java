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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Which M-Bus device is the gas (water, heat) meter, and what is no device at all: the situations meters send
 * (corpus telegrams and {@link MBusCases}), read as a user would from the JSON reading.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class MBusSelectionTest {

    private static P1Telegram decode(byte[] raw, MBusSelection selection) {
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext().withMBus(selection), raw);
        assertThat(c.rejections).isEmpty();
        assertThat(c.telegrams).hasSize(1);
        return c.telegrams.get(0);
    }

    private static P1Telegram corpus(String name) {
        return decode(Corpus.telegram(name), MBusSelection.NEWEST);
    }

    private static JsonObject json(P1Telegram t) {
        return JsonParser.parseString(TelegramJson.toJson(t)).getAsJsonObject();
    }

    private static List<Integer> mbusChannels(JsonObject reading) {
        JsonElement mbus = reading.get("mbus");
        return mbus == null ? List.of()
                : mbus.getAsJsonArray().asList().stream().map(e -> e.getAsJsonObject().get("channel").getAsInt())
                        .toList();
    }

    @Test
    void anEmptySlotIsNoDeviceAndTheGasMeterOnChannel2IsGas() {
        // 0-1:96.1.0() 0-1:24.2.1(700101010000W)(00000000); the gas meter 0-2:24.2.1(200426223001S)(00246.138*m3)
        JsonObject r = json(corpus(MBusCases.TWO_MBUS));
        assertThat(mbusChannels(r)).containsExactly(2);
        JsonObject gas = r.getAsJsonObject("gas");
        assertThat(gas.get("totalUse").getAsDouble()).isEqualTo(246.138);
        assertThat(gas.get("ts").getAsString()).isEqualTo("2020-04-26T22:30:01+02:00");
        assertThat(r.get("gasSn").getAsString()).isEqualTo(MBusCases.LIVE_GAS_SERIAL);
        assertThat(r.get("deviceType").getAsString()).isEqualTo("003");
        assertThat(TelegramJson.toJson(corpus(MBusCases.TWO_MBUS))).doesNotContain("\"totalUse\":0,")
                .doesNotContain("\"value\":0");
    }

    @Test
    void aReplacedGasMeterStillRegisteredOnChannel1GivesWayToTheLiveOne() {
        P1Telegram t = decode(MBusCases.replacedGasMeter(), MBusSelection.NEWEST);
        JsonObject r = json(t);
        // both are devices (each has an identifier and a reading) ...
        assertThat(mbusChannels(r)).containsExactly(1, 2);
        // ... and the one with today's reading is the gas meter, as smartmeter2mqtt's "gas" has it
        assertThat(r.getAsJsonObject("gas").get("totalUse").getAsDouble()).isEqualTo(6805.499);
        assertThat(r.get("gasSn").getAsString()).isEqualTo(MBusCases.LIVE_GAS_SERIAL);
        assertThat(t.mbus(MBusDevice.Kind.GAS).channel()).isEqualTo(2);
    }

    @Test
    void aPinByChannelOrSerialChoosesAnotherMeter() {
        for (String pin : List.of("1", MBusCases.OLD_GAS_SERIAL, MBusCases.OLD_GAS_PRINTED,
                MBusCases.OLD_GAS_PRINTED.toLowerCase())) {
            P1Telegram t = decode(MBusCases.replacedGasMeter(), MBusSelection.of(pin, null, null));
            JsonObject r = json(t);
            assertThat(r.getAsJsonObject("gas").get("totalUse").getAsDouble()).as(pin).isEqualTo(1.287);
            assertThat(r.get("gasSn").getAsString()).as(pin).isEqualTo(MBusCases.OLD_GAS_SERIAL);
            assertThat(mbusChannels(r)).as("every device stays in the list").containsExactly(1, 2);
        }
    }

    @Test
    void aPinnedMeterThatIsNotInTheTelegramLeavesGasOut() {
        P1Telegram t = decode(MBusCases.replacedGasMeter(), MBusSelection.of("3", null, null));
        JsonObject r = json(t);
        assertThat(r.has("gas")).isFalse();
        assertThat(r.has("gasSn")).isFalse();
        assertThat(r.has("deviceType")).isFalse();
        assertThat(mbusChannels(r)).containsExactly(1, 2);
    }

    @Test
    void aPinOnlyNamesADeviceOfItsKind() {
        // Fluvius: gas on channel 1, water on channel 2; a gas pin on 2 does not make the water meter gas
        P1Telegram t = decode(Corpus.telegram("fluvius_emucs_flu5_v171"), MBusSelection.of("2", "2", null));
        assertThat(t.mbus(MBusDevice.Kind.GAS)).isNull();
        assertThat(t.mbus(MBusDevice.Kind.WATER).channel()).isEqualTo(2);
        assertThat(json(t).getAsJsonObject("water").get("totalUse").getAsDouble()).isEqualTo(872.234);
    }

    @Test
    void twoLiveGasMetersMinutesApartKeepTheLowerChannelUnlessPinned() {
        // Smarty spec example: gas on 1 (10:31:40, 0.006 m3) and on 4 (10:29:00, 28.103 m3), 2 and 3 empty slots
        // (its CRC does not verify, so it is read with the parser directly)
        byte[] raw = Corpus.telegram("smarty_lux5_spec_athom");
        P1Telegram t = TelegramParser.parse(raw, false);
        assertThat(t.mbus()).extracting(MBusDevice::channel).containsExactly(1, 4);
        assertThat(t.mbus(MBusDevice.Kind.GAS).value()).isEqualTo(0.006);
        assertThat(t.mbus(MBusDevice.Kind.WATER)).as("the water slots are empty").isNull();
        P1Telegram pinned = new TelegramParser(MBusSelection.of("4", null, null)).read(raw, false);
        assertThat(pinned.mbus(MBusDevice.Kind.GAS).value()).isEqualTo(28.103);
    }

    @Test
    void aGasMeterOnChannel2AloneIsGas() {
        // the Kaifa of smartmeter2mqtt's README: 0-2:24.2.1(190514210000S)(01543.012*m3)
        JsonObject r = json(corpus("dsmr42_kfm_smartmeter2mqtt"));
        assertThat(r.getAsJsonObject("gas").get("totalUse").getAsDouble()).isEqualTo(1543.012);
        assertThat(mbusChannels(r)).containsExactly(2);
    }

    @Test
    void slotsWithATypeAndNothingElseAreNoDevices() {
        // openHAB's unregistered_meter: 0-1:24.1.0(003) 0-1:96.1.0(000...0), no reading
        assertThat(corpus("dsmr42_xmx_unregistered_openhab").mbus()).isEmpty();
        assertThat(TelegramJson.toJson(corpus("dsmr42_xmx_unregistered_openhab"))).doesNotContain("gas")
                .doesNotContain("deviceType").doesNotContain("mbus");
        // dsmr_parser's V5 example: gas on 1, and 0-2:24.1.0(003) 0-2:96.1.0() without a reading
        assertThat(corpus("dsmr50_isk_mt382").mbus()).extracting(MBusDevice::channel).containsExactly(1);
        // the Rust dsmr5 crate's MCS meter: 0-1:24.1.0() 0-1:96.1.0() 0-1:24.2.1(000101000000W)(00000000.0000)
        assertThat(corpus("dsmr50_mcs_dsmr5rs").mbus()).isEmpty();
    }

    @Test
    void anAllZeroIdentifierWithARealReadingIsStillADevice() {
        // arduino-dsmr's Kaifa: 0-1:96.1.0(0000000000000000000000000000000000) 0-1:24.2.1(150117180000W)(00473.789*m3)
        MBusDevice gas = corpus("dsmr40_kfm_arduino").mbus(MBusDevice.Kind.GAS);
        assertThat(gas).isNotNull();
        assertThat(gas.value()).isEqualTo(473.789);
    }

    @Test
    void newestByDayThenLowestChannel() {
        OffsetDateTime t0 = OffsetDateTime.parse("2025-03-01T10:00:00+01:00");
        MBusDevice ch1 = gas(1, t0, 10);
        MBusDevice ch2 = gas(2, t0.plusHours(20), 20);
        MBusDevice ch3 = gas(3, t0.plusHours(30), 30);
        // ch3 is the newest; ch2 is within a day of it and on a lower channel; ch1 is more than a day older
        assertThat(select(ch1, ch2, ch3)).isEqualTo(ch2);
        assertThat(select(ch1, ch3)).isEqualTo(ch3);
        assertThat(select(ch1, gas(2, t0.plusHours(23), 2))).isEqualTo(ch1);
        // a reading beats a registered meter that sent none, a time beats no time
        MBusDevice silent = new MBusDevice(1, MBusDevice.TYPE_GAS, "G1", null, Double.NaN, Quantity.Unit.NONE, -1);
        MBusDevice untimed = new MBusDevice(2, MBusDevice.TYPE_GAS, "G2", null, 5, Quantity.Unit.M3, -1);
        assertThat(select(silent, untimed)).isEqualTo(untimed);
        assertThat(select(silent, untimed, ch3)).isEqualTo(ch3);
        assertThat(select(silent)).as("a meter without reading is still the gas meter (its serial)").isEqualTo(silent);
        assertThat(select()).isNull();
    }

    @Test
    void pinsThatAreNoChannelSayWhatIsWrong() {
        assertThatThrownBy(() -> MBusSelection.of("5", null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("gas meter: an M-Bus channel is 1, 2, 3 or 4 (or give the meter's serial number), not 5");
        assertThatThrownBy(() -> MBusSelection.of(null, "0", null)).hasMessageStartingWith("water meter:");
        assertThat(MBusSelection.of(" ", "", null)).isSameAs(MBusSelection.NEWEST);
        assertThat(MBusSelection.of(" 2 ", null, null).pin(MBusDevice.Kind.GAS))
                .isEqualTo(new MBusSelection.Pin(2, null));
        assertThat(MBusSelection.of(null, null, "G123").pin(MBusDevice.Kind.HEAT))
                .isEqualTo(new MBusSelection.Pin(0, "G123"));
    }

    private static MBusDevice gas(int channel, OffsetDateTime ts, double value) {
        return new MBusDevice(channel, MBusDevice.TYPE_GAS, "G" + channel, ts, value, Quantity.Unit.M3, -1);
    }

    private static @Nullable MBusDevice select(MBusDevice... devices) {
        return new P1Telegram.Builder().mbus(List.of(devices)).build().mbus(MBusDevice.Kind.GAS);
    }
}
