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
 * A listener whose consumers can fall behind (TCP clients, web sockets). A {@link P1Reader} of a source that can
 * wait ({@link P1Source#canWait()}) asks it before every read and reads no further while it is behind, so that a
 * replay or a TCP dongle is read at the pace of the slowest consumer that still makes progress and nothing is
 * lost. A source that cannot wait (a serial line) never asks: a consumer that stops reading is dropped instead,
 * after {@link ConsumerLimits#noProgressTimeout()}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface PacedListener extends P1Listener {

    /**
     * True while one of this listener's consumers has more than {@link ConsumerLimits#highWater()} waiting.
     * Called on the reader's thread before every read: cheap, never blocks. A consumer that made no progress for
     * its no-progress timeout is dropped by the listener, which then stops counting it.
     */
    boolean behind();
}
