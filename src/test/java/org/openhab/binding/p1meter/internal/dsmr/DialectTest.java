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

import java.time.OffsetDateTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * What dsmr_parser does not read (so the conformance test cannot check it), checked against values read by
 * hand from the corpus files: units without '*', values without unit, Smarty extras, EasyMeter and ACE4000,
 * the DSMR 4.0 spec typos, B = 1 ids, placeholders, M-Bus channels without a reading.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class DialectTest {

    private static P1Telegram read(String name) {
        return TelegramParser.parse(Corpus.telegram(name), false);
    }

    @Test
    void fluviusUnitsWithoutStar() {
        // 1-0:1.8.1(000123.456kWh) ... 1-0:31.7.0(005A), 0-0:17.0.0(999.9kW), 1-0:31.4.0(999A)
        P1Telegram t = read("fluvius_emucs_flu5_openhab");
        assertThat(t.get(Quantity.ENERGY_IMPORT_T1)).isEqualTo(123.456);
        assertThat(t.get(Quantity.ENERGY_IMPORT_T2)).isEqualTo(234.567);
        assertThat(t.get(Quantity.ENERGY_EXPORT_T1)).isEqualTo(345.678);
        assertThat(t.get(Quantity.ENERGY_EXPORT_T2)).isEqualTo(456.789);
        assertThat(t.get(Quantity.POWER_IMPORT)).isEqualTo(1.234);
        assertThat(t.get(Quantity.POWER_EXPORT)).isEqualTo(0.0);
        assertThat(t.get(Quantity.VOLTAGE_L1)).isEqualTo(234.5);
        assertThat(t.get(Quantity.CURRENT_L1)).isEqualTo(5.0);
        assertThat(t.get(Quantity.LIMITER_THRESHOLD)).isEqualTo(999.9);
        assertThat(t.get(Quantity.FUSE_THRESHOLD)).isEqualTo(999.0);
        assertThat(t.p1Version()).isEqualTo("50213");
        assertThat(t.unknown()).isEmpty();
    }

    @Test
    void fluviusPlaceholderGasTimestamp() {
        // 0-1:24.2.3(632525252525W)(00000.000): the registered gas meter (it has an identifier) sent no reading;
        // a zero at a placeholder time is "no reading", not 0 m3
        P1Telegram t = read("fluvius_emucs_flu5_invalid_gas_openhab");
        MBusDevice gas = t.mbus(MBusDevice.Kind.GAS);
        assertThat(gas).isNotNull();
        assertThat(gas.serial()).isEqualTo("1234567890123456789012345678");
        assertThat(gas.timestamp()).isNull();
        assertThat(gas.hasValue()).isFalse();
        assertThat(gas.unit()).isEqualTo(Quantity.Unit.NONE);
        assertThat(gas.valveState()).isEqualTo(0);
        assertThat(TelegramJson.toJson(t)).contains("\"gasSn\":\"1234567890123456789012345678\"")
                .doesNotContain("\"gas\":").doesNotContain("totalUse");
    }

    @Test
    void smartyValuesWithoutUnitAndExtras() {
        // 1-0:3.7.0(00.000), 1-0:4.7.0(00.007), 0-0:17.0.0(77.376), 1-0:3.8.0(000000.818*kvarh)
        P1Telegram t = read("smarty_lux5_openhab");
        assertThat(t.get(Quantity.REACTIVE_POWER_IMPORT)).isEqualTo(0.0);
        assertThat(t.get(Quantity.REACTIVE_POWER_EXPORT)).isEqualTo(0.007);
        assertThat(t.get(Quantity.LIMITER_THRESHOLD)).isEqualTo(77.376);
        assertThat(t.get(Quantity.REACTIVE_ENERGY_IMPORT)).isEqualTo(0.818);
        assertThat(t.get(Quantity.REACTIVE_ENERGY_EXPORT)).isEqualTo(2.745);
        assertThat(t.get(Quantity.BREAKER_STATE)).isEqualTo(1.0);
        // 0-0:42.0.0 is the Smarty's identifier
        assertThat(t.equipmentId()).isEqualTo("53414731303330373030313134303034");
        // the empty 0-0:96.13.2..5 lines are kept, not lost
        assertThat(t.unknown()).extracting(UnknownObject::obis).containsExactly("0-0:96.13.2", "0-0:96.13.3",
                "0-0:96.13.4", "0-0:96.13.5");
    }

    @Test
    void smartySpecExampleFourChannelsAndPhaseReactivePower() {
        P1Telegram t = read("smarty_lux5_spec_athom");
        // 1-1:31.4.0(100*A)(-063*A): the first value is the limit
        assertThat(t.get(Quantity.FUSE_THRESHOLD)).isEqualTo(100.0);
        assertThat(t.get(Quantity.LIMITER_THRESHOLD)).isEqualTo(69.0); // 0-0:17.0.0(069.0*kVA)
        assertThat(t.get(Quantity.APPARENT_POWER_IMPORT)).isEqualTo(0.021);
        assertThat(t.get(Quantity.REACTIVE_POWER_IMPORT_L1)).isEqualTo(0.0);
        // channels 2 and 3: device type 007, 96.1.0() and 24.2.1(632525252525S)(00000.000): slots kept for water
        // meters to come, no devices
        assertThat(t.mbus()).extracting(MBusDevice::channel).containsExactly(1, 4);
        assertThat(t.mbus()).extracting(MBusDevice::deviceType).containsExactly(3, 3);
        assertThat(t.mbus(MBusDevice.Kind.WATER)).isNull();
        MBusDevice gas4 = t.mbus().get(1);
        assertThat(gas4.value()).isEqualTo(28.103);
        assertThat(gas4.timestamp()).isEqualTo(OffsetDateTime.parse("2020-07-06T10:29:00+02:00"));
        // two gas meters reporting minutes apart are equally new: the lower channel is "the" gas meter
        assertThat(t.mbus(MBusDevice.Kind.GAS).channel()).isEqualTo(1);
    }

    @Test
    void easyMeterQ3dStarSuffixesAndWatts() {
        // 1-0:1.8.0*255(00052185.7825309*kWh), 1-0:21.7.0*255(000747.85*W), 1-0:1.7.0*255(002124.86*W)
        P1Telegram t = read("q3d_esy5q3db1024_v304");
        assertThat(t.get(Quantity.ENERGY_IMPORT_TOTAL)).isEqualTo(52185.7825309);
        assertThat(t.get(Quantity.ENERGY_EXPORT_TOTAL)).isEqualTo(19949.3221493);
        assertThat(t.get(Quantity.POWER_IMPORT_L1)).isEqualTo(0.74785);
        assertThat(t.get(Quantity.POWER_IMPORT)).isEqualTo(2.12486);
        assertThat(t.equipmentId()).isEqualTo("0272031312565"); // 1-0:0.0.0*255
        assertThat(t.unknown()).extracting(UnknownObject::obis).containsExactly("1-0:96.5.5*255");
    }

    @Test
    void ace4000() {
        P1Telegram t = read("ace4000_openhab");
        assertThat(t.get(Quantity.ENERGY_IMPORT_TOTAL)).isEqualTo(12345.074);
        assertThat(t.get(Quantity.POWER_ABSOLUTE)).isEqualTo(0.123); // 1-0:15.7.0*255(000123*W)
        assertThat(t.get(Quantity.FUSE_THRESHOLD)).isEqualTo(85.0); // 0-0:17.0.0*255(0085*A)
        assertThat(t.equipmentId()).isEqualTo("1234567890123456");
        // 0-3:96.1.0*255(12345678 ): the gas meter's padded id on channel 3; its reading is the latest
        // of the 24 hourly profile values 7-0:23.1.0*255(value*m3)(YY-MM-DD hh:mm:ss), which are not in time
        // order: 7-0:23.1.0*255(01240.690*m3)(19-01-01 13:00:00); valve 7-0:24.4.0*255(0)
        assertThat(t.mbus()).hasSize(1);
        MBusDevice gas = t.mbus().get(0);
        assertThat(gas.channel()).isEqualTo(3);
        assertThat(gas.serial()).isEqualTo("12345678");
        assertThat(gas.kind()).isEqualTo(MBusDevice.Kind.GAS);
        assertThat(gas.value()).isEqualTo(1240.69);
        assertThat(gas.unit()).isEqualTo(Quantity.Unit.M3);
        assertThat(gas.timestamp()).isEqualTo(OffsetDateTime.parse("2019-01-01T13:00:00+01:00"));
        assertThat(gas.valveState()).isEqualTo(0);
        assertThat(t.unknown()).isEmpty();
    }

    @Test
    void dsmr40SpecTypos() {
        // 1-0:99:97.0(2)(0:96.7.19)(101208152415W)(0000000240*s)(101208151004W)(00000000301*s), 1-0:72:32.0(00000)
        P1Telegram t = read("dsmr40_isk_spec_typos_athom");
        assertThat(t.header()).isEqualTo("ISk5\\2MT382-1 000");
        assertThat(t.powerFailureLog()).containsExactly(
                new PowerFailure(OffsetDateTime.parse("2010-12-08T15:24:15+01:00"), 240),
                new PowerFailure(OffsetDateTime.parse("2010-12-08T15:10:04+01:00"), 301));
        assertThat(t.get(Quantity.VOLTAGE_SAGS_L3)).isEqualTo(0.0);
        assertThat(t.get(Quantity.LIMITER_THRESHOLD)).isEqualTo(16.1);
    }

    @Test
    void sagemcomXt211IdsWithB1() {
        P1Telegram t = read("sagemcom_xt211_athom");
        assertThat(t.get(Quantity.ENERGY_IMPORT_T1)).isEqualTo(1595.07); // 1-1:1.8.1(001595.070*kWh)
        assertThat(t.get(Quantity.POWER_IMPORT)).isEqualTo(1.622);
        assertThat(t.peakDemand())
                .isEqualTo(new PeakDemand(null, OffsetDateTime.parse("2025-03-15T01:45:00+01:00"), 15.206));
        assertThat(t.get(Quantity.AVERAGE_DEMAND)).isEqualTo(0.288);
        assertThat(t.timestamp()).isNull(); // 123412341234W
        assertThat(t.peakDemandHistory()).isEmpty();
        assertThat(t.unknown()).extracting(UnknownObject::obis).contains("0-0:98.1.0", "0-0:0.0.0", "0-0:96.1.2");
        assertThat(t.p1Version()).isEqualTo("12345");
    }

    @Test
    void kamstrupCapitalVarAndInvalidClock() {
        P1Telegram t = read("kamstrup_omnia_se_athom");
        assertThat(t.timestamp()).isNull(); // 250000000000W: month 00
        assertThat(t.get(Quantity.REACTIVE_ENERGY_IMPORT)).isEqualTo(1234.432); // kVArh
        assertThat(t.get(Quantity.REACTIVE_POWER_IMPORT)).isEqualTo(1.229); // kVAr
        assertThat(t.get(Quantity.REACTIVE_POWER_IMPORT_L3)).isEqualTo(0.348);
    }

    @Test
    void syntheticStressTelegram() {
        P1Telegram t = read("synthetic_kfm_esphome");
        // 0-0:98.1.0 mixing kW and W: (04.329*kW) and (04529*W)
        assertThat(t.peakDemandHistory()).extracting(PeakDemand::kw).containsExactly(4.329, 4.529);
        // unbalanced parentheses and unknown objects never fail the telegram; what follows them is read
        assertThat(t.unknown()).extracting(UnknownObject::obis).contains("1-0:1.8.11", "1-0:0.2.0", "1-1:0.2.0",
                "1-1:0.2.8", "1-0:16.24.0", "1-0:99.1.0");
        assertThat(t.unknown()).filteredOn(u -> u.obis().equals("1-0:16.24.0")).extracting(UnknownObject::values)
                .containsExactly(java.util.List.of("-03.618*kW"));
        assertThat(t.mbus(MBusDevice.Kind.GAS).valveState()).isEqualTo(1); // 0-1:24.4.0(1) after the broken lines
        assertThat(t.get(Quantity.POWER_FACTOR_L3)).isEqualTo(0.987);
    }

    @Test
    void mcsPlaceholdersAndDurationsWithoutUnit() {
        // 1-0:99.97.0(4)(0-0:96.7.19)(000000000000S)(23)(000000000000W)(00000000)(000000000000W)(8)(...)(14)
        P1Telegram t = read("dsmr50_mcs_dsmr5rs");
        assertThat(t.timestamp()).isNull();
        assertThat(t.powerFailureLog()).extracting(PowerFailure::durationSeconds).containsExactly(23L, 0L, 8L, 14L);
        assertThat(t.powerFailureLog()).extracting(PowerFailure::end).containsOnlyNulls();
        // 0-1:24.1.0() 0-1:96.1.0() 0-1:24.2.1(000101000000W)(00000000.0000): no type, no id, 0 at a placeholder
        // time: an empty slot, no device
        assertThat(t.mbus()).isEmpty();
        assertThat(TelegramJson.toJson(t)).doesNotContain("mbus").doesNotContain("gas");
    }

    @Test
    void dsmr22GasOnTheNextLineAndClockWithoutFlag() {
        // 0-1:24.3.0(120517020000)(08)(60)(1)(0-1:24.2.1)(m3) then (00124.477) on the next line
        MBusDevice gas = read("dsmr22_kmp5_athom").mbus(MBusDevice.Kind.GAS);
        assertThat(gas.value()).isEqualTo(124.477);
        assertThat(gas.unit()).isEqualTo(Quantity.Unit.M3);
        // no S/W flag: Europe/Amsterdam rules, May = summer time
        assertThat(gas.timestamp()).isEqualTo(OffsetDateTime.parse("2012-05-17T02:00:00+02:00"));
        assertThat(gas.timestamp().getOffset().getTotalSeconds()).isEqualTo(7200);
    }

    @Test
    void textMessageSplitOverTwoLines() {
        P1Telegram t = read("dsmr40_isk_mt382_spec_openhab");
        // "303132333435363738393A3B3C3D3E3F" five times, broken after the third "3C"
        assertThat(t.textMessage()).isEqualTo("0123456789:;<=>?".repeat(5));
        assertThat(t.textCode()).isEqualTo("01 61 81");
        assertThat(t.get(Quantity.CURRENT_L1)).isEqualTo(1.0); // 1-0:31.7.0.255(001*A) on the line after
    }

    @Test
    void aMalformedLineNeverFailsTheRest() {
        String good = new String(Corpus.telegram("dsmr50_isk_am550_openhab"),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        String bad = good.replace("1-0:1.8.2(000071.546*kWh)", "1-0:1.8.2(000071.546*kWh")
                .replace("1-0:2.8.1(000000.000*kWh)", "1-0:2.8.1(abc*kWh)")
                .replace("0-0:96.14.0(0001)", "garbage line )(")
                .replace("1-0:32.7.0(234.8*V)", "1-0:32.7.0(234.8*parsec)");
        P1Telegram t = TelegramParser.parse(bad.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), false);
        assertThat(t.has(Quantity.ENERGY_IMPORT_T2)).isFalse();
        assertThat(t.has(Quantity.ENERGY_EXPORT_T1)).isFalse();
        assertThat(t.has(Quantity.TARIFF)).isFalse();
        assertThat(t.has(Quantity.VOLTAGE_L1)).isFalse();
        assertThat(t.unknown()).hasSize(4);
        // everything else is still there
        assertThat(t.get(Quantity.ENERGY_IMPORT_T1)).isEqualTo(156.167);
        assertThat(t.get(Quantity.ENERGY_EXPORT_T2)).isEqualTo(0.0);
        assertThat(t.get(Quantity.POWER_IMPORT)).isEqualTo(0.519);
        assertThat(t.get(Quantity.VOLTAGE_L2)).isEqualTo(232.1);
        assertThat(t.mbus(MBusDevice.Kind.GAS).value()).isEqualTo(212.529);
    }
}
