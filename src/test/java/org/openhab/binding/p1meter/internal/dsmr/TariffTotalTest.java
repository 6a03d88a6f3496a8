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

import java.math.BigDecimal;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * The energy totals, made in one place ({@link P1Telegram#total}): the meter's own total register when it sends
 * one, else the exact sum of the tariff registers it sends. Expected values are the telegrams' own lines.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class TariffTotalTest {

    private static P1Telegram telegram(String name) {
        return Corpus.decode(DecoderConfig.plaintext(), Corpus.telegram(name)).telegrams.get(0);
    }

    @Test
    void aDutchMeterWithoutATotalRegisterGetsTheExactSumOfItsTariffs() {
        P1Telegram t = telegram("dsmr50_isk_am550_openhab");
        // 1-0:1.8.1(000156.167*kWh) + 1-0:1.8.2(000071.546*kWh), no 1-0:1.8.0: 227.713, no binary noise
        assertThat(t.has(Quantity.ENERGY_IMPORT_TOTAL)).isFalse();
        assertThat(t.tariffsOf(Quantity.ENERGY_IMPORT_TOTAL)).containsExactly(Quantity.ENERGY_IMPORT_T1,
                Quantity.ENERGY_IMPORT_T2);
        assertThat(t.total(Quantity.ENERGY_IMPORT_TOTAL)).isEqualByComparingTo(new BigDecimal("227.713"));
    }

    @Test
    void aMeterThatSendsItsOwnTotalIsBelieved() {
        // 1-0:1.8.0(000173.640*kWh), while its tariffs 47.719 + 125.921 + 0 + 0 also make 173.640
        P1Telegram t = telegram("eon_hu_sag5");
        assertThat(t.total(Quantity.ENERGY_IMPORT_TOTAL)).isEqualByComparingTo(new BigDecimal("173.640"));
    }
}
