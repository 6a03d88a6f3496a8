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
 * An object of the M-Bus device on channel B = 1..4 ({@code 0-n:24.x}, {@code 0-n:96.1.x}): its device type,
 * identifier, reading or valve, collected per channel in the {@link MBusAssembly}. An object with another
 * medium or channel is not of this shape.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
abstract class MBusValue extends ValueShape {

    /** {@code 0-n:24.1.0(003)}: the device type; empty when the meter keeps the channel for a device to come. */
    static final MBusValue DEVICE_TYPE = new MBusValue() {
        @Override
        boolean read(CosemObject o, MBusAssembly devices, int channel) {
            if (!o.isEmpty(0) && o.number(0, Quantity.Unit.NONE)) {
                devices.type(channel, (int) o.value());
            } else {
                devices.device(channel);
            }
            return true;
        }
    };

    /** {@code 0-n:24.2.1(timestamp)(value*unit)}, e-MUCS also {@code 0-n:24.2.3}. */
    static final MBusValue READING = new MBusValue() {
        @Override
        boolean read(CosemObject o, MBusAssembly devices, int channel) {
            if (!o.number(o.groups - 1, Quantity.Unit.NONE)) {
                return false;
            }
            boolean timed = o.groups > 1;
            double value = o.value();
            Quantity.Unit unit = o.unit().normalised;
            @Nullable
            OffsetDateTime time = timed ? o.time(0) : null;
            devices.reading(channel, value, unit, time, timed && time == null);
            return true;
        }
    };

    /**
     * DSMR 2.2/3.0 {@code 0-n:24.3.0(timestamp)(00)(60)(1)(0-n:24.2.1)(m3)} and then {@code (value)}, often on the
     * next line; the unit in the sixth group when the value has none.
     */
    static final MBusValue LEGACY_READING = new MBusValue() {
        @Override
        boolean read(CosemObject o, MBusAssembly devices, int channel) {
            if (o.groups < 2 || !o.number(o.groups - 1, Quantity.Unit.NONE)) {
                return false;
            }
            double value = o.value();
            Quantity.Unit unit = o.unit().normalised;
            if (unit == Quantity.Unit.NONE && o.groups >= 7) {
                unit = o.unitIn(5).normalised;
            }
            @Nullable
            OffsetDateTime time = o.time(0);
            devices.reading(channel, value, unit, time, time == null);
            return true;
        }
    };

    /** {@code 0-n:24.4.0(1)}: the valve position. */
    static final MBusValue VALVE = new MBusValue() {
        @Override
        boolean read(CosemObject o, MBusAssembly devices, int channel) {
            if (!o.number(0, Quantity.Unit.NONE)) {
                return false;
            }
            devices.valve(channel, (int) o.value());
            return true;
        }
    };

    /** {@code 0-n:96.1.0(4730303339...)}: the device's identifier, blanks removed; the highest priority wins. */
    static MBusValue identifier(int priority) {
        return new MBusValue() {
            @Override
            boolean read(CosemObject o, MBusAssembly devices, int channel) {
                devices.identifier(channel, o.text(TextCache.MBUS_ID + channel, 0).strip(), priority);
                return true;
            }
        };
    }

    @Override
    final boolean read(CosemObject o, TelegramAssembly telegram) {
        int channel = o.channel();
        return o.medium() == 0 && channel >= 1 && channel < MBusAssembly.CHANNELS && read(o, telegram.mbus(), channel);
    }

    abstract boolean read(CosemObject o, MBusAssembly devices, int channel);
}
