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

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * How a {@link TelegramDecoder} reads its bytes.
 *
 * @param key the AES-128 key for DLMS general-glo-ciphering frames (Luxembourg Smarty, Austrian meters), or
 *            null for plaintext telegrams only. With a key, plaintext telegrams are still accepted.
 * @param aad the additional authenticated data of the GCM tag (security control byte followed by the
 *            authentication key); may be empty, since some meters authenticate without any
 * @param maxTelegramSize the largest telegram or frame kept in memory; anything longer is dropped (OVERSIZE)
 * @param mbus which M-Bus device is the telegram's gas, water and heat meter
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
public record DecoderConfig(byte @Nullable [] key, byte[] aad, int maxTelegramSize, MBusSelection mbus) {

    /** Generous for every dialect (the longest corpus telegram is about 1.5 KB) yet bounded. */
    public static final int DEFAULT_MAX_TELEGRAM_SIZE = 8192;

    /** 0x30 (security control byte) followed by the authentication key of the Smarty specification. */
    public static final String SMARTY_DEFAULT_AAD = "3000112233445566778899AABBCCDDEEFF";

    public DecoderConfig {
        byte[] k = key;
        if (k != null && k.length != 16) {
            throw new IllegalArgumentException(
                    "decryption key must be 16 bytes (32 hex digits), got " + k.length + " bytes");
        }
        if (maxTelegramSize < 64) {
            throw new IllegalArgumentException(
                    "maximum telegram size must be at least 64 bytes, got " + maxTelegramSize);
        }
        key = k == null ? null : k.clone();
        aad = aad.clone();
    }

    /** The newest reading of each kind is the gas (water, heat) meter. */
    public DecoderConfig(byte @Nullable [] key, byte[] aad, int maxTelegramSize) {
        this(key, aad, maxTelegramSize, MBusSelection.NEWEST);
    }

    /** This configuration with another choice of gas, water and heat meter. */
    public DecoderConfig withMBus(MBusSelection selection) {
        return new DecoderConfig(key, aad, maxTelegramSize, selection);
    }

    /** Plaintext telegrams only, default size bound. */
    public static DecoderConfig plaintext() {
        return new DecoderConfig(null, new byte[0], DEFAULT_MAX_TELEGRAM_SIZE);
    }

    /**
     * From the user's settings ({@code --enc-key}, {@code --enc-aad}, the bridge configuration).
     *
     * @param hexKey 32 hex digits, or null/blank for plaintext
     * @param hexAad hex digits of the AAD; null or blank means the Smarty default, so that only meters that
     *            really use another one need it. An empty AAD is written as "-" or "none".
     * @throws IllegalArgumentException with a message a user can act on
     */
    public static DecoderConfig of(@Nullable String hexKey, @Nullable String hexAad) {
        String k = hexKey == null ? "" : hexKey.strip();
        if (k.isEmpty()) {
            return plaintext();
        }
        if (k.length() != 32) {
            throw new IllegalArgumentException(
                    "decryption key must be 32 hex digits (16 bytes), got " + k.length() + " characters");
        }
        byte[] key = hex(k, "decryption key");
        String a = hexAad == null ? "" : hexAad.strip();
        byte[] aad;
        if (a.isEmpty()) {
            aad = hex(SMARTY_DEFAULT_AAD, "additional authenticated data");
        } else if ("-".equals(a) || "none".equalsIgnoreCase(a)) {
            aad = new byte[0];
        } else {
            if (a.length() % 2 != 0) {
                throw new IllegalArgumentException(
                        "additional authenticated data must be an even number of hex digits, got " + a.length()
                                + " characters");
            }
            aad = hex(a, "additional authenticated data");
        }
        return new DecoderConfig(key, aad, DEFAULT_MAX_TELEGRAM_SIZE);
    }

    public boolean encrypted() {
        return key != null;
    }

    private static byte[] hex(String text, String what) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                int bad = hi < 0 ? 2 * i : 2 * i + 1;
                throw new IllegalArgumentException(what + " must be hex digits (0-9, A-F), got '" + text.charAt(bad)
                        + "' at position " + (bad + 1));
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    @Override
    public boolean equals(@Nullable Object o) {
        return o instanceof DecoderConfig c && Arrays.equals(key, c.key) && Arrays.equals(aad, c.aad)
                && maxTelegramSize == c.maxTelegramSize && mbus.equals(c.mbus);
    }

    @Override
    public int hashCode() {
        return (Arrays.hashCode(key) * 31 + Arrays.hashCode(aad) * 7 + maxTelegramSize) * 31 + mbus.hashCode();
    }

    @Override
    public String toString() {
        // never print the key
        return "DecoderConfig[" + (key == null ? "plaintext" : "encrypted, aad " + aad.length + " bytes") + ", max "
                + maxTelegramSize + ", M-Bus " + mbus + "]";
    }
}
