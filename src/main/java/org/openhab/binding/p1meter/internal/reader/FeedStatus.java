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
import org.eclipse.jdt.annotation.Nullable;

/**
 * Where a feed's source stands now: for an output that joins after the changes were announced (a browser that
 * opens the dashboard) and must not guess from the age of the last reading.
 *
 * @param state the source's connection state, null when the feed does not know (not started, or a feed that
 *            does not track it)
 * @param message why, in words ("connected to serial /dev/ttyUSB0", "cannot connect to 10.0.0.5:8088: ...")
 * @param sinceMillis when the state was entered (epoch ms), 0 when unknown
 * @param lastTelegramMillis when the last valid telegram arrived (epoch ms, this machine's clock), 0 before
 *            the first one
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record FeedStatus(@Nullable ConnectionState state, String message, long sinceMillis, long lastTelegramMillis) {

    /** Nothing known. */
    public static final FeedStatus UNKNOWN = new FeedStatus(null, "", 0, 0);
}
