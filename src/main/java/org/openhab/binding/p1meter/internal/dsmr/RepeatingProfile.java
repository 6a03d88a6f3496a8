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

import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * A profile of repeating entries after a header, {@code (count)(id)...{(entry)(entry)...}}: the power-failure
 * log {@code (2)(0-0:96.7.19)(end)(duration*s)(end)(duration*s)}, e-MUCS's peak demand of past months. The
 * count says how many entries follow (never more than there are); an entry that cannot be read is left out. A
 * meter repeats its profiles unchanged in every telegram: the list read from the same bytes last time is
 * reused.
 *
 * @param <T> an entry
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class RepeatingProfile<T> extends ValueShape {

    /** Reads the entry starting at value group {@code g}; null when it cannot be read. */
    interface Entry<T> {
        @Nullable
        T read(CosemObject o, int g);
    }

    /** Where the entries go. */
    interface Target<T> {
        void set(P1Telegram.Builder out, List<T> entries);
    }

    private final int headerGroups;
    private final boolean exactHeader;
    private final int entryGroups;
    private final Entry<T> entry;
    private final Target<T> target;

    /**
     * @param headerGroups the groups before the first entry, the count first
     * @param exactHeader whether the header must be a count and then an OBIS id (else the object is not of this
     *            shape); when false, a header without a readable count reads every entry there is
     * @param entryGroups the groups of one entry
     */
    RepeatingProfile(int headerGroups, boolean exactHeader, int entryGroups, Entry<T> entry, Target<T> target) {
        this.headerGroups = headerGroups;
        this.exactHeader = exactHeader;
        this.entryGroups = entryGroups;
        this.entry = entry;
        this.target = target;
    }

    @Override
    boolean read(CosemObject o, TelegramAssembly telegram) {
        int groups = o.groups;
        if (groups < headerGroups) {
            return false;
        }
        boolean counted = o.number(0, Quantity.Unit.NONE);
        if (exactHeader && (!counted || !o.holdsObisId(1))) {
            return false;
        }
        double count = o.value();
        List<T> entries = telegram.profileReadBefore(this, o);
        if (entries == null) {
            entries = entries(o, counted ? count : Double.NaN);
            telegram.profileRead(this, o, entries);
        }
        target.set(telegram.out(), entries);
        return true;
    }

    @SuppressWarnings("unchecked")
    private List<T> entries(CosemObject o, double count) {
        int available = (o.groups - headerGroups) / entryGroups;
        int n = Double.isNaN(count) || count < 0 ? (exactHeader ? 0 : available) : (int) Math.min(count, available);
        Object[] read = new Object[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            T e = entry.read(o, headerGroups + entryGroups * i);
            if (e != null) {
                read[k++] = e;
            }
        }
        // immutable, so that the telegram keeps it as it is instead of copying
        return (List<T>) List.of(k == n ? read : Arrays.copyOf(read, k));
    }
}
