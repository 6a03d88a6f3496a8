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

import java.io.IOException;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Thrown by {@link P1Source#open()} when the source's device is not there at all (a serial adapter that is not
 * plugged in). The reader says so once and then keeps looking for it at its shortest interval, quietly, instead
 * of retrying with a growing backoff and the driver's text: plugging the cable in is the fix, and it should be
 * noticed at once.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public class SourceAbsentException extends IOException {

    private static final long serialVersionUID = 1L;

    public SourceAbsentException(String message) {
        super(message);
    }
}
