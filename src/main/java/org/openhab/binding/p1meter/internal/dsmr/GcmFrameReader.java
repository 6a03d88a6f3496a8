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

import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * Collects and decrypts one DLMS general-glo-ciphering frame, as Luxembourg Smarty and Austrian meters send
 * them: 0xDB, system-title length, system title, length (0x82 + 2 bytes, 0x81 + 1 byte or one byte below
 * 0x80), security control byte, 4-byte frame counter, ciphertext, 12-byte GCM tag. AES-128-GCM with IV =
 * system title || frame counter and the configured additional authenticated data.
 *
 * <p>
 * Fed byte by byte by the {@link TelegramDecoder}; the header is checked as it arrives so that a stray 0xDB in
 * garbage is given up after a few bytes ({@link #NOT_A_FRAME}), and the announced length is bounded before
 * anything is buffered.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class GcmFrameReader {

    static final int MORE = 0;
    static final int DONE = 1;
    static final int NOT_A_FRAME = 2;
    static final int FAILED = 3;
    static final int OVERSIZE = 4;

    private static final int TAG_LENGTH = 12;
    /** DLMS system titles are 8 bytes; checking it early keeps a stray 0xDB from swallowing real data. */
    private static final int TITLE_LENGTH = 8;
    /** Security control: authenticated (0x10) and encrypted (0x20), the low nibble is the suite. */
    private static final int SECURITY_AUTH_ENC = 0x30;

    private final SecretKeySpec key;
    private final byte[] aad;
    private final int max;
    private final Cipher cipher;

    private byte[] buf = new byte[64];
    private int len;
    private boolean active;
    private int titleLength;
    private int payloadStart; // index of the security control byte, known once the length is read
    private int payloadLength;
    private int lengthBytes; // 0x82 -> 2, 0x81 -> 1
    private byte[] plain = new byte[0];
    private int plainLength;
    private String failure = "";

    GcmFrameReader(byte[] key, byte[] aad, int max) {
        this.key = new SecretKeySpec(key, "AES");
        this.aad = aad.clone();
        this.max = max;
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            // every Java runtime must provide AES/GCM/NoPadding
            throw new IllegalStateException("AES/GCM is not available in this Java runtime", e);
        }
    }

    boolean active() {
        return active;
    }

    /** A 0xDB was seen: a frame may start. */
    void start() {
        active = true;
        len = 0;
        payloadStart = 0;
        lengthBytes = 0;
        buf[len++] = (byte) 0xDB;
    }

    /** Adds one byte; returns {@link #MORE} until the frame is complete or given up. */
    int accept(byte c) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, Math.min(Math.max(buf.length * 2, 64), max + 32));
        }
        buf[len++] = c;
        int v = c & 0xFF;
        if (len == 2) {
            titleLength = v;
            return v == TITLE_LENGTH ? MORE : NOT_A_FRAME;
        }
        int lengthTag = 2 + titleLength; // index of the length byte(s)
        if (len - 1 < lengthTag) {
            return MORE;
        }
        if (len - 1 == lengthTag) {
            if (v == 0x82) {
                lengthBytes = 2;
            } else if (v == 0x81) {
                lengthBytes = 1;
            } else if (v < 0x80) {
                return announce(v, len);
            } else {
                return NOT_A_FRAME;
            }
            return MORE;
        }
        if (payloadStart == 0) {
            if (len - 1 == lengthTag + lengthBytes) {
                int n = lengthBytes == 2 ? ((buf[lengthTag + 1] & 0xFF) << 8) | v : v;
                return announce(n, len);
            }
            return MORE;
        }
        if (len - payloadStart == 1 && (v & 0xF0) != SECURITY_AUTH_ENC) {
            return NOT_A_FRAME;
        }
        if (len - payloadStart < payloadLength) {
            return MORE;
        }
        return decrypt();
    }

    private int announce(int n, int start) {
        payloadLength = n;
        payloadStart = start;
        if (n < 1 + 4 + TAG_LENGTH) {
            return NOT_A_FRAME;
        }
        if (n > max) {
            return OVERSIZE;
        }
        return MORE;
    }

    private int decrypt() {
        byte[] iv = new byte[titleLength + 4];
        System.arraycopy(buf, 2, iv, 0, titleLength);
        System.arraycopy(buf, payloadStart + 1, iv, titleLength, 4);
        int cipherStart = payloadStart + 5;
        int cipherLength = payloadLength - 5;
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_LENGTH * 8, iv));
            if (aad.length > 0) {
                cipher.updateAAD(aad);
            }
            byte[] out = cipher.doFinal(buf, cipherStart, cipherLength);
            plain = out;
            plainLength = out.length;
            return DONE;
        } catch (AEADBadTagException e) {
            failure = "authentication tag does not match (wrong key or additional authenticated data, or a damaged frame)";
            return FAILED;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            String message = e.getMessage();
            failure = message == null ? e.getClass().getSimpleName() : message;
            return FAILED;
        }
    }

    byte[] plaintext() {
        return plain;
    }

    int plaintextLength() {
        return plainLength;
    }

    String failure() {
        return failure;
    }

    int announcedLength() {
        return payloadLength;
    }

    byte[] buffer() {
        return buf;
    }

    int length() {
        return len;
    }

    /** Forgets the current frame; returns how many bytes it had. */
    int reset() {
        int n = len;
        active = false;
        len = 0;
        payloadStart = 0;
        lengthBytes = 0;
        plain = new byte[0];
        plainLength = 0;
        return n;
    }
}
