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

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The Itron ACE4000's gas meter, whose values come under medium A = 7 rather than on an M-Bus channel: its hourly
 * profile {@code 7-0:23.1.0(value*m3)(YY-MM-DD hh:mm:ss)}, one object per hour, of which the latest is the
 * reading, and its valve {@code 7-0:24.4.0(1)}. The {@link MBusAssembly} puts them on the channel that names the
 * meter.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
abstract class GasMediumValue extends ValueShape {

    static final GasMediumValue HOURLY_PROFILE = new GasMediumValue() {
        @Override
        boolean read(CosemObject o, TelegramAssembly telegram) {
            if (o.groups < 2 || !o.number(0, Quantity.Unit.NONE)) {
                return false;
            }
            telegram.mbus().gasProfile(o.dashedTime(1), o.value(), o.unit().normalised);
            return true;
        }
    };

    static final GasMediumValue VALVE = new GasMediumValue() {
        @Override
        boolean read(CosemObject o, TelegramAssembly telegram) {
            if (!o.number(0, Quantity.Unit.NONE)) {
                return false;
            }
            telegram.mbus().gasValve((int) o.value());
            return true;
        }
    };
}
