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
package org.openhab.binding.p1meter.internal.handler;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
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
 * The test corpus: telegram files and their independently made {@code .expected.json} (OBIS code -> value as
 * written by the meter).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class Corpus {

    private Corpus() {
    }

    static byte[] bytes(String file) {
        try (InputStream in = Corpus.class.getResourceAsStream("/telegrams/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The telegrams the real decoder reads from the file. */
    static List<P1Telegram> telegrams(String file) {
        List<P1Telegram> out = new ArrayList<>();
        TelegramDecoder decoder = new TelegramDecoder(DecoderConfig.plaintext(), new TelegramDecoder.Sink() {
            @Override
            public void telegram(P1Telegram t) {
                out.add(t);
            }

            @Override
            public void rejected(Rejection r) {
            }
        });
        byte[] b = bytes(file);
        decoder.feed(b, 0, b.length);
        decoder.endOfInput();
        return out;
    }

    static P1Telegram telegram(String file) {
        List<P1Telegram> t = telegrams(file);
        if (t.size() != 1) {
            throw new IllegalStateException(file + " decodes to " + t.size() + " telegrams");
        }
        return t.get(0);
    }

    /** The value the expected.json gives for an OBIS code (as written, without leading zeros), or null. */
    static @Nullable String expected(String telegramFile, String obis) {
        String json = telegramFile.replaceFirst("\\.(txt|bin)$", ".expected.json");
        try (InputStream in = Corpus.class.getResourceAsStream("/telegrams/" + json)) {
            if (in == null) {
                throw new IllegalArgumentException("no " + json);
            }
            Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            JsonObject objects = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject("obis");
            JsonObject object = objects.getAsJsonObject(obis);
            if (object == null) {
                return null;
            }
            JsonElement value = object.get("value");
            return value == null || value.isJsonNull() ? null : value.getAsString();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String expectedOrFail(String telegramFile, String obis) {
        String v = expected(telegramFile, obis);
        if (v == null) {
            throw new IllegalStateException(telegramFile + " has no expected value for " + obis);
        }
        return v;
    }
}