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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one listener with an event and logs what it throws: the full trace once, then only a count at debug
 * level, so that a listener failing on every telegram does not flood the log. Not thread-safe: one per
 * listener, used by the one thread that delivers to it.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class GuardedListener {

    private final Logger logger = LoggerFactory.getLogger(GuardedListener.class);

    private final P1Listener listener;
    private long failures;

    GuardedListener(P1Listener listener) {
        this.listener = listener;
    }

    void call(Consumer<P1Listener> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException | LinkageError e) {
            if (++failures == 1) {
                logger.warn("Listener {} failed: {}", listener.getClass().getName(), e.toString(), e);
            } else {
                logger.debug("Listener {} failed again ({} times): {}", listener.getClass().getName(), failures,
                        e.toString());
            }
        }
    }
}
