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
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The COSEM object the {@link ObjectLexer} read last: its OBIS id and its value groups as ranges of the
 * telegram's bytes, with what a {@link ValueShape} needs to read them (numbers, times, texts). Scratch space of
 * one parser, overwritten by every object; nothing here allocates unless a value is kept.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class CosemObject {

    /** What the lexer found. */
    enum Form {
        /** An OBIS id and value groups: an object to look up in the catalogue. */
        OBJECT,
        /** A line that is no object (no id, no '('): kept as it was, as an unknown object. */
        LINE,
        /** An object whose last value group has no ')': kept as an unknown object. */
        CUT_SHORT
    }

    static final int MAX_GROUPS = 96;
    private static final byte[] NOTHING = new byte[0];

    byte[] b = NOTHING;
    Form form = Form.LINE;
    /** Where the object starts, where its id ends and where it ends (before the line end). */
    int start;
    int idEnd;
    int end;
    /** The id's groups A, B, C, D, E and F as far as written ({@link #idFields} of them). */
    final int[] id = new int[6];
    int idFields;
    /** Value group i is {@code b[groupStart[i] .. groupEnd[i])}. */
    final int[] groupStart = new int[MAX_GROUPS];
    final int[] groupEnd = new int[MAX_GROUPS];
    int groups;

    private final NumberReader numbers = new NumberReader();
    private final TimeCache times = new TimeCache();
    private final TextCache texts;

    CosemObject(TextCache texts) {
        this.texts = texts;
    }

    /** Lets go of the telegram, so that the parser does not keep it alive. */
    void release() {
        b = NOTHING;
    }

    /** The id's value group A (0 = abstract, 1 = electricity, 7 = gas ...). */
    int medium() {
        return id[0];
    }

    /** The id's value group B: the M-Bus channel for M-Bus objects. */
    int channel() {
        return id[1];
    }

    /**
     * Reads a number with optional unit from group {@code g} into {@link #value()} and {@link #unit()}, scaled to
     * {@code target} (W to kW etc.); false when there is no such group or it holds no number.
     */
    boolean number(int g, Quantity.Unit target) {
        return g >= 0 && g < groups && numbers.read(b, groupStart[g], groupEnd[g], target);
    }

    /** The number {@link #number} read last. */
    double value() {
        return numbers.value;
    }

    /** The unit of the number {@link #number} read last, as written. */
    MeterUnit unit() {
        return numbers.unit;
    }

    /** The unit written alone in group {@code g}. */
    MeterUnit unitIn(int g) {
        return MeterUnit.of(b, groupStart[g], groupEnd[g]);
    }

    /** The DSMR timestamp in group {@code g}; null when there is none or it is a placeholder. */
    @Nullable
    OffsetDateTime time(int g) {
        return g < groups ? times.time(b, groupStart[g], groupEnd[g]) : null;
    }

    /** The ACE4000's {@code YY-MM-DD hh:mm:ss} in group {@code g}. */
    @Nullable
    OffsetDateTime dashedTime(int g) {
        return DsmrTime.parseDashed(b, groupStart[g], groupEnd[g]);
    }

    /** The text of group {@code g}, line breaks inside removed. */
    String text(int g) {
        return TextCache.text(b, groupStart[g], groupEnd[g]);
    }

    /** {@link #text(int)}, the same String as last time from the same bytes in this {@link TextCache} slot. */
    String text(int slot, int g) {
        return texts.text(slot, b, groupStart[g], groupEnd[g]);
    }

    boolean isEmpty(int g) {
        return groupEnd[g] <= groupStart[g];
    }

    /** Whether group {@code g} holds an OBIS id (a ':' in it), as a profile's header does. */
    boolean holdsObisId(int g) {
        for (int i = groupStart[g]; i < groupEnd[g]; i++) {
            if (b[i] == ':') {
                return true;
            }
        }
        return false;
    }

    /** Whether groups {@code from..to} hold the same bytes as {@code last}. */
    boolean sameBytes(int from, int to, byte[] last) {
        return Arrays.equals(b, groupStart[from], groupEnd[to], last, 0, last.length);
    }

    /** A copy of the bytes of groups {@code from..to}. */
    byte[] copyBytes(int from, int to) {
        return Arrays.copyOfRange(b, groupStart[from], groupEnd[to]);
    }

    /** The object as an unknown one, as sent; null when there is nothing to keep. */
    @Nullable
    UnknownObject asUnknown() {
        String obis = new String(b, start, idEnd - start, StandardCharsets.ISO_8859_1).strip();
        List<String> values;
        if (form != Form.LINE && groups > 0) {
            String[] v = new String[groups];
            for (int i = 0; i < groups; i++) {
                v[i] = text(i);
            }
            values = List.of(v);
        } else {
            // the whole line as it was, so that nothing is lost
            String rest = TextCache.withoutLineBreaks(b, idEnd, end);
            values = rest.isEmpty() ? List.of() : List.of(rest);
        }
        return obis.isEmpty() && values.isEmpty() ? null : new UnknownObject(obis, values);
    }
}
