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

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A text message, {@code 0-0:96.13.0(48656C6C6F)}: hex payloads (DSMR 4+) decoded to UTF-8 text, plain text
 * (DSMR 2.2) as is, possibly broken over lines by the meter; empty means no message.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class MessageValue extends ValueShape {

    /** Where the message goes. */
    interface Target {
        void set(P1Telegram.Builder out, @Nullable String message);
    }

    private final Target target;

    MessageValue(Target target) {
        this.target = target;
    }

    @Override
    boolean read(CosemObject o, TelegramAssembly telegram) {
        target.set(telegram.out(), message(o.text(0)));
        return true;
    }

    static @Nullable String message(String t) {
        if (t.isEmpty()) {
            return null;
        }
        int n = t.length();
        boolean hex = n % 2 == 0;
        for (int i = 0; i < n && hex; i++) {
            hex = Character.digit(t.charAt(i), 16) >= 0;
        }
        if (!hex) {
            return t;
        }
        byte[] bytes = new byte[n / 2];
        int len = 0;
        for (int i = 0; i < n; i += 2) {
            int v = (Character.digit(t.charAt(i), 16) << 4) | Character.digit(t.charAt(i + 1), 16);
            bytes[len++] = (byte) v;
        }
        // trailing NULs and padding are not part of the message
        while (len > 0 && (bytes[len - 1] == 0 || bytes[len - 1] == ' ')) {
            len--;
        }
        return len == 0 ? null : new String(bytes, 0, len, StandardCharsets.UTF_8);
    }
}
