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

import java.time.Duration;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Implemented by a {@link P1Source} that can read the meter with more than one set of line settings (a serial
 * port: DSMR 4+ meters send 115200 8N1, DSMR 2.2/3.0 meters 9600 7E1). The reader asks it to switch when the
 * source is open but yields no valid telegram, and then reopens it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface AutoBaudSource extends P1Source {

    /**
     * How long to wait after opening for a first valid telegram before trying the next settings. Must exceed the
     * slowest meter's telegram interval (10 s for DSMR 2.2-4) plus one telegram's transmission time.
     */
    default Duration probeWindow() {
        return Duration.ofSeconds(12);
    }

    /**
     * Switches to the next line settings for the next {@link #open()}; called while the source is closed.
     *
     * @return the new settings for logs, e.g. {@code 9600 7E1}
     */
    String nextLineSettings();
}
