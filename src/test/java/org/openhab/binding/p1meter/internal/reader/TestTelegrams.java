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
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.DecoderConfig;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;
import org.openhab.binding.p1meter.internal.dsmr.TelegramDecoder;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The test corpus ({@code src/test/resources/telegrams}) for the tests outside the parser's own (which have
 * {@code dsmr.Corpus}): telegram files by name, the telegrams the real decoder reads from them, and what the
 * independent parser read from each ({@code <name>.expected.json}, see MANIFEST.md there).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public final class TestTelegrams {

    /** Valid (CRC verified by the corpus manifest) telegrams with distinct headers. */
    public static final String KAIFA = "dsmr42_kfm_smartmeter2mqtt";
    public static final String ISKRA = "dsmr50_isk_am550_openhab";
    public static final String FLUVIUS = "fluvius_emucs_flu5_v171";
    public static final String LANDIS = "dsmr42_xmx_zcf110_openhab";
    /** CRC stated D3B0, computed 63A1. */
    public static final String BAD_CRC = "dsmr42_xmx_athom";

    private TestTelegrams() {
    }

    /** A plaintext telegram's bytes: {@code <name>.txt}. */
    public static byte[] bytes(String name) {
        return file(name + ".txt");
    }

    /** Any file of the corpus, e.g. an encrypted frame ({@code .bin}). */
    public static byte[] file(String fileName) {
        try (InputStream in = TestTelegrams.class.getResourceAsStream("/telegrams/" + fileName)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + fileName);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The identification line without '/', read straight from the file. */
    public static String header(String name) {
        String text = new String(bytes(name), StandardCharsets.ISO_8859_1);
        return text.substring(1, text.indexOf('\r'));
    }

    /** Decodes one corpus file into its telegram. */
    public static P1Telegram telegram(String name) {
        List<P1Telegram> out = new ArrayList<>();
        byte[] b = bytes(name);
        TelegramDecoder decoder = new TelegramDecoder(DecoderConfig.plaintext(), new TelegramDecoder.Sink() {
            @Override
            public void telegram(P1Telegram telegram) {
                out.add(telegram);
            }

            @Override
            public void rejected(Rejection rejection) {
                throw new AssertionError(name + " rejected: " + rejection);
            }
        });
        decoder.feed(b, 0, b.length);
        decoder.endOfInput();
        if (out.size() != 1) {
            throw new AssertionError(name + " gave " + out.size() + " telegrams");
        }
        return out.get(0);
    }

    /**
     * The value the independent parser read for an OBIS code ({@code <name>.expected.json}, as the meter wrote it,
     * without leading zeros), or null when it has none.
     */
    public static @Nullable String expected(String name, String obis) {
        JsonObject objects = JsonParser.parseString(new String(file(name + ".expected.json"), StandardCharsets.UTF_8))
                .getAsJsonObject().getAsJsonObject("obis");
        JsonObject object = objects.getAsJsonObject(obis);
        JsonElement value = object == null ? null : object.get("value");
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    /** {@link #expected}, failing when the corpus has no value for the code. */
    public static String expectedOrFail(String name, String obis) {
        String v = expected(name, obis);
        if (v == null) {
            throw new IllegalStateException(name + " has no expected value for " + obis);
        }
        return v;
    }

    public static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int pos = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }
}
