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
import org.openhab.binding.p1meter.internal.dsmr.ObisCatalogue.Row;

/**
 * Reads one telegram ('/' .. '!' [CRC]) into a {@link P1Telegram}, for every dialect: DSMR 2.2 to 5.0.2,
 * e-MUCS, Smarty, Austrian, E.ON Hungary, Swedish, Irish, EasyMeter Q3D and ACE4000 telegrams. The dialect
 * needs no configuration: every object is read by what its OBIS id and its value say.
 *
 * <p>
 * The {@link ObjectLexer} splits the bytes into objects, the {@link ObisCatalogue} gives each object's
 * {@link ValueShape}, which reads it into the {@link TelegramAssembly}. Tolerated on purpose, because real meters
 * send it: no blank line after the header; the lexer's leniencies; units without '*'
 * ({@code (000123.456kWh)}) or in lower case; values without unit; Wh/W/varh/var (converted to the k-units). A
 * line that cannot be read is kept in {@link P1Telegram#unknown()} and the rest of the telegram is read
 * normally; unknown objects are kept as well. Nothing here throws on bad content.
 *
 * <p>
 * Speed: works on the bytes directly (no String per line, no regex, no BigDecimal), looks ids up by a packed
 * {@code long}, reuses the texts, times and profiles a meter repeats. One instance may be reused for any number
 * of telegrams by one thread at a time.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TelegramParser {

    private final TextCache texts = new TextCache();
    private final CosemObject object = new CosemObject(texts);
    private final TelegramAssembly assembly = new TelegramAssembly();
    private final MBusSelection selection;

    /** A parser whose telegrams take the newest M-Bus reading of each kind as the gas, water and heat meter. */
    public TelegramParser() {
        this(MBusSelection.NEWEST);
    }

    /** A parser whose telegrams choose their gas, water and heat meter by {@code selection}. */
    public TelegramParser(MBusSelection selection) {
        this.selection = selection;
    }

    /**
     * Reads one telegram.
     *
     * @param telegram the bytes from '/' to the end of the telegram (the '!' line and anything after it are
     *            not read); the array becomes the telegram's {@link P1Telegram#raw()} and must not be modified
     * @param crcChecked whether the caller verified the telegram's CRC
     * @throws IllegalArgumentException when there is no '/' at all
     */
    public static P1Telegram parse(byte[] telegram, boolean crcChecked) {
        return new TelegramParser().read(telegram, crcChecked);
    }

    /** As {@link #parse}, reusing this instance's scratch space. */
    public P1Telegram read(byte[] telegram, boolean crcChecked) {
        int start = 0;
        while (start < telegram.length && telegram[start] != '/') {
            start++;
        }
        if (start >= telegram.length) {
            throw new IllegalArgumentException("not a P1 telegram: no '/' found");
        }
        P1Telegram.Builder builder = new P1Telegram.Builder().raw(telegram).crcChecked(crcChecked)
                .mbusSelection(selection);
        CosemObject o = object;
        o.b = telegram;
        assembly.begin(builder);
        try {
            int e = telegram.length;
            int p = ObjectLexer.endOfLine(telegram, start + 1, e);
            builder.header(texts.text(TextCache.HEADER, telegram, start + 1, p));
            while (true) {
                p = ObjectLexer.skipSpace(telegram, p, e);
                if (p >= e || telegram[p] == '!') {
                    break;
                }
                p = ObjectLexer.read(o, p, e);
                if (!readObject(o)) {
                    UnknownObject unknown = o.asUnknown();
                    if (unknown != null) {
                        assembly.keepUnknown(unknown);
                    }
                }
            }
            assembly.finish();
            return builder.build();
        } finally {
            // do not keep the telegram alive through the parser
            o.release();
            assembly.end();
        }
    }

    /** Reads the object by its catalogue row; false when the catalogue does not know it or its value. */
    private boolean readObject(CosemObject o) {
        if (o.form != CosemObject.Form.OBJECT || o.groups == 0) {
            return false;
        }
        int[] id = o.id;
        Row row = ObisCatalogue.lookup(id[0], id[1], id[2], id[3], id[4]);
        return row != null && row.shape().read(o, assembly);
    }
}
