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

/**
 * A listener whose callbacks only hand their work on (into a bounded queue of their own, never waiting for I/O or a
 * lock held across I/O) and return in microseconds. {@link P1Reader} calls such a listener on its own thread
 * instead of giving it a queue and a delivery thread: one thread hand-off less per telegram, which is most of the
 * latency from the meter's last byte to the network while the machine is otherwise idle.
 * <p>
 * Callbacks to one listener never overlap; an exception is logged and costs nobody else anything.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface DirectListener extends P1Listener {

    /**
     * The reader has handed over every event of what it just read and is about to read again (possibly waiting):
     * the moment to write out what the callbacks gathered, in one go.
     */
    default void endOfBatch() {
    }
}
