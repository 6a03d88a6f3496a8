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

import java.util.function.Consumer;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * How {@link P1Reader} gets events to one listener: queued on a thread of its own ({@link ListenerQueue}) or
 * called in place ({@link DirectDelivery}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
interface Delivery {

    P1Listener listener();

    /**
     * Hands an event on; never blocks on the listener's I/O.
     *
     * @param weight about the memory the event holds while it waits (for the backlog limit)
     */
    void offer(Consumer<P1Listener> event, long weight);

    /** The reader handed over all events of one read (see {@link DirectListener#endOfBatch()}). */
    default void endOfBatch() {
    }

    /** True while the listener or its consumers are behind: a source that can wait is not read further. */
    boolean behind();

    /** Delivers what is pending (for at most {@code waitMillis}); later events are ignored. */
    void close(long waitMillis);
}
