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

import java.time.OffsetDateTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A value with the time it was measured, {@code (250601081500S)(04.123*kW)}: the value is the last group, the
 * time the first when there are two or more.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class TimestampedReading extends ValueShape {

    /** Where the reading goes. */
    interface Target {
        void set(P1Telegram.Builder out, @Nullable OffsetDateTime time, double value);
    }

    private final Quantity.Unit unit;
    private final Target target;

    /** A reading whose value is read in {@code unit} (W as kW, for instance). */
    TimestampedReading(Quantity.Unit unit, Target target) {
        this.unit = unit;
        this.target = target;
    }

    @Override
    boolean read(CosemObject o, TelegramAssembly telegram) {
        if (!o.number(o.groups - 1, unit)) {
            return false;
        }
        double value = o.value();
        target.set(telegram.out(), o.groups > 1 ? o.time(0) : null, value);
        return true;
    }
}
