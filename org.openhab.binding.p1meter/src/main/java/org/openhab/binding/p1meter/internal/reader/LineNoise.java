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
package org.openhab.binding.p1meter.internal.reader;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Quantity;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;

/**
 * Tells line noise from telegrams. A meter read at the wrong baud rate, or a dongle's boot messages, can frame as
 * {@code /...!} without a CRC; such a frame that holds not a single object we know is no telegram and must neither
 * reach the outputs nor count as data for the watchdog and the baud-rate probe.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class LineNoise {

    private LineNoise() {
    }

    /** True when the telegram has no CRC and carries nothing a meter sends. */
    public static boolean is(P1Telegram t) {
        if (t.crcChecked() || t.timestamp() != null || t.equipmentId() != null || t.p1Version() != null
                || !t.mbus().isEmpty()) {
            return false;
        }
        for (Quantity q : Quantity.values()) {
            if (t.has(q)) {
                return false;
            }
        }
        return true;
    }

    /** The rejection reported instead of such a frame. */
    public static Rejection rejection(P1Telegram t) {
        return new Rejection(Rejection.Reason.MALFORMED,
                "malformed: frame without CRC and without any known object (line noise?)", t.raw().length);
    }
}
