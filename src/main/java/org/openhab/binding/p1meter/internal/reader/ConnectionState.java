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
 * The state of a reader's source.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public enum ConnectionState {
    /** Opening the port or socket. */
    CONNECTING,
    /** Open, and telegrams arrive (or are still expected). */
    CONNECTED,
    /** Open, but no valid telegram within the receive timeout. */
    NO_DATA,
    /** Lost or could not be opened; the reader retries with backoff. */
    DISCONNECTED,
    /** Stopped on request. */
    STOPPED
}
