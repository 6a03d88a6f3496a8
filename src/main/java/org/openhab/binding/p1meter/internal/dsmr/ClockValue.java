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
 * The meter's clock, {@code 0-0:1.0.0(250614131507S)}: a DSMR timestamp; a placeholder reads as no time.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class ClockValue extends ValueShape {

    static final ClockValue INSTANCE = new ClockValue();

    private ClockValue() {
    }

    @Override
    boolean read(CosemObject o, TelegramAssembly telegram) {
        telegram.out().timestamp(o.time(0));
        return true;
    }
}
