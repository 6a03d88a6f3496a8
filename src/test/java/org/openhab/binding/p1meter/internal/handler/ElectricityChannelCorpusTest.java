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

import java.math.BigDecimal;

import javax.measure.Unit;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.reader.TestTelegrams;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.QuantityType;
import org.openhab.core.library.unit.MetricPrefix;
import org.openhab.core.library.unit.Units;
import org.openhab.core.types.State;

/**
 * The channels beyond the Dutch basics (reactive and apparent power, frequency, power factor, breaker, limiter
 * and fuse thresholds) against the values an independent parser read from corpus telegrams of the meters that
 * send them, converted to the unit given there.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class ElectricityChannelCorpusTest {

    private static final String EON = "eon_hu_sag5";
    private static final String AUSTRIA = "sagemcom_t210dr_est5_dsmrparser";
    private static final String FLUVIUS = "fluvius_emucs_flu5_v171";

    /** The channel's state in the unit the expected value is written in. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static BigDecimal value(ElectricityChannel channel, P1Telegram t, Unit<?> unit) {
        State s = channel.stateOf(t);
        assertThat(s).as(channel.id()).isInstanceOf(QuantityType.class);
        QuantityType<?> converted = ((QuantityType) s).toUnit((Unit) unit);
        assertThat(converted).as(channel.id() + " in " + unit).isNotNull();
        return converted.toBigDecimal();
    }

    private static void assertValue(ElectricityChannel channel, String file, String obis, Unit<?> unit) {
        BigDecimal expected = new BigDecimal(TestTelegrams.expectedOrFail(file, obis));
        assertThat(value(channel, TestTelegrams.telegram(file), unit)).as(channel.id()).isEqualByComparingTo(expected);
    }

    @Test
    void hungarianMeterGridValues() {
        assertValue(ElectricityChannel.of(Quantity.FREQUENCY), EON, "1-0:14.7.0", Units.HERTZ);
        assertValue(ElectricityChannel.of(Quantity.POWER_FACTOR), EON, "1-0:13.7.0", Units.ONE);
        assertValue(ElectricityChannel.of(Quantity.REACTIVE_ENERGY_IMPORT), EON, "1-0:3.8.0", Units.KILOVAR_HOUR);
        assertValue(ElectricityChannel.of(Quantity.REACTIVE_ENERGY_EXPORT), EON, "1-0:4.8.0", Units.KILOVAR_HOUR);
        assertValue(ElectricityChannel.of(Quantity.LIMITER_THRESHOLD), EON, "0-0:17.0.0",
                MetricPrefix.KILO(Units.WATT));
        assertValue(ElectricityChannel.of(Quantity.FUSE_THRESHOLD), EON, "1-0:31.4.0", Units.AMPERE);
        assertThat(ElectricityChannel.of(Quantity.BREAKER_STATE).stateOf(TestTelegrams.telegram(EON)))
                .isEqualTo(new DecimalType(new BigDecimal(TestTelegrams.expectedOrFail(EON, "0-0:96.3.10"))));
    }

    @Test
    void austrianMeterReactiveValuesSentInVarAndVarh() {
        assertValue(ElectricityChannel.of(Quantity.REACTIVE_POWER_IMPORT), AUSTRIA, "1-0:3.7.0", Units.VAR);
        assertValue(ElectricityChannel.of(Quantity.REACTIVE_POWER_EXPORT), AUSTRIA, "1-0:4.7.0", Units.VAR);
        assertValue(ElectricityChannel.of(Quantity.REACTIVE_ENERGY_IMPORT), AUSTRIA, "1-0:3.8.0", Units.VAR_HOUR);
        assertValue(ElectricityChannel.of(Quantity.REACTIVE_ENERGY_EXPORT), AUSTRIA, "1-0:4.8.0", Units.VAR_HOUR);
        // shown like active power: var, not kvar
        assertThat(((QuantityType<?>) ElectricityChannel.of(Quantity.REACTIVE_POWER_EXPORT)
                .stateOf(TestTelegrams.telegram(AUSTRIA))).getUnit()).isEqualTo(Units.VAR);
    }

    @Test
    void belgianMeterBreakerAndThresholds() {
        P1Telegram t = TestTelegrams.telegram(FLUVIUS);
        assertThat(ElectricityChannel.of(Quantity.BREAKER_STATE).stateOf(t))
                .isEqualTo(new DecimalType(new BigDecimal(TestTelegrams.expectedOrFail(FLUVIUS, "0-0:96.3.10"))));
        assertValue(ElectricityChannel.of(Quantity.LIMITER_THRESHOLD), FLUVIUS, "0-0:17.0.0",
                MetricPrefix.KILO(Units.WATT));
        assertValue(ElectricityChannel.of(Quantity.FUSE_THRESHOLD), FLUVIUS, "1-0:31.4.0", Units.AMPERE);
        // a Belgian meter sends no grid frequency or reactive power: no state, so no channel
        assertThat(ElectricityChannel.of(Quantity.FREQUENCY).stateOf(t)).isNull();
        assertThat(ElectricityChannel.of(Quantity.REACTIVE_POWER_IMPORT).stateOf(t)).isNull();
    }
}
