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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The four encrypted frames of the corpus (DLMS general-glo-ciphering, AES-128-GCM) with the keys and AADs of
 * their {@code .key} files, and what happens with the wrong key, a cut frame, garbage and plaintext mixed in.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class EncryptedFrameTest {

    /** Frame -> plaintext telegram file (MANIFEST.md, "Encrypted samples"). */
    private static final String[][] FRAMES = { { "smarty_lux5_openhab_encrypted", "smarty_lux5_long_openhab" },
            { "smarty_lux5_spec_athom_encrypted_with_aad", "smarty_lux5_spec_athom" },
            { "smarty_lux5_spec_athom_encrypted_without_aad", "smarty_lux5_spec_athom" },
            { "sagemcom_t210dr_est5_esphome_encrypted", "sagemcom_t210dr_est5_dsmrparser" } };

    static DecoderConfig configFor(String frame) {
        String key = Corpus.keyFileValue(frame, "encryption_key");
        String ak = Corpus.keyFileValue(frame, "authentication_key");
        // the AAD is the security control byte 0x30 followed by the authentication key; one athom frame
        // authenticates with no AAD at all
        return DecoderConfig.of(key, ak.isEmpty() ? "none" : "30" + ak);
    }

    private static byte[] plaintextOf(String file) {
        byte[] p = Corpus.telegram(file);
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2, 3 })
    void everyFrameDecryptsToItsTelegram(int i) {
        String frame = FRAMES[i][0];
        byte[] expected = plaintextOf(FRAMES[i][1]);
        DecoderConfig config = configFor(frame);
        byte[] key = config.key();
        assertThat(key).isNotNull();
        GcmFrameReader reader = new GcmFrameReader(key, config.aad(), config.maxTelegramSize());
        byte[] bin = Corpus.bytes(frame + ".bin");
        assertThat(bin[0]).isEqualTo((byte) 0xDB);
        reader.start();
        int result = GcmFrameReader.MORE;
        int used = 1;
        while (result == GcmFrameReader.MORE && used < bin.length) {
            result = reader.accept(bin[used++]);
        }
        assertThat(result).isEqualTo(GcmFrameReader.DONE);
        assertThat(used).as("the frame is exactly the file").isEqualTo(bin.length);
        byte[] plain = Arrays.copyOf(reader.plaintext(), reader.plaintextLength());
        // the athom frames were encrypted without the final CRLF of the telegram file
        byte[] want = plain.length == expected.length - 2 ? Arrays.copyOf(expected, expected.length - 2) : expected;
        assertThat(plain).isEqualTo(want);
    }

    @Test
    void theDecoderEmitsTheFrameWhoseInnerCrcVerifies() {
        String frame = "sagemcom_t210dr_est5_esphome_encrypted";
        Corpus.Collected c = Corpus.decode(configFor(frame), Corpus.bytes(frame + ".bin"));
        assertThat(c.rejections).isEmpty();
        assertThat(c.telegrams).hasSize(1);
        P1Telegram t = c.telegrams.get(0);
        assertThat(t.crcChecked()).isTrue();
        assertThat(t.raw()).isEqualTo(Corpus.telegram("sagemcom_t210dr_est5_dsmrparser"));
        ConformanceTest.compare(frame, t, Corpus.expected(frame));
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, 1, 2 })
    void aDecryptedTelegramWithAWrongCrcIsStillRejected(int i) {
        // these three frames authenticate, but the telegrams inside carry a CRC that does not match (MANIFEST.md):
        // the CRC rule is the same for every telegram, encrypted or not
        String frame = FRAMES[i][0];
        Corpus.Collected c = Corpus.decode(configFor(frame), Corpus.bytes(frame + ".bin"));
        assertThat(c.telegrams).isEmpty();
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.CRC_MISMATCH);
        // and the values inside read as the oracle says
        GcmFrameReader reader = new GcmFrameReader(configFor(frame).key(), configFor(frame).aad(), 8192);
        byte[] bin = Corpus.bytes(frame + ".bin");
        reader.start();
        for (int k = 1; k < bin.length; k++) {
            reader.accept(bin[k]);
        }
        P1Telegram t = TelegramParser.parse(Arrays.copyOf(reader.plaintext(), reader.plaintextLength()), false);
        ConformanceTest.compare(frame, t, Corpus.expected(frame));
    }

    @Test
    void aWrongKeyIsRejectedAndTheNextGoodFrameIsRead() {
        String frame = "sagemcom_t210dr_est5_esphome_encrypted";
        byte[] bin = Corpus.bytes(frame + ".bin");
        DecoderConfig good = configFor(frame);
        // the smarty frame, encrypted with another key, then the good one
        byte[] other = Corpus.bytes("smarty_lux5_openhab_encrypted.bin");
        Corpus.Collected c = Corpus.decode(good, other, bin);
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.DECRYPTION_FAILED);
        assertThat(c.rejections.get(0).message()).contains("authentication tag");
        assertThat(c.telegrams).hasSize(1);
    }

    @Test
    void aWrongAadFailsTheTag() {
        String frame = "sagemcom_t210dr_est5_esphome_encrypted";
        DecoderConfig noAad = DecoderConfig.of(Corpus.keyFileValue(frame, "encryption_key"), "none");
        Corpus.Collected c = Corpus.decode(noAad, Corpus.bytes(frame + ".bin"));
        assertThat(c.telegrams).isEmpty();
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.DECRYPTION_FAILED);
    }

    @Test
    void framesSplitAtEveryOffsetWithGarbageAndPlaintextInBetween() {
        String frame = "sagemcom_t210dr_est5_esphome_encrypted";
        byte[] bin = Corpus.bytes(frame + ".bin");
        byte[] plain = Corpus.telegram("dsmr50_isk_am550_openhab");
        byte[] garbage = { 0x00, (byte) 0xFF, 'x', (byte) 0xDB, 0x05, '!', '\r', '\n' }; // includes a stray 0xDB
        byte[] stream = concat(garbage, bin, garbage, plain, bin, garbage);
        DecoderConfig config = configFor(frame);
        for (int split = 0; split <= stream.length; split++) {
            Corpus.Collected c = Corpus.decode(config, Arrays.copyOf(stream, split),
                    Arrays.copyOfRange(stream, split, stream.length));
            assertThat(c.telegrams).as("split at " + split).hasSize(3);
            assertThat(c.telegrams.get(1).raw()).isEqualTo(plain);
            assertThat(c.rejections).as("split at " + split).isEmpty();
        }
    }

    @Test
    void aCutFrameIsRejectedAndTheFrameAfterItIsNotLost() {
        String frame = "sagemcom_t210dr_est5_esphome_encrypted";
        byte[] bin = Corpus.bytes(frame + ".bin");
        for (int cut : List.of(1, 5, 14, 100, bin.length - 1)) {
            Corpus.Collected c = Corpus.decode(configFor(frame), Arrays.copyOf(bin, cut), bin);
            assertThat(c.telegrams).as("cut at " + cut).hasSize(1);
            assertThat(c.rejections).as("cut at " + cut).hasSizeLessThanOrEqualTo(1);
        }
        // cut at the very end of the input
        Corpus.Collected c = Corpus.decode(configFor(frame), Arrays.copyOf(bin, 300));
        assertThat(c.telegrams).isEmpty();
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.TRUNCATED);
    }

    @Test
    void aFrameAnnouncingMoreThanTheBoundIsDroppedWithoutBufferingIt() {
        byte[] header = { (byte) 0xDB, 0x08, 'S', 'Y', 'S', 'T', 'E', 'M', 'I', 'D', (byte) 0x82, (byte) 0xFF,
                (byte) 0xF0 };
        String frame = "sagemcom_t210dr_est5_esphome_encrypted";
        Corpus.Collected c = Corpus.decode(configFor(frame), header, Corpus.bytes(frame + ".bin"));
        assertThat(c.rejections).extracting(Rejection::reason).containsExactly(Rejection.Reason.OVERSIZE);
        assertThat(c.rejections.get(0).message()).contains("65520");
        assertThat(c.telegrams).hasSize(1);
    }

    @Test
    void keySettingsGiveErrorsAUserCanActOn() {
        assertThatThrownBy(() -> DecoderConfig.of("0123456789abcdef0123456789abcde", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decryption key must be 32 hex digits (16 bytes), got 31 characters");
        assertThatThrownBy(() -> DecoderConfig.of("0123456789abcdef0123456789abcdeg", null))
                .hasMessageContaining("hex digits").hasMessageContaining("'g' at position 32");
        assertThatThrownBy(() -> DecoderConfig.of("0123456789abcdef0123456789abcdef", "300"))
                .hasMessageContaining("even number of hex digits");
        DecoderConfig d = DecoderConfig.of("0123456789abcdef0123456789abcdef", null);
        assertThat(d.aad()).isEqualTo(Corpus.hex(DecoderConfig.SMARTY_DEFAULT_AAD));
        assertThat(d.aad()[0]).isEqualTo((byte) 0x30);
        assertThat(DecoderConfig.of(null, null).key()).isNull();
        assertThat(DecoderConfig.of("  ", "30").encrypted()).isFalse();
        assertThat(d.toString()).doesNotContain("0123456789");
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
