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

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;
import org.openhab.binding.p1meter.internal.dsmr.P1Telegram;
import org.openhab.binding.p1meter.internal.dsmr.Rejection;

/**
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class LineNoiseTest {

    @Test
    void realTelegramsAreNotNoiseWithOrWithoutCrc() {
        assertThat(LineNoise.is(TestTelegrams.telegram(TestTelegrams.KAIFA))).isFalse();
        // DSMR 2.2: no CRC at all, but readings
        assertThat(LineNoise.is(TestTelegrams.telegram("dsmr22_isk_mt382_1004"))).isFalse();
    }

    @Test
    void aFrameWithoutCrcAndWithoutObjectsIsNoise() {
        byte[] raw = "/\u00e6x\u00fe!\r\n".getBytes(StandardCharsets.ISO_8859_1);
        P1Telegram noise = new P1Telegram.Builder().raw(raw).header("\u00e6x\u00fe").build();
        assertThat(LineNoise.is(noise)).isTrue();
        Rejection r = LineNoise.rejection(noise);
        assertThat(r.reason()).isEqualTo(Rejection.Reason.MALFORMED);
        assertThat(r.length()).isEqualTo(raw.length);
    }
}
