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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;

import com.google.gson.JsonParser;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Properties of framer + decryption + parser over random and mutated input, cut into random chunks: nothing
 * escapes as an exception, memory stays within the configured bound, and every telegram that comes out came
 * from the input and carried a CRC that matched (or had none).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class DecoderPropertiesTest {

    private static final int MAX = 2048;
    private static final List<byte[]> GOOD = new ArrayList<>();
    private static final byte[] FRAME = Corpus.bytes("sagemcom_t210dr_est5_esphome_encrypted.bin");
    private static final DecoderConfig ENCRYPTED = EncryptedFrameTest
            .configFor("sagemcom_t210dr_est5_esphome_encrypted");

    static {
        for (String n : FramingTest.goodTelegrams()) {
            GOOD.add(Corpus.telegram(n));
        }
    }

    @Property(tries = 300)
    void randomBytes(@ForAll @Size(max = 6000) byte[] input, @ForAll @IntRange(min = 1, max = 300) int chunk) {
        check(DecoderConfig.plaintext(), input, chunk, true);
        check(ENCRYPTED, input, chunk, false);
    }

    @Property(tries = 400)
    void mutatedTelegrams(@ForAll("mutatedStreams") byte[] input, @ForAll @IntRange(min = 1, max = 700) int chunk) {
        check(new DecoderConfig(null, new byte[0], MAX), input, chunk, true);
    }

    @Property(tries = 200)
    void mutatedTelegramsAndFramesWithAKey(@ForAll("mutatedStreamsWithFrames") byte[] input,
            @ForAll @IntRange(min = 1, max = 700) int chunk) {
        check(ENCRYPTED, input, chunk, false);
    }

    @Property(tries = 2000)
    void jsonNumbersReadBackAsTheSameDouble(@ForAll double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        TelegramJson.number(sb, v);
        String text = sb.toString();
        assertThat(text).doesNotContainIgnoringCase("e").doesNotContain("Infinity");
        assertThat(Double.parseDouble(text)).isEqualTo(v == 0 ? 0.0 : v);
    }

    @Property(tries = 2000)
    void meterValuesAreWrittenAsTheMeterWroteThem(@ForAll @IntRange(min = 0, max = 99_999_999) int mantissa,
            @ForAll @IntRange(min = 0, max = 7) int scale) {
        // a register "000123.456" reads as 123456 / 10^3 and must come out as 123.456
        java.math.BigDecimal exact = java.math.BigDecimal.valueOf(mantissa, scale);
        StringBuilder sb = new StringBuilder();
        TelegramJson.number(sb, mantissa / Math.pow(10, scale));
        assertThat(new java.math.BigDecimal(sb.toString())).isEqualByComparingTo(exact);
        assertThat(sb.toString()).isEqualTo(exact.stripTrailingZeros().toPlainString());
    }

    private void check(DecoderConfig config, byte[] input, int chunk, boolean rawIsInInput) {
        Corpus.Collected c = new Corpus.Collected();
        TelegramDecoder d = new TelegramDecoder(config, c);
        int max = config.maxTelegramSize();
        for (int off = 0; off < input.length; off += chunk) {
            d.feed(input, off, Math.min(chunk, input.length - off));
            // bounded: the telegram buffer, plus the few bytes of a CRC line
            assertThat(d.bufferCapacity()).isLessThanOrEqualTo(max + 64);
        }
        d.endOfInput();
        for (P1Telegram t : c.telegrams) {
            byte[] raw = t.raw();
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            int bang = text.lastIndexOf('!');
            assertThat(raw[0]).isEqualTo((byte) '/');
            assertThat(bang).isPositive();
            String crc = text.substring(bang + 1).strip();
            if (t.crcChecked()) {
                assertThat(Integer.parseInt(crc, 16)).as("emitted only when the CRC matches")
                        .isEqualTo(FramingTest.referenceCrc(raw, 0, bang + 1));
            } else {
                assertThat(crc).as("a telegram without CRC has none").isEmpty();
            }
            if (rawIsInInput) {
                assertThat(indexOf(input, raw)).as("came from the input").isGreaterThanOrEqualTo(0);
            }
            assertThat(JsonParser.parseString(TelegramJson.toJson(t)).isJsonObject()).isTrue();
        }
        for (Rejection r : c.rejections) {
            assertThat(r.message()).isNotBlank();
            assertThat(r.length()).isNotNegative();
        }
    }

    @Provide
    Arbitrary<byte[]> mutatedStreams() {
        return mutated(Arbitraries.of(GOOD));
    }

    @Provide
    Arbitrary<byte[]> mutatedStreamsWithFrames() {
        List<byte[]> pieces = new ArrayList<>(GOOD);
        pieces.add(FRAME);
        pieces.add(FRAME);
        pieces.add(FRAME);
        return mutated(Arbitraries.of(pieces));
    }

    private Arbitrary<byte[]> mutated(Arbitrary<byte[]> piece) {
        Arbitrary<List<byte[]>> pieces = piece.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<List<int[]>> mutations = Combinators
                .combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, 255))
                .as((kind, where, value) -> new int[] { kind, where, value }).list().ofMaxSize(6);
        return Combinators.combine(pieces, mutations).as(DecoderPropertiesTest::apply);
    }

    /** Concatenates the pieces and applies the mutations: replace, delete, insert a byte, insert '/' or '!'. */
    static byte[] apply(List<byte[]> pieces, List<int[]> mutations) {
        List<Byte> b = new ArrayList<>();
        for (byte[] p : pieces) {
            for (byte x : p) {
                b.add(x);
            }
        }
        for (int[] m : mutations) {
            if (b.isEmpty()) {
                break;
            }
            int at = m[1] % b.size();
            switch (m[0]) {
                case 0:
                    b.set(at, (byte) m[2]);
                    break;
                case 1:
                    b.remove(at);
                    break;
                case 2:
                    b.add(at, (byte) m[2]);
                    break;
                case 3:
                    b.add(at, (byte) '/');
                    break;
                default:
                    b.add(at, (byte) '!');
            }
        }
        byte[] out = new byte[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
