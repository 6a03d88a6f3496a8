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
package org.openhab.binding.p1meter.benchmarks;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * The telegram the benchmarks send: the DSMR 5.0 three-phase meter with gas of the test corpus
 * ({@code dsmr50_isk_am550_openhab}), with places for a number in the T1 reading ({@code NNNNNN.NNN}), the last digit
 * of the import power ({@code P}) and the CRC ({@code XXXX}).
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault
final class BenchmarkTelegrams {

    static final String TEMPLATE = "/ISK5\\2M550T-1012\r\n\r\n" + "1-3:0.2.8(50)\r\n" + "0-0:1.0.0(180104231941W)\r\n"
            + "0-0:96.1.1(4530303434303036393033333132393137)\r\n" + "1-0:1.8.1(NNNNNN.NNN*kWh)\r\n"
            + "1-0:1.8.2(000071.546*kWh)\r\n" + "1-0:2.8.1(000000.000*kWh)\r\n" + "1-0:2.8.2(000000.000*kWh)\r\n"
            + "0-0:96.14.0(0001)\r\n" + "1-0:1.7.0(00.42P*kW)\r\n" + "1-0:2.7.0(00.000*kW)\r\n"
            + "0-0:96.7.21(00009)\r\n" + "0-0:96.7.9(00005)\r\n"
            + "1-0:99.97.0(2)(0-0:96.7.19)(170609063239S)(0000000267*s)(170611001706S)(0000149657*s)\r\n"
            + "1-0:32.32.0(00000)\r\n" + "1-0:52.32.0(00000)\r\n" + "1-0:72.32.0(00000)\r\n" + "1-0:32.36.0(00002)\r\n"
            + "1-0:52.36.0(00002)\r\n" + "1-0:72.36.0(00002)\r\n" + "0-0:96.13.0()\r\n" + "1-0:32.7.0(234.8*V)\r\n"
            + "1-0:52.7.0(232.1*V)\r\n" + "1-0:72.7.0(235.3*V)\r\n" + "1-0:31.7.0(000*A)\r\n" + "1-0:51.7.0(001*A)\r\n"
            + "1-0:71.7.0(001*A)\r\n" + "1-0:21.7.0(00.122*kW)\r\n" + "1-0:41.7.0(00.237*kW)\r\n"
            + "1-0:61.7.0(00.065*kW)\r\n" + "1-0:22.7.0(00.000*kW)\r\n" + "1-0:42.7.0(00.000*kW)\r\n"
            + "1-0:62.7.0(00.000*kW)\r\n" + "0-1:24.1.0(003)\r\n" + "0-1:96.1.0(4730303339303031373633333738373137)\r\n"
            + "0-1:24.2.1(180104231507W)(00212.529*m3)\r\n" + "!XXXX\r\n";

    static final int T1_AT = TEMPLATE.indexOf("NNNNNN.NNN");
    static final int POWER_DIGIT_AT = TEMPLATE.indexOf("42P") + 2;
    static final int CRC_AT = TEMPLATE.indexOf("XXXX");

    private BenchmarkTelegrams() {
    }

    /** The telegram with its T1 reading as in the corpus and this import power (kW, e.g. "00.042"), up to its '!'. */
    static String withImportPower(String kw) {
        String text = TEMPLATE.replace("NNNNNN.NNN", "000156.167").replace("00.42P", kw);
        return text.substring(0, text.indexOf('!') + 1);
    }
}
