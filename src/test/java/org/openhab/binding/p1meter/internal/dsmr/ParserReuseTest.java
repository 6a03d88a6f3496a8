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

import java.time.OffsetDateTime;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.junit.jupiter.api.Test;

/**
 * A decoder reads telegram after telegram with one parser that reuses what repeats (identifiers, header,
 * timestamps, the failure log): a value that changes must read as the new value, every time.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
class ParserReuseTest {

    private static byte[] withCrc(String telegram) {
        String body = telegram.substring(0, telegram.indexOf('!') + 1);
        byte[] b = FramingTest.ascii(body);
        return FramingTest.ascii(body + String.format("%04X", FramingTest.referenceCrc(b, 0, b.length)) + "\r\n");
    }

    @Test
    void changedValuesAreReadAfreshAndUnchangedOnesStayRight() {
        String original = FramingTest.text(Corpus.telegram("dsmr50_isk_am550_openhab"));
        String changed = original.replace("/ISK5\\2M550T-1012", "/ISK5\\2M550T-1013")
                .replace("0-0:96.1.1(4530303434303036393033333132393137)",
                        "0-0:96.1.1(4530303434303036393033333132393138)")
                .replace("0-1:96.1.0(4730303339303031373633333738373137)",
                        "0-1:96.1.0(4730303339303031373633333738373138)")
                .replace("(170611001706S)(0000149657*s)", "(170611001707S)(0000149658*s)")
                .replace("0-1:24.2.1(180104231507W)", "0-1:24.2.1(180104232007W)")
                .replace("1-3:0.2.8(50)", "1-3:0.2.8(51)");
        Corpus.Collected c = Corpus.decode(DecoderConfig.plaintext(), withCrc(original), withCrc(changed),
                withCrc(original), withCrc(changed));
        assertThat(c.rejections).isEmpty();
        assertThat(c.telegrams).hasSize(4);
        for (int i = 0; i < 4; i++) {
            P1Telegram t = c.telegrams.get(i);
            boolean isChanged = i % 2 == 1;
            assertThat(t.header()).isEqualTo(isChanged ? "ISK5\\2M550T-1013" : "ISK5\\2M550T-1012");
            assertThat(t.p1Version()).isEqualTo(isChanged ? "51" : "50");
            assertThat(t.equipmentId()).endsWith(isChanged ? "38" : "37");
            MBusDevice gas = t.mbus(MBusDevice.Kind.GAS);
            assertThat(gas.serial()).endsWith(isChanged ? "38" : "37");
            assertThat(gas.timestamp()).isEqualTo(
                    OffsetDateTime.parse(isChanged ? "2018-01-04T23:20:07+01:00" : "2018-01-04T23:15:07+01:00"));
            assertThat(t.powerFailureLog().get(1)).isEqualTo(new PowerFailure(
                    OffsetDateTime.parse(isChanged ? "2017-06-11T00:17:07+02:00" : "2017-06-11T00:17:06+02:00"),
                    isChanged ? 149658 : 149657));
            assertThat(t.powerFailureLog().get(0).durationSeconds()).isEqualTo(267);
        }
        // consecutive equal reads share immutable objects (that is what keeps allocation down)
        Corpus.Collected same = Corpus.decode(DecoderConfig.plaintext(), withCrc(original), withCrc(original));
        assertThat(same.telegrams.get(1).powerFailureLog()).isSameAs(same.telegrams.get(0).powerFailureLog());
        assertThat(same.telegrams.get(1).equipmentId()).isSameAs(same.telegrams.get(0).equipmentId());
    }
}
