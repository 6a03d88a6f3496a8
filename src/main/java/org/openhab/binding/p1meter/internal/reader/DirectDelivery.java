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
 * Calls a {@link DirectListener} on the thread that publishes the event (the reader's). The lock keeps one
 * listener's callbacks from overlapping when a second thread publishes (the final STOPPED); it is uncontended
 * otherwise.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class DirectDelivery implements Delivery {

    private static final Consumer<P1Listener> END_OF_BATCH = l -> ((DirectListener) l).endOfBatch();

    private final DirectListener listener;
    private volatile boolean closed;
    private final GuardedListener guarded;

    DirectDelivery(DirectListener listener) {
        this.listener = listener;
        this.guarded = new GuardedListener(listener);
    }

    @Override
    public P1Listener listener() {
        return listener;
    }

    @Override
    public synchronized void offer(Consumer<P1Listener> event, long weight) {
        if (closed) {
            return;
        }
        guarded.call(event);
    }

    @Override
    public synchronized void endOfBatch() {
        if (!closed) {
            guarded.call(END_OF_BATCH);
        }
    }

    /** Not synchronized: asked on the reader's thread between reads, and the listener answers for itself. */
    @Override
    public boolean behind() {
        return !closed && listener instanceof PacedListener paced && paced.behind();
    }

    @Override
    public void close(long waitMillis) {
        // not synchronized: a listener removing itself from its own callback holds the lock already
        closed = true;
    }
}
