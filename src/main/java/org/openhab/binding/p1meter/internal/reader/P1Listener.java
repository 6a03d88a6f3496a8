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
import org.openhab.binding.p1meter.internal.dsmr.Rejection;

/**
 * What a {@link P1Feed} tells its listeners. Every method has an empty default so that a listener implements
 * only what it needs. Calls for one listener arrive on one thread, in order; a slow listener delays nobody else
 * (a source that can wait is read at its pace; see {@link P1Reader} and {@link ConsumerLimits}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface P1Listener {

    /** A telegram whose CRC matched (or that has none) was read and parsed. */
    default void onTelegram(P1Telegram telegram) {
    }

    /** Something that looked like a telegram was dropped. */
    default void onRejected(Rejection rejection) {
    }

    /** The net power changed (smartmeter2mqtt's {@code usageChange}, W). */
    default void onUsageChange(UsageChange change) {
    }

    /**
     * The gas meter's reading moved on (smartmeter2mqtt's {@code gasUsage}): {@code relative} is the change of the
     * reading in m3, {@code val} the flow since the previous reading in m3/h (0 for the first).
     */
    default void onGasUsage(UsageChange change) {
    }

    /** The source connected, lost its connection or gave up for now; {@code message} says why. */
    default void onConnectionState(ConnectionState state, String message) {
    }
}
