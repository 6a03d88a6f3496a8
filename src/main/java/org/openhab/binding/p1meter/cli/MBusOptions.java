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
package org.openhab.binding.p1meter.cli;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.p1meter.internal.dsmr.MBusSelection;

import picocli.CommandLine.Option;

/**
 * {@code --gas-meter}, {@code --water-meter}, {@code --heat-meter}: which M-Bus device the JSON reading's
 * {@code gas}, {@code water} and {@code heat} are, for the daemon and for {@code parse}.
 *
 * @author P1 Meter Team - Initial contribution
 */
@NonNullByDefault({})
final class MBusOptions {

    @Option(names = "--gas-meter", paramLabel = "CHANNEL|SERIAL", order = 7, description = "The M-Bus device that is the gas meter: its channel 1-4 or its serial number (as sent or as printed on it). Default: the gas meter with the newest reading.")
    @Nullable
    String gasMeter;

    @Option(names = "--water-meter", paramLabel = "CHANNEL|SERIAL", order = 8, description = "The same for the water meter.")
    @Nullable
    String waterMeter;

    @Option(names = "--heat-meter", paramLabel = "CHANNEL|SERIAL", order = 9, description = "The same for the heat meter.")
    @Nullable
    String heatMeter;

    /**
     * @throws UsageError naming the option that is no channel 1-4
     */
    MBusSelection selection() {
        check("--gas-meter", gasMeter);
        check("--water-meter", waterMeter);
        check("--heat-meter", heatMeter);
        return MBusSelection.of(gasMeter, waterMeter, heatMeter);
    }

    private static void check(String option, @Nullable String value) {
        try {
            MBusSelection.Pin.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageError(option + ": " + e.getMessage());
        }
    }
}
