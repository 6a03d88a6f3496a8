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
package org.openhab.binding.p1meter.internal.output.web;

import java.time.OffsetDateTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;

/**
 * Telegrams for the dashboard tests.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class WebTelegrams {

    private WebTelegrams() {
    }

    /** A three-phase DSMR 5 telegram with the given import and export power (kW) and meter time. */
    static P1Telegram telegram(double importKw, double exportKw, String time) {
        return new P1Telegram.Builder().header("ISK5\\2M550T-1012").crcChecked(true).p1Version("50")
                .timestamp(OffsetDateTime.parse(time)).equipmentId("4530303434303037313331363530363137")
                .set(Quantity.TARIFF, 2).set(Quantity.ENERGY_IMPORT_T1, 1234.567)
                .set(Quantity.ENERGY_IMPORT_T2, 2345.678).set(Quantity.ENERGY_EXPORT_T1, 12.5)
                .set(Quantity.ENERGY_EXPORT_T2, 34.25).set(Quantity.POWER_IMPORT, importKw)
                .set(Quantity.POWER_EXPORT, exportKw).set(Quantity.VOLTAGE_L1, 231.2).set(Quantity.CURRENT_L1, 5)
                .set(Quantity.POWER_IMPORT_L1, importKw).set(Quantity.POWER_EXPORT_L1, exportKw).build();
    }
}
