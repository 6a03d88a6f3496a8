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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * One telegram as its objects are read: the builder the {@link ValueShape}s write into, the M-Bus devices being
 * put together, which identifying texts are already set and with what priority, and the objects kept as
 * unknown. Across telegrams it keeps the profiles read last, which meters repeat unchanged. Part of one parser.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class TelegramAssembly {

    private static final int PROFILES = 4;

    private final P1Telegram.Builder idle = new P1Telegram.Builder();
    private P1Telegram.Builder out = idle;
    private final MBusAssembly mbus = new MBusAssembly();
    private final int[] priority = new int[TextValue.Field.values().length];
    private @Nullable List<UnknownObject> unknown;

    // per profile shape: the bytes of its value groups last time and the entries read from them
    private final @Nullable Object[] profileShape = new Object[PROFILES];
    private final byte[][] profileBytes = new byte[PROFILES][];
    private final List<?>[] profileEntries = new List<?>[PROFILES];

    /** Starts a telegram that goes into {@code builder}. */
    void begin(P1Telegram.Builder builder) {
        out = builder;
        mbus.begin();
        Arrays.fill(priority, -1);
        unknown = null;
    }

    /** Puts what was collected across objects into the builder. */
    void finish() {
        mbus.finish(out);
        List<UnknownObject> u = unknown;
        if (u != null) {
            out.unknown(u);
        }
    }

    /** Lets go of the telegram, so that the parser does not keep it alive. */
    void end() {
        out = idle;
        unknown = null;
    }

    P1Telegram.Builder out() {
        return out;
    }

    MBusAssembly mbus() {
        return mbus;
    }

    /** Whether a text with {@code priority} replaces what {@code field} has so far; if so, it is now its. */
    boolean claim(TextValue.Field field, int priority) {
        int current = this.priority[field.ordinal()];
        if (priority > current || (priority == current && field.laterWins)) {
            this.priority[field.ordinal()] = priority;
            return true;
        }
        return false;
    }

    void keepUnknown(UnknownObject o) {
        List<UnknownObject> list = unknown;
        if (list == null) {
            list = new ArrayList<>(4);
            unknown = list;
        }
        list.add(o);
    }

    /** The entries {@code shape} read last time, when they were read from the same bytes as {@code o}'s. */
    @SuppressWarnings("unchecked")
    <T> @Nullable List<T> profileReadBefore(RepeatingProfile<T> shape, CosemObject o) {
        for (int i = 0; i < PROFILES; i++) {
            if (shape.equals(profileShape[i])) {
                return o.sameBytes(0, o.groups - 1, profileBytes[i]) ? (List<T>) profileEntries[i] : null;
            }
        }
        return null;
    }

    /** Remembers the entries {@code shape} read from {@code o}. */
    <T> void profileRead(RepeatingProfile<T> shape, CosemObject o, List<T> entries) {
        for (int i = 0; i < PROFILES; i++) {
            if (profileShape[i] == null || shape.equals(profileShape[i])) {
                profileShape[i] = shape;
                profileBytes[i] = o.copyBytes(0, o.groups - 1);
                profileEntries[i] = entries;
                return;
            }
        }
    }
}
