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
package org.openhab.binding.p1meter.internal.output;

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.openhab.binding.p1meter.internal.reader.P1Feed;

/**
 * One of the outputs (raw TCP, JSON TCP, webhook, MQTT, web dashboard). Plain Java: the daemon creates them
 * from its options, the openHAB output services from their configuration. An output never blocks the feed:
 * slow work happens on its own threads.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public interface P1Output extends AutoCloseable {

    /**
     * Starts serving (binds ports, connects) and subscribes to the feed.
     *
     * @throws IOException when it cannot start (port in use, bad URL): the message says what to fix
     */
    void start(P1Feed feed) throws IOException;

    /** Unsubscribes and releases everything; idempotent. */
    @Override
    void close();

    /** For logs: e.g. {@code JSON TCP server on 0.0.0.0:3010}. */
    String describe();
}
