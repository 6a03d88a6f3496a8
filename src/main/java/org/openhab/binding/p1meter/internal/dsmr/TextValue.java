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
 * An identifying text of the electricity meter, {@code (4530303034303031353934373534343134)} or {@code (50)}: its
 * P1 version or its equipment identifier. Meters send several objects that can carry it (e-MUCS a version of
 * its own, EasyMeter and ACE4000 other identifier objects); the one with the highest priority in the telegram
 * wins, whatever their order. Empty texts count as absent.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class TextValue extends ValueShape {

    /** What the text is, and how to read it. */
    enum Field {
        /** 1-3:0.2.8 or e-MUCS 0-0:96.1.4, as sent; of two objects with the same priority, the later one. */
        P1_VERSION(TextCache.P1_VERSION, false, true) {
            @Override
            void set(P1Telegram.Builder out, String text) {
                out.p1Version(text);
            }
        },
        /** Blanks around it removed; of two objects with the same priority, the first one. */
        EQUIPMENT_ID(TextCache.EQUIPMENT_ID, true, false) {
            @Override
            void set(P1Telegram.Builder out, String text) {
                out.equipmentId(text);
            }
        };

        final int slot;
        final boolean strip;
        final boolean laterWins;

        Field(int slot, boolean strip, boolean laterWins) {
            this.slot = slot;
            this.strip = strip;
            this.laterWins = laterWins;
        }

        abstract void set(P1Telegram.Builder out, String text);
    }

    private final Field field;
    private final int priority;

    TextValue(Field field, int priority) {
        this.field = field;
        this.priority = priority;
    }

    @Override
    boolean read(CosemObject o, TelegramAssembly telegram) {
        String text = o.text(field.slot, 0);
        if (field.strip) {
            text = text.strip();
        }
        if (!text.isEmpty() && telegram.claim(field, priority)) {
            field.set(telegram.out(), text);
        }
        return true;
    }
}
