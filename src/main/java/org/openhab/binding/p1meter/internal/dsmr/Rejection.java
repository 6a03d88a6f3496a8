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
package org.openhab.binding.p1meter.internal.dsmr;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Why a telegram (or what looked like the start of one) was dropped. Rejections are counted and reported;
 * they never stop the reader, which goes on with the next telegram.
 *
 * @param reason the kind of rejection
 * @param message one human-readable line, e.g. {@code CRC mismatch: telegram says 1234, computed 74E0}
 * @param length how many bytes were dropped
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record Rejection(Reason reason, String message, int length) {

    public enum Reason {
        /** The CRC the telegram carries does not match its content. */
        CRC_MISMATCH,
        /** A new telegram started (or the input ended) before this one was complete. */
        TRUNCATED,
        /** No end was found within the maximum telegram size. */
        OVERSIZE,
        /** An encrypted frame could not be authenticated or decrypted (wrong key or AAD, damaged frame). */
        DECRYPTION_FAILED,
        /** The frame was complete but not a telegram the parser could read at all. */
        MALFORMED
    }

    @Override
    public String toString() {
        return message;
    }
}
