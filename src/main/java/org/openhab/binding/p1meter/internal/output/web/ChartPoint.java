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
 * One telegram as the dashboard's chart draws it: net power and the power of each phase in W (import minus
 * export, negative when exporting; NaN when the meter sends neither), at the meter's clock. The page computes
 * the same from every reading it gets; the hub keeps the last minutes of these so that a browser that opens the
 * page sees them at once.
 *
 * @param t the meter's clock (epoch ms), or the arrival time when the telegram has none (DSMR 2.2)
 * @param arrivedMillis when the telegram arrived (epoch ms): what the hub's window is measured by
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
record ChartPoint(long t, long arrivedMillis, double net, double l1, double l2, double l3) {

    private static final Quantity[][] PHASES = { { Quantity.POWER_IMPORT_L1, Quantity.POWER_EXPORT_L1 },
            { Quantity.POWER_IMPORT_L2, Quantity.POWER_EXPORT_L2 },
            { Quantity.POWER_IMPORT_L3, Quantity.POWER_EXPORT_L3 } };

    static ChartPoint of(P1Telegram telegram, long arrivedMillis) {
        OffsetDateTime ts = telegram.timestamp();
        return new ChartPoint(ts != null ? ts.toInstant().toEpochMilli() : arrivedMillis, arrivedMillis,
                telegram.netPowerWatts(), phase(telegram, 0), phase(telegram, 1), phase(telegram, 2));
    }

    private static double phase(P1Telegram telegram, int index) {
        double in = telegram.get(PHASES[index][0]);
        double out = telegram.get(PHASES[index][1]);
        if (Double.isNaN(in) && Double.isNaN(out)) {
            return Double.NaN;
        }
        return Math.round(((Double.isNaN(in) ? 0 : in) - (Double.isNaN(out) ? 0 : out)) * 1000.0);
    }

    /** {@code {"t":...,"net":...,"l1":...}}, leaving out what the meter did not send. */
    void appendJson(StringBuilder sb) {
        sb.append("{\"t\":").append(t);
        field(sb, "net", net);
        field(sb, "l1", l1);
        field(sb, "l2", l2);
        field(sb, "l3", l3);
        sb.append('}');
    }

    private static void field(StringBuilder sb, String name, double watts) {
        if (!Double.isNaN(watts)) {
            sb.append(",\"").append(name).append("\":").append(Math.round(watts));
        }
    }
}
