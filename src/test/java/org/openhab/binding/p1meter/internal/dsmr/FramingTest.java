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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * Framing: telegrams split at every byte offset, garbage before, between and after, cut telegrams followed by
 * good ones, oversize input, both line endings, CRC spellings.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class FramingTest {

    /** Every corpus telegram the decoder must emit: CRC verifies or there is none, and it has its '!'. */
    static List<String> goodTelegrams() {
        List<String> out = new ArrayList<>();
        for (String n : Corpus.plaintextNames()) {
            String status = Corpus.expected(n).get("crc_status").getAsString();
            if (status.startsWith("valid") || "none".equals(status)) {
                out.add(n);
            }
        }
        return out;
    }

    /** CRC16/ARC written independently of {@link Crc16}: bit by bit, as the DSMR specification describes it. */
    static int referenceCrc(byte[] b, int off, int len) {
        int crc = 0;
        for (int i = off; i < off + len; i++) {
            crc ^= b[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    @Test
    void crc16IsTheArcVariant() {
        // the standard check value of CRC-16/ARC
        assertThat(Crc16.compute(ascii("123456789"), 0, 9)).isEqualTo(0xBB3D);
        byte[] t = Corpus.telegram("dsmr50_isk_am550_openhab");
        int bang = text(t).indexOf('!');
        assertThat(Crc16.compute(t, 0, bang + 1)).isEqualTo(0xD82C).isEqualTo(referenceCrc(t, 0, bang + 1));
    }

    @Test
    void crc16AgreesWithTheBitwiseDefinitionAtEveryLengthAndOffset() {
        java.util.Random random = new java.util.Random(42);
        byte[] b = new byte[300];
        random.nextBytes(b);
        for (int off = 0; off < 9; off++) {
            for (int len = 0; off + len <= b.length; len++) {
                assertThat(Crc16.compute(b, off, len)).as("off " + off + " len " + len)
                        .isEqualTo(referenceCrc(b, off, len));
            }
        }
    }

    @Test
    void theWordWiseScanFindsEveryBangAndSlash() {
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                // mostly bytes next to '!' (0x21) and '/' (0x2F), where a faulty bit trick would slip
                b[i] = (byte) (random.nextBoolean() ? 0x20 + random.nextInt(16) : random.nextInt(256));
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int want = from;
            while (want < b.length && b[want] != '!' && b[want] != '/') {
                want++;
            }
            assertThat(TelegramDecoder.indexOfBangOrSlash(b, from, b.length)).isEqualTo(want);
        }
    }

    @Test
    void everyGoodTelegramSplitAtEveryOffset() {
        List<String> names = goodTelegrams();
        assertThat(names).hasSizeGreaterThanOrEqualTo(40);
        for (String name : names) {
            byte[] t = Corpus.telegram(name);
            for (int split = 0; split <= t.length; split++) {
                Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), Arrays.copyOf(t, split),
                        Arrays.copyOfRange(t, split, t.length));
                assertThat(c.rejections).as(name + " split at " + split).isEmpty();
                assertThat(c.telegrams).as(name + " split at " + split).hasSize(1);
                assertThat(c.telegrams.get(0).raw()).isEqualTo(t);
            }
        }
    }

    @Test
    void byteByByte() {
        byte[] t = Corpus.telegram("fluvius_emucs_flu5_v171");
        Corpus.Collected c = new Corpus.Collected();
        TelegramDecoder d = new TelegramDecoder(DecoderConfig.plaintext(), c);
        for (int i = 0; i < t.length; i++) {
            d.feed(t, i, 1);
        }
        assertThat(c.telegrams).hasSize(1);
        assertThat(c.rejections).isEmpty();
    }

    @Test
    void garbageBeforeBetweenAndAfterIsSkipped() {
        byte[] a = Corpus.telegram("dsmr50_isk_am550_openhab");
        byte[] b = Corpus.telegram("dsmr22_isk_mt382_1004"); // no CRC
        byte[] e = Corpus.telegram("fluvius_emucs_flu5_v171");
        byte[] junk = { 0, (byte) 0xFF, '!', '1', '2', '3', '4', '\r', '\n', ')', '(', 'x', (byte) 0x80, '\n' };
        byte[] stream = EncryptedFrameTest.concat(junk, a, junk, b, junk, junk, e, junk);
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), stream);
        assertThat(c.rejections).isEmpty();
        assertThat(c.telegrams).extracting(P1Telegram::raw).containsExactly(a, b, e);
    }

    @Test
    void aGoodTelegramRightAfterACutOneIsNotLost() {
        byte[] good = Corpus.telegram("dsmr50_isk_am550_openhab");
        for (String name : List.of("dsmr50_isk_am550_openhab", "dsmr22_kmp5_athom", "smarty_lux5_openhab")) {
            byte[] cut = Corpus.telegram(name);
            for (int at = 1; at < cut.length - 2; at++) {
                Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), Arrays.copyOf(cut, at), good);
                String where = name + " cut at " + at + " (" + text(Arrays.copyOfRange(cut, Math.max(0, at - 8), at))
                        + ")";
                assertThat(c.telegrams).as(where).hasSize(1);
                assertThat(c.telegrams.get(0).raw()).as(where).isEqualTo(good);
                assertThat(c.rejections).as(where).hasSize(1);
                assertThat(c.rejections.get(0).reason()).as(where).isIn(Rejection.Reason.TRUNCATED,
                        Rejection.Reason.CRC_MISMATCH);
            }
        }
    }

    @Test
    void aCutTelegramAtTheEndOfInputIsTruncated() {
        byte[] t = Corpus.telegram("dsmr50_isk_am550_openhab");
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), Arrays.copyOf(t, 500));
        assertThat(c.telegrams).isEmpty();
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.TRUNCATED);
        assertThat(c.rejections.get(0).length()).isEqualTo(500);
    }

    @Test
    void aSlashInsideAValueDoesNotStartATelegram() {
        // DSMR 2.2 plain text message "test-/-test"; the corpus file has no '!' line, so one is added
        byte[] t = EncryptedFrameTest.concat(Corpus.telegram("dsmr22_isk_mt382_1003_text_athom"), ascii("!\r\n"));
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), t);
        assertThat(c.rejections).isEmpty();
        assertThat(c.telegrams).hasSize(1);
        assertThat(c.telegrams.get(0).textMessage()).isEqualTo("test-/-test");
    }

    @Test
    void aSlashAndLettersInsidePlainTextDoNotStartATelegram() {
        String t = text(Corpus.telegram("dsmr22_isk_mt382_1004")).replace("0-0:96.13.0()",
                "0-0:96.13.0(see /abc or /ISK but not /e)");
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), ascii(t));
        assertThat(c.rejections).isEmpty();
        assertThat(c.telegrams).hasSize(1);
        assertThat(c.telegrams.get(0).textMessage()).isEqualTo("see /abc or /ISK but not /e");
    }

    @Test
    void aTelegramCutAtTheEndOfALineIsFollowedByOneWithoutDigitInItsHeader() {
        byte[] good = Corpus.telegram("dsmr50_nwa_warmtelink_unpadded_crc"); // "/NWA-WARMTELINK"
        byte[] cut = Corpus.telegram("dsmr50_isk_am550_openhab");
        int lineEnd = text(cut).indexOf("1-0:1.8.2");
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), Arrays.copyOf(cut, lineEnd), good);
        assertThat(c.telegrams).extracting(P1Telegram::raw).containsExactly(good);
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.TRUNCATED);
    }

    @Test
    void oversizeIsDroppedAndTheNextTelegramRead() {
        byte[] good = Corpus.telegram("dsmr50_isk_am550_openhab");
        StringBuilder sb = new StringBuilder("/XYZ5 endless\r\n\r\n");
        while (sb.length() < 5000) {
            sb.append("1-0:1.8.1(000156.167*kWh)\r\n");
        }
        DecoderConfig small = new DecoderConfig(null, new byte[0], 1024);
        Corpus.Collected c = new Corpus.Collected();
        TelegramDecoder d = new TelegramDecoder(small, c);
        byte[] big = ascii(sb.toString());
        d.feed(big, 0, big.length);
        assertThat(d.bufferCapacity()).isLessThanOrEqualTo(1024);
        d.feed(good, 0, good.length);
        d.endOfInput();
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.OVERSIZE);
        assertThat(c.rejections.get(0).message()).contains("1024");
        assertThat(c.telegrams).extracting(P1Telegram::raw).containsExactly(good);
    }

    @Test
    void bareLineFeedsWork() {
        // a CRC'd telegram with LF only: its CRC is recomputed (independently) over the LF version
        String crlf = text(Corpus.telegram("dsmr50_isk_am550_openhab"));
        String body = crlf.substring(0, crlf.indexOf('!') + 1).replace("\r\n", "\n");
        byte[] b = ascii(body);
        byte[] lf = ascii(body + String.format("%04X", referenceCrc(b, 0, b.length)) + "\n");
        String crlf22 = text(Corpus.telegram("dsmr22_kmp5_athom"));
        byte[] lf22 = ascii(crlf22.replace("\r\n", "\n"));
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), lf, lf22, lf);
        assertThat(c.rejections).isEmpty();
        assertThat(c.telegrams).hasSize(3);
        P1Telegram t = c.telegrams.get(0);
        assertThat(t.crcChecked()).isTrue();
        assertThat(t.get(Quantity.ENERGY_IMPORT_T1)).isEqualTo(156.167);
        assertThat(t.mbus(MBusDevice.Kind.GAS).value()).isEqualTo(212.529);
        assertThat(c.telegrams.get(1).mbus(MBusDevice.Kind.GAS).value()).isEqualTo(124.477);
    }

    @Test
    void crcInLowerCaseAndWithoutZeroPadding() {
        String t = text(Corpus.telegram("dsmr50_isk_am550_openhab"));
        byte[] lower = ascii(t.replace("!D82C", "!d82c"));
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), lower);
        assertThat(c.telegrams).hasSize(1);
        // "!B9F" is 0x0B9F (the corpus file), "!0B9F" the same padded
        String u = text(Corpus.telegram("dsmr50_nwa_warmtelink_unpadded_crc"));
        assertThat(u).contains("!B9F\r\n");
        c = Corpus.decode(DecoderConfig.plaintext(), ascii(u), ascii(u.replace("!B9F", "!0b9f")));
        assertThat(c.rejections).isEmpty();
        assertThat(c.telegrams).hasSize(2);
        assertThat(c.telegrams.get(0).crcChecked()).isTrue();
    }

    @Test
    void aWrongCrcIsRejectedNamingBothValues() {
        String t = text(Corpus.telegram("dsmr50_isk_am550_openhab"));
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), ascii(t.replace("!D82C", "!D82D")),
                ascii(t.replace("1-0:1.8.1(000156.167", "1-0:1.8.1(000156.168")));
        assertThat(c.telegrams).isEmpty();
        assertThat(c.rejections).extracting(Rejection::message).containsExactly(
                "CRC mismatch: telegram says D82D, computed D82C",
                "CRC mismatch: telegram says D82C, computed " + String.format(Locale.ROOT, "%04X",
                        referenceCrc(ascii(t.replace("000156.167", "000156.168")), 0, t.indexOf('!') + 1)));
    }

    @Test
    void aTelegramWithoutLineEndAtTheEndOfInputIsRead() {
        String t = text(Corpus.telegram("dsmr50_isk_am550_openhab"));
        byte[] noEol = ascii(t.substring(0, t.length() - 2));
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), noEol);
        assertThat(c.telegrams).hasSize(1);
        assertThat(c.telegrams.get(0).raw()).isEqualTo(noEol);
    }

    @Test
    void aBareBangFollowedByTheNextTelegramIsNotTakenForATelegramWithoutCrc() {
        String t = text(Corpus.telegram("dsmr50_isk_am550_openhab"));
        byte[] cut = ascii(t.substring(0, t.indexOf('!') + 1));
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), cut, ascii(t));
        assertThat(c.telegrams).hasSize(1);
        assertThat(c.telegrams.get(0).crcChecked()).isTrue();
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.TRUNCATED);
    }

    @Test
    void aFrameWithoutCrcAndWithoutAnyObjectIsLineNoise() {
        // what a meter read at the wrong baud rate or a dongle's boot text can frame as '/' .. '!'
        byte[] noise = "/\u00e6x\u00fe!\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] dsmr22 = Corpus.telegram("dsmr22_isk_mt382_1004"); // no CRC either, but readings
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), noise, dsmr22);
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.MALFORMED);
        assertThat(c.rejections.get(0).length()).isEqualTo(noise.length);
        assertThat(c.telegrams).hasSize(1);
        assertThat(c.telegrams.get(0).crcChecked()).isFalse();
        assertThat(c.telegrams.get(0).raw()).isEqualTo(dsmr22);
    }

    @Test
    void theDecoderGoesOnWhenAListenerThrows() {
        byte[] t = Corpus.telegram("dsmr50_isk_am550_openhab");
        List<P1Telegram> seen = new ArrayList<>();
        TelegramDecoder d = new TelegramDecoder(DecoderConfig.plaintext(), new TelegramDecoder.Sink() {
            @Override
            public void telegram(P1Telegram tg) {
                seen.add(tg);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void rejected(Rejection r) {
            }
        });
        byte[] two = EncryptedFrameTest.concat(t, t);
        d.feed(two, 0, two.length);
        assertThat(seen).hasSize(2);
    }
}
