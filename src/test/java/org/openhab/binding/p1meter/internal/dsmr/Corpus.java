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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The conformance corpus in {@code src/test/resources/telegrams}: real and specification telegrams, each with
 * the reading of an independent parser ({@code <name>.expected.json}, see MANIFEST.md there).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class Corpus {

    private Corpus() {
    }

    static Path dir() {
        URL url = Corpus.class.getResource("/telegrams/MANIFEST.md");
        if (url == null) {
            throw new IllegalStateException("test resource telegrams/MANIFEST.md missing");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Names (without extension) of the plaintext telegrams. */
    static List<String> plaintextNames() {
        return names(".txt");
    }

    /** Names (without extension) of the encrypted frames. */
    static List<String> encryptedNames() {
        return names(".bin");
    }

    private static List<String> names(String ext) {
        try (Stream<Path> s = Files.list(dir())) {
            List<String> out = new ArrayList<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(ext)).sorted()
                    .forEach(n -> out.add(n.substring(0, n.length() - ext.length())));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String fileName) {
        try {
            return Files.readAllBytes(dir().resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] telegram(String name) {
        return bytes(name + ".txt");
    }

    static JsonObject expected(String name) {
        return JsonParser.parseString(new String(bytes(name + ".expected.json"), StandardCharsets.UTF_8))
                .getAsJsonObject();
    }

    /** A value of a {@code .key} file ("encryption_key", "authentication_key"). */
    static String keyFileValue(String name, String field) {
        String text = new String(bytes(name + ".key"), StandardCharsets.UTF_8);
        for (String line : text.split("\r?\n")) {
            if (line.startsWith(field + "=")) {
                return line.substring(field.length() + 1).strip();
            }
        }
        throw new IllegalStateException(field + " not in " + name + ".key");
    }

    static byte[] hex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    /** Decodes everything and collects what comes out. */
    static Collected decode(DecoderConfig config, byte[]... chunks) {
        Collected c = new Collected();
        TelegramDecoder d = new TelegramDecoder(config, c);
        for (byte[] chunk : chunks) {
            d.feed(chunk, 0, chunk.length);
        }
        d.endOfInput();
        return c;
    }

    /** A sink that keeps everything. */
    static final class Collected implements TelegramDecoder.Sink {
        final List<P1Telegram> telegrams = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();

        @Override
        public void telegram(P1Telegram t) {
            telegrams.add(t);
        }

        @Override
        public void rejected(Rejection r) {
            rejections.add(r);
        }
    }
}
